import type { AccessToken, Account, App, Challenge, DashboardSession, IpRegistration, LoginCode, OAuthGrant, OutboxDraft, OutboxMessage, RefreshToken, Session } from './types.js';
import type { AtOrderRecord, AtUser } from './autotrader/types.js';
import type { SamcoOrder } from './orders.js';
import type { GttRecord } from './gtt.js';
import type { DailyBar, MinuteBar, PriceState } from './market/types.js';
import type { Basket, BasketItem } from './baskets.js';
import type { PositionConversion } from './portfolio.js';

/** One position's fills on one day (quantities; values as exact sums of quantity x price), what the margin of the day's positions is computed from. */
export type DayPositionTotals = Pick<SamcoOrder, 'exchange' | 'symbolName' | 'productType'> & { buyQuantity: number; sellQuantity: number; buyValue: number; sellValue: number };

export type OutboxFilter = { uid?: string; kind?: OutboxMessage['kind']; since?: number; limit?: number };

/**
 * Adding state (a new kind of row): its table name here; in MemoryStore (mock/store/memory.ts)
 * a Map for it in `tables` (with an index function when it needs look-ups other than by key, or
 * a unique index), and typed methods on this port that go through `write()`. That is all: the
 * unit of work, the durable engines and replicas then carry it without further code. Rows are
 * JSON values, updated immutably (`put({ ...row, field })`).
 *
 * The tables of the state. Every write of the Store is a row image of one of them (a RowChange),
 * which is what a unit of work rolls back, what the durable engines persist and what replicas
 * replay: no list of method names to keep in step with the port.
 */
export const TABLES = [
  'counters',
  'accounts',
  'apps',
  'challenges',
  'sessions',
  'dashboardSessions',
  'grants',
  'refreshTokens',
  'loginCodes',
  'ips',
  'accessTokens',
  'ltps',
  'orders',
  'atUsers',
  'atOrders',
  'gtts',
  'outbox',
  'rateWindows',
  'signingKeys',
  'priceStates',
  'minuteBars',
  'dailyBars',
  'baskets',
  'basketItems',
  'conversions',
] as const;
export type TableName = (typeof TABLES)[number];

/** One row image: `row` null means deleted. Rows are plain JSON values. */
export type RowChange = { table: string; key: string; row: unknown | null };
/** A change as the working set saw it: with the row it replaced, for rolling back. */
export type TrackedChange = RowChange & { before: unknown | null };

/**
 * What may rest in a state file, by table: the outbox keeps the OTPs, API keys and secret keys
 * Samco would have sent in memory only (a restarted sandbox shows the message without them), so
 * every secret in a state file is a keyed hash, as README says. A shared database keeps the
 * outbox as sent, so that every replica shows the same OTPs (README says that too).
 */
export const AT_REST: Partial<Record<TableName, (row: unknown) => unknown>> = {
  outbox: (row) => {
    const message = row as OutboxMessage;
    let body = message.body;
    for (const secret of [message.otp, message.apiKey, message.secretApiKey]) if (secret) body = body.split(secret).join('[not kept across restarts]');
    return { ...message, body, otp: null, apiKey: null, secretApiKey: null };
  },
};

