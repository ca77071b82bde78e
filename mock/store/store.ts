import type { ClockState } from '../domain/clock.js';
import type { AccessToken, Account, App, Challenge, DashboardSession, IpRegistration, LoginCode, OAuthGrant, OutboxDraft, OutboxMessage, RefreshToken, Session } from '../domain/types.js';
import type { AtOrderRecord, AtUser } from '../domain/autotrader/types.js';
import type { SamcoOrder } from '../domain/orders.js';
import type { Basket, BasketItem } from '../domain/baskets.js';
import type { PositionConversion } from '../domain/portfolio.js';

export type OutboxFilter = { uid?: string; kind?: OutboxMessage['kind']; since?: number; limit?: number };

/**
 * Where the sandbox keeps its state. Synchronous on purpose: every domain operation runs to the
 * end without yielding, so concurrent requests can never interleave inside one rule check.
 */
export interface Store {
  getAccount(uid: string): Account | undefined;
  putAccount(account: Account): void;
  accountCount(): number;

  getApp(id: string): App | undefined;
  putApp(app: App): void;
  appsOf(uid: string): App[];
  appByKeyHash(apiKeyHash: string): App | undefined;
  appCount(): number;
  nextAppSeq(): number;

  getChallenge(id: string): Challenge | undefined;
  putChallenge(challenge: Challenge): void;
  /** The legacy OTP of a uid: a new one replaces the old. */
  latestLegacyChallenge(uid: string): Challenge | undefined;

  getSession(tokenHash: string): Session | undefined;
  putSession(session: Session): void;
  sessionsOfApp(appId: string): Session[];
  activeSessionCount(now: number): number;

  getGrant(id: string): OAuthGrant | undefined;
  putGrant(grant: OAuthGrant): void;
  grantByCodeHash(codeHash: string): OAuthGrant | undefined;
  grantsOfApp(appId: string): OAuthGrant[];
  getRefreshToken(tokenHash: string): RefreshToken | undefined;
  putRefreshToken(token: RefreshToken): void;

  putLoginCode(code: LoginCode): void;
  loginCodeByHash(codeHash: string): LoginCode | undefined;
  /** The account's current Login Code: a new one replaces it. */
  loginCodeOf(uid: string): LoginCode | undefined;
  deleteLoginCode(codeHash: string): void;

  getDashboardSession(tokenHash: string): DashboardSession | undefined;
  putDashboardSession(session: DashboardSession): void;
  deleteDashboardSession(tokenHash: string): void;

  appendMessage(draft: OutboxDraft, sentAt: number): OutboxMessage;
  messages(filter: OutboxFilter): OutboxMessage[];
  messageCount(): number;

  getIps(uid: string, appId: string | null): IpRegistration | undefined;
  putIps(registration: IpRegistration): void;
  deleteIps(uid: string, appId: string | null): void;
  /** Every registration holding the address, as primary or secondary. */
  ipHolders(ip: string): IpRegistration[];

  /** The simulated market's last traded price of an instrument (undefined: its previous close). */
  getLtp(instrumentKey: string): number | undefined;
  putLtp(instrumentKey: string, price: number): void;

  orderNumberTaken(orderNumber: string): boolean;
  getOrder(uid: string, orderNumber: string): SamcoOrder | undefined;
  putOrder(order: SamcoOrder): void;
  /** Orders of an account, oldest first. */
  ordersOf(uid: string): SamcoOrder[];
  /** Orders whose `openOn` is this instrument key (the open ones, as the domain marks them), oldest first. */
  ordersOpenOn(instrumentKey: string): SamcoOrder[];

  getAccessToken(tokenHash: string): AccessToken | undefined;
  putAccessToken(token: AccessToken): void;

  getAtUser(username: string): AtUser | undefined;
  putAtUser(user: AtUser): void;
  atUserByKeyHash(apiKeyHash: string): AtUser | undefined;
  atUserCount(): number;
  getAtOrder(username: string, id: string): AtOrderRecord | undefined;
  putAtOrder(order: AtOrderRecord): void;
  /** AutoTrader orders whose `openOn` is this instrument key, oldest first. */
  atOrdersOpenOn(instrumentKey: string): AtOrderRecord[];
  /** Orders of a pseudo account, oldest first. */
  atOrders(username: string, pseudoAccount: string): AtOrderRecord[];

  // Baskets and position conversions (issue 18b).
  getBasket(uid: string, basketId: number): Basket | undefined;
  putBasket(basket: Basket): void;
  /** Deletes the basket and its orders. */
  deleteBasket(uid: string, basketId: number): void;
  /** The account's baskets, oldest first. */
  basketsOf(uid: string): Basket[];
  putBasketItem(item: BasketItem): void;
  deleteBasketItem(uid: string, basketId: number, basketOrderId: number): void;
  /** A basket's orders in execution order (sequence). */
  basketItems(uid: string, basketId: number): BasketItem[];
  /** The next basket id or basket order id (one sequence each, across accounts, as Samco's ids run). */
  nextBasketSeq(kind: 'basket' | 'order'): number;
  putConversion(conversion: PositionConversion): void;
  /** The account's position conversions, oldest first. */
  conversionsOf(uid: string): PositionConversion[];

  /**
   * Drops what can no longer matter: challenges, sessions, OAuth grants and refresh tokens, dashboard sessions and access tokens
   * dead for longer than `graceMs`, and beyond `keepDead` finished challenges or revoked sessions
   * the oldest. Returns how many.
   */
  sweep(now: number, graceMs: number, keepDead?: number): number;

  clear(): void;

  /**
   * Makes every change since the last commit durable (a persistent store); the random streams'
   * positions and the clock go with it, so a restart neither repeats ids nor moves time back.
   */
  commit?(rng: Record<string, number>, clock?: ClockState): void;
}