/**
 * Where the sandbox keeps its state: the PORT, owned by the domain (adapters in mock/store).
 * Synchronous on purpose: a domain command runs to its end without yielding, so concurrent
 * requests never interleave inside one rule check. Every write is reported to the change
 * recorder (the unit of work); unique indexes (API key hashes, authorization codes, order
 * numbers, AutoTrader key hashes, a static IP's client) refuse a second holder by throwing
 * UniqueViolation, which rolls the whole unit of work back. The domain checks first and refuses
 * in the real API's words; the index is what holds when a rule is missed.
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
  deleteChallenge(id: string): void;
  /** The newest legacy-secret-key challenge of a uid. */
  latestLegacyChallenge(uid: string): Challenge | undefined;
  challenges(): Iterable<Challenge>;

  getSession(tokenHash: string): Session | undefined;
  putSession(session: Session): void;
  deleteSession(tokenHash: string): void;
  sessionsOfApp(appId: string): Session[];
  sessions(): Iterable<Session>;
  activeSessionCount(now: number): number;

  getGrant(id: string): OAuthGrant | undefined;
  putGrant(grant: OAuthGrant): void;
  deleteGrant(id: string): void;
  grantByCodeHash(codeHash: string): OAuthGrant | undefined;
  grantsOfApp(appId: string): OAuthGrant[];
  grants(): Iterable<OAuthGrant>;
  getRefreshToken(tokenHash: string): RefreshToken | undefined;
  putRefreshToken(token: RefreshToken): void;
  deleteRefreshToken(tokenHash: string): void;
  refreshTokens(): Iterable<RefreshToken>;

  putLoginCode(code: LoginCode): void;
  loginCodeByHash(codeHash: string): LoginCode | undefined;
  /** The account's newest Login Code. */
  loginCodeOf(uid: string): LoginCode | undefined;
  deleteLoginCode(codeHash: string): void;
  loginCodes(): Iterable<LoginCode>;

  getDashboardSession(tokenHash: string): DashboardSession | undefined;
  putDashboardSession(session: DashboardSession): void;
  deleteDashboardSession(tokenHash: string): void;
  dashboardSessions(): Iterable<DashboardSession>;

  appendMessage(draft: OutboxDraft, sentAt: number): OutboxMessage;
  deleteMessage(id: number): void;
  /** The oldest message kept, if any. */
  oldestMessage(): OutboxMessage | undefined;
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

  /** The market's price state of a listing (undefined: untouched, the generated previous close stands). */
  getPriceState(key: string): PriceState | undefined;
  putPriceState(state: PriceState): void;
  /** A listing's one-minute candle: replaces the stored one of the same minute. */
  putMinuteBar(key: string, bar: MinuteBar): void;
  /** A listing's minute candles with `from <= at < to`, oldest first. */
  minuteBars(key: string, from: number, to: number): MinuteBar[];
  /** A listing's daily candle: replaces the stored one of the same day. */
  putDailyBar(key: string, bar: DailyBar): void;
  /** A listing's stored daily candles, oldest first. */
  dailyBars(key: string): DailyBar[];

  orderNumberTaken(orderNumber: string): boolean;
  getOrder(uid: string, orderNumber: string): SamcoOrder | undefined;
  putOrder(order: SamcoOrder): void;
  /** Orders of an account, oldest first. */
  ordersOf(uid: string): SamcoOrder[];
  /** Orders of an account whose status is PENDING or OPEN (an index, not a scan of every order), oldest first. */
  liveOrdersOf(uid: string): SamcoOrder[];
  /** The sums of an account's fills (orders and position conversions) on one IST day, per position: an index, not a scan of every fill. */
  dayPositionTotals(uid: string, day: number): DayPositionTotals[];
  /** Orders whose `openOn` is this instrument key (the open ones, as the domain marks them), oldest first. */
  ordersOpenOn(instrumentKey: string): SamcoOrder[];

  getAccessToken(tokenHash: string): AccessToken | undefined;
  putAccessToken(token: AccessToken): void;
  deleteAccessToken(tokenHash: string): void;
  accessTokens(): Iterable<AccessToken>;

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

  /** GTT and OCO triggers (issue 18a): by account and summary id; the active ones indexed by instrument key (`activeOn`). */
  getGtt(uid: string, gttSummaryId: string): GttRecord | undefined;
  putGtt(gtt: GttRecord): void;
  /** Triggers of an account, oldest first. */
  gttsOf(uid: string): GttRecord[];
  /** Triggers whose `activeOn` is this instrument key, oldest first. */
  gttsActiveOn(instrumentKey: string): GttRecord[];

  /** A rate-limit window's log (timestamps, oldest first): in the store so that replicas count together. */
  rateWindow(key: string): readonly number[] | undefined;
  putRateWindow(key: string, log: readonly number[] | null): void;
  rateWindowCount(): number;
  /** The key of the window counted least recently. */
  stalestRateWindow(): string | undefined;

  /** A signing key (base64), kept with the state so that every replica and every restart signs alike. */
  signingKey(name: string): string | undefined;
  putSigningKey(name: string, key: string): void;

  // Baskets and position conversions (issue 18b).
  getBasket(uid: string, basketId: number): Basket | undefined;
  putBasket(basket: Basket): void;
  /** Deletes the basket and its orders. */
  deleteBasket(uid: string, basketId: number): void;
  /** The account's baskets, by id. */
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

  /** Deletes every row (each deletion is a change like any other). */
  clear(): void;

  /** Reports every write, with the row it replaced; null stops reporting. */
  onChange(recorder: ((change: TrackedChange) => void) | null): void;
  /** Puts a row image back as it was, keeping every index, without reporting it: for rollback, start-up and replicas. */
  applyRow(change: RowChange): void;
  /** The current image of one row (undefined: no such row). */
  rowOf(table: string, key: string): unknown | undefined;
  /** Every live row: tables in TABLES order, rows in first-insertion order. */
  rows(): Iterable<RowChange>;
}

/** A second holder of a unique index value: a fault (a rule let it through), so the unit of work rolls back. */
export class UniqueViolation extends Error {
  constructor(table: string, index: string, value: string) {
    super(`unique index ${table}.${index}: ${value} is already held`);
  }
}

/** Everything a batch makes durable: row changes in order, plus the meta values (rng positions, clock, pepper) as they stand after it. */
export type Batch = { changes: RowChange[]; meta: Record<string, unknown> };
export type Loaded = { rows: RowChange[]; meta: Record<string, unknown>; version: number };

/**
 * Where committed batches become durable: the embedded database behind --state, or a shared
 * database for replicas. Holds no rule: it stores row images and meta, and for shared stores
 * serialises groups of transactions across processes.
 */
export interface Durability {
  readonly kind: 'embedded' | 'postgres';
  /** Opens (creating if absent) and loads everything; throws StateError naming the file and what to do. */
  open(): Promise<Loaded>;
  /** Shared stores: waits for the cross-process write lock and returns what others committed since `version`. */
  begin(version: number): Promise<{ batches: Batch[]; version: number }>;
  /** Makes the batch durable and releases the lock `begin` took; rejects on ENOSPC, EIO or a lost connection. */
  commit(batch: Batch): Promise<number>;
  /** Releases the lock `begin` took, writing nothing. */
  release(): Promise<void>;
  /** Shared stores: calls `onRemote` whenever another process has committed. */
  watch?(onRemote: () => void): Promise<void>;
  close(): Promise<void>;
}

/** The state cannot be used as it is (corrupt, foreign, or held by another process): the message says which and what to do. */
export class StateError extends Error {
  override name = 'StateError';
}
