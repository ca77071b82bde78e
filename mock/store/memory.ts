import type { AccessToken, Account, App, Challenge, DashboardSession, IpRegistration, LoginCode, OAuthGrant, OutboxDraft, OutboxMessage, RefreshToken, Session } from '../domain/types.js';
import type { OutboxFilter, Store } from './store.js';
import type { AtOrderRecord, AtUser } from '../domain/autotrader/types.js';
import type { SamcoOrder } from '../domain/orders.js';
import type { Basket, BasketItem } from '../domain/baskets.js';
import type { PositionConversion } from '../domain/portfolio.js';
import { OutboxIndex } from './outbox-index.js';

const DEFAULT_OUTBOX_LIMIT = 100;
const DEAD_KEPT = 10_000;
const ipKey = (uid: string, appId: string | null) => `${uid}\0${appId ?? ''}`;

/** Moves `key` from the set of its old index value to the set of its new one (insertion order is time order). */
function reindex(index: Map<string, Set<string>>, key: string, from: string | null, to: string | null) {
  if (from === to) return;
  if (from !== null) index.get(from)?.delete(key);
  if (to === null) return;
  const set = index.get(to) ?? new Set<string>();
  set.add(key);
  index.set(to, set);
}

/** The default store: plain maps with the indexes the rules need. The outbox keeps the newest `outboxRetention` messages. */
export class MemoryStore implements Store {
  private accounts = new Map<string, Account>();
  private apps = new Map<string, App>();
  private appsByUid = new Map<string, App[]>();
  private appsByKeyHash = new Map<string, App>();
  private appSeq = 0;
  private challenges = new Map<string, Challenge>();
  private legacyChallenges = new Map<string, string>();
  private sessions = new Map<string, Session>();
  private sessionsByApp = new Map<string, Set<string>>();
  private dashboardSessions = new Map<string, DashboardSession>();
  private grants = new Map<string, OAuthGrant>();
  private grantsByCode = new Map<string, string>();
  private grantsByApp = new Map<string, Set<string>>();
  private refreshTokens = new Map<string, RefreshToken>();
  private loginCodes = new Map<string, LoginCode>();
  private loginCodeByUid = new Map<string, string>();
  private ips = new Map<string, IpRegistration>();
  private ipIndex = new Map<string, Set<string>>();
  private accessTokens = new Map<string, AccessToken>();
  private orders = new Map<string, SamcoOrder>();
  private ordersByUid = new Map<string, string[]>();
  private ordersOpen = new Map<string, Set<string>>();
  private orderNumbers = new Set<string>();
  private atOrdersOpen = new Map<string, Set<string>>();
  private atUsers = new Map<string, AtUser>();
  private atUsersByKeyHash = new Map<string, AtUser>();
  private atOrdersById = new Map<string, AtOrderRecord>();
  private atOrdersByAccount = new Map<string, string[]>();
  private ltps = new Map<string, number>();
  private readonly outbox: OutboxIndex;
  private outboxSeq = 0;

  constructor(outboxRetention = 10_000) {
    this.outbox = new OutboxIndex(outboxRetention);
  }

  getAccount(uid: string) {
    return this.accounts.get(uid);
  }
  putAccount(account: Account) {
    this.accounts.set(account.uid, account);
  }
  accountCount() {
    return this.accounts.size;
  }

  getApp(id: string) {
    return this.apps.get(id);
  }
  putApp(app: App) {
    const previous = this.apps.get(app.id);
    if (previous) this.appsByKeyHash.delete(previous.apiKeyHash);
    this.apps.set(app.id, app);
    this.appsByKeyHash.set(app.apiKeyHash, app);
    const list = this.appsByUid.get(app.uid) ?? [];
    const at = list.findIndex((a) => a.id === app.id);
    if (at >= 0) list[at] = app;
    else list.push(app);
    this.appsByUid.set(app.uid, list);
  }
  appsOf(uid: string) {
    return [...(this.appsByUid.get(uid) ?? [])];
  }
  appByKeyHash(apiKeyHash: string) {
    return this.appsByKeyHash.get(apiKeyHash);
  }
  appCount() {
    return this.apps.size;
  }
  nextAppSeq() {
    return ++this.appSeq;
  }

  getChallenge(id: string) {
    return this.challenges.get(id);
  }
  putChallenge(challenge: Challenge) {
    this.challenges.set(challenge.id, challenge);
    if (challenge.action !== 'legacy-secret-key') return;
    // A new legacy OTP replaces the old one, which nothing can reach any more.
    const previous = this.legacyChallenges.get(challenge.uid);
    if (previous !== undefined && previous !== challenge.id) this.challenges.delete(previous);
    this.legacyChallenges.set(challenge.uid, challenge.id);
  }
  latestLegacyChallenge(uid: string) {
    const id = this.legacyChallenges.get(uid);
    return id === undefined ? undefined : this.challenges.get(id);
  }

  getSession(tokenHash: string) {
    return this.sessions.get(tokenHash);
  }
  putSession(session: Session) {
    this.sessions.set(session.tokenHash, session);
    if (session.appId === null) return;
    const set = this.sessionsByApp.get(session.appId) ?? new Set<string>();
    set.add(session.tokenHash);
    this.sessionsByApp.set(session.appId, set);
  }
  sessionsOfApp(appId: string) {
    return [...(this.sessionsByApp.get(appId) ?? [])].map((hash) => this.sessions.get(hash)!);
  }
  activeSessionCount(now: number) {
    let n = 0;
    for (const s of this.sessions.values()) if (s.revokedReason === null && s.expiresAt > now) n++;
    return n;
  }

  getGrant(id: string) {
    return this.grants.get(id);
  }
  putGrant(grant: OAuthGrant) {
    this.grants.set(grant.id, grant);
    this.grantsByCode.set(grant.codeHash, grant.id);
    const set = this.grantsByApp.get(grant.appId) ?? new Set<string>();
    set.add(grant.id);
    this.grantsByApp.set(grant.appId, set);
  }
  grantByCodeHash(codeHash: string) {
    const id = this.grantsByCode.get(codeHash);
    return id === undefined ? undefined : this.grants.get(id);
  }
  grantsOfApp(appId: string) {
    return [...(this.grantsByApp.get(appId) ?? [])].map((id) => this.grants.get(id)!);
  }
  private dropGrant(grant: OAuthGrant) {
    this.grants.delete(grant.id);
    this.grantsByCode.delete(grant.codeHash);
    this.grantsByApp.get(grant.appId)?.delete(grant.id);
  }
  putLoginCode(code: LoginCode) {
    this.loginCodes.set(code.codeHash, code);
    this.loginCodeByUid.set(code.uid, code.codeHash);
  }
  loginCodeByHash(codeHash: string) {
    return this.loginCodes.get(codeHash);
  }
  loginCodeOf(uid: string) {
    const hash = this.loginCodeByUid.get(uid);
    return hash === undefined ? undefined : this.loginCodes.get(hash);
  }
  deleteLoginCode(codeHash: string) {
    const code = this.loginCodes.get(codeHash);
    if (!code) return;
    this.loginCodes.delete(codeHash);
    if (this.loginCodeByUid.get(code.uid) === codeHash) this.loginCodeByUid.delete(code.uid);
  }
  getRefreshToken(tokenHash: string) {
    return this.refreshTokens.get(tokenHash);
  }
  putRefreshToken(token: RefreshToken) {
    this.refreshTokens.set(token.tokenHash, token);
  }

  getDashboardSession(tokenHash: string) {
    return this.dashboardSessions.get(tokenHash);
  }
  putDashboardSession(session: DashboardSession) {
    this.dashboardSessions.set(session.tokenHash, session);
  }
  deleteDashboardSession(tokenHash: string) {
    this.dashboardSessions.delete(tokenHash);
  }

  appendMessage(draft: OutboxDraft, sentAt: number) {
    const message: OutboxMessage = { ...draft, id: ++this.outboxSeq, sentAt };
    this.outbox.add(message);
    return message;
  }
  messages({ uid, kind, since, limit = DEFAULT_OUTBOX_LIMIT }: OutboxFilter) {
    return this.outbox.find({ uid, kind, since }, limit);
  }
  messageCount() {
    return this.outbox.size;
  }

  getIps(uid: string, appId: string | null) {
    return this.ips.get(ipKey(uid, appId));
  }
  putIps(registration: IpRegistration) {
    const key = ipKey(registration.uid, registration.appId);
    this.unindexIps(key);
    this.ips.set(key, registration);
    for (const ip of [registration.primaryIp, registration.secondaryIp]) {
      if (ip) this.ipIndex.set(ip, (this.ipIndex.get(ip) ?? new Set()).add(key));
    }
  }
  deleteIps(uid: string, appId: string | null) {
    const key = ipKey(uid, appId);
    this.unindexIps(key);
    this.ips.delete(key);
  }
  private unindexIps(key: string) {
    const previous = this.ips.get(key);
    for (const ip of [previous?.primaryIp, previous?.secondaryIp]) if (ip) this.ipIndex.get(ip)?.delete(key);
  }
  ipHolders(ip: string) {
    return [...(this.ipIndex.get(ip) ?? [])].map((key) => this.ips.get(key)!);
  }

  getLtp(instrumentKey: string) {
    return this.ltps.get(instrumentKey);
  }
  putLtp(instrumentKey: string, price: number) {
    this.ltps.set(instrumentKey, price);
  }
  getOrder(uid: string, orderNumber: string) {
    return this.orders.get(`${uid}\0${orderNumber}`);
  }
  putOrder(order: SamcoOrder) {
    const key = `${order.uid}\0${order.orderNumber}`;
    const previous = this.orders.get(key);
    if (!previous) {
      this.orderNumbers.add(order.orderNumber);
      const list = this.ordersByUid.get(order.uid) ?? [];
      list.push(key);
      this.ordersByUid.set(order.uid, list);
    }
    reindex(this.ordersOpen, key, previous?.openOn ?? null, order.openOn);
    this.orders.set(key, order);
  }
  orderNumberTaken(orderNumber: string) {
    return this.orderNumbers.has(orderNumber);
  }
  ordersOpenOn(instrumentKey: string) {
    return [...(this.ordersOpen.get(instrumentKey) ?? [])].map((key) => this.orders.get(key)!);
  }
  ordersOf(uid: string) {
    return (this.ordersByUid.get(uid) ?? []).map((key) => this.orders.get(key)!);
  }

  getAccessToken(tokenHash: string) {
    return this.accessTokens.get(tokenHash);
  }
  putAccessToken(token: AccessToken) {
    this.accessTokens.set(token.tokenHash, token);
  }

  getAtUser(username: string) {
    return this.atUsers.get(username);
  }
  putAtUser(user: AtUser) {
    const previous = this.atUsers.get(user.username);
    if (previous) this.atUsersByKeyHash.delete(previous.apiKeyHash);
    this.atUsers.set(user.username, user);
    this.atUsersByKeyHash.set(user.apiKeyHash, user);
  }
  atUserByKeyHash(apiKeyHash: string) {
    return this.atUsersByKeyHash.get(apiKeyHash);
  }
  atUserCount() {
    return this.atUsers.size;
  }
  atOrdersOpenOn(instrumentKey: string) {
    return [...(this.atOrdersOpen.get(instrumentKey) ?? [])].map((key) => this.atOrdersById.get(key)!);
  }
  getAtOrder(username: string, id: string) {
    return this.atOrdersById.get(`${username}\0${id}`);
  }
  putAtOrder(order: AtOrderRecord) {
    const key = `${order.username}\0${order.id}`;
    const previous = this.atOrdersById.get(key);
    reindex(this.atOrdersOpen, key, previous?.openOn ?? null, order.openOn);
    if (!previous) {
      const accountKey = `${order.username}\0${order.pseudoAccount}`;
      const list = this.atOrdersByAccount.get(accountKey) ?? [];
      list.push(key);
      this.atOrdersByAccount.set(accountKey, list);
    }
    this.atOrdersById.set(key, order);
  }
  atOrders(username: string, pseudoAccount: string) {
    return (this.atOrdersByAccount.get(`${username}\0${pseudoAccount}`) ?? []).map((key) => this.atOrdersById.get(key)!);
  }

  sweep(now: number, graceMs: number, keepDead = DEAD_KEPT) {
    const before = now - graceMs;
    let dropped = 0;
    // Within the grace period too, at most `keepDead` finished challenges and revoked sessions are kept, oldest dropped first.
    const finished = [...this.challenges.values()].filter((c) => c.state !== 'pending');
    for (const c of finished.slice(0, Math.max(0, finished.length - keepDead))) {
      this.challenges.delete(c.id);
      dropped++;
    }
    const revoked = [...this.sessions.values()].filter((s) => s.revokedAt !== null).sort((a, b) => a.revokedAt! - b.revokedAt!);
    for (const s of revoked.slice(0, Math.max(0, revoked.length - keepDead))) {
      this.sessions.delete(s.tokenHash);
      if (s.appId !== null) this.sessionsByApp.get(s.appId)?.delete(s.tokenHash);
      dropped++;
    }
    for (const [id, c] of this.challenges) {
      if (c.expiresAt >= before) continue;
      this.challenges.delete(id);
      if (this.legacyChallenges.get(c.uid) === id) this.legacyChallenges.delete(c.uid);
      dropped++;
    }
    for (const [hash, s] of this.sessions) {
      if (s.expiresAt >= before && (s.revokedAt === null || s.revokedAt >= before)) continue;
      this.sessions.delete(hash);
      if (s.appId !== null) this.sessionsByApp.get(s.appId)?.delete(hash);
      dropped++;
    }
    for (const grant of this.grants.values()) {
      if (grant.expiresAt >= before && (grant.revokedAt === null || grant.revokedAt >= before)) continue;
      this.dropGrant(grant);
      dropped++;
    }
    for (const [hash, t] of this.refreshTokens) {
      if (t.expiresAt >= before && (t.replacedAt === null || t.replacedAt >= before) && this.grants.has(t.grantId)) continue;
      this.refreshTokens.delete(hash);
      dropped++;
    }
    for (const [hash, code] of this.loginCodes) {
      if (code.expiresAt >= before) continue;
      this.deleteLoginCode(hash);
      dropped++;
    }
    for (const [hash, d] of this.dashboardSessions) if (d.expiresAt < before && this.dashboardSessions.delete(hash)) dropped++;
    for (const [hash, t] of this.accessTokens) if (t.expiresAt < before && this.accessTokens.delete(hash)) dropped++;
    return dropped;
  }

  /** Puts back a message as it was (id and all): for restoring a snapshot. */
  restoreMessage(message: OutboxMessage) {
    this.outbox.add(message);
    this.outboxSeq = Math.max(this.outboxSeq, message.id);
  }

  setCounters(counters: { appSeq: number; outboxSeq: number }) {
    this.appSeq = counters.appSeq;
    this.outboxSeq = counters.outboxSeq;
  }

  /** Calls that rebuild the whole state on an empty store, in an order that keeps every index as it is. */
  snapshot(): Array<[string, ...unknown[]]> {
    const puts = <T>(name: string, values: Iterable<T>) => [...values].map((v) => [name, v] as [string, ...unknown[]]);
    return [
      ...puts('putAccount', this.accounts.values()),
      ...puts(
        'putApp',
        [...this.apps.values()].sort((a, b) => a.seq - b.seq),
      ),
      ...puts('putChallenge', this.challenges.values()),
      ...puts('putSession', this.sessions.values()),
      ...puts('putDashboardSession', this.dashboardSessions.values()),
      ...puts('putGrant', this.grants.values()),
      ...puts('putRefreshToken', this.refreshTokens.values()),
      ...puts('putLoginCode', this.loginCodes.values()),
      ...puts('putIps', this.ips.values()),
      ...puts('putAccessToken', this.accessTokens.values()),
      ...[...this.ltps].map(([key, price]) => ['putLtp', key, price] as [string, ...unknown[]]),
      ...puts('putOrder', this.orders.values()),
      ...puts('putAtUser', this.atUsers.values()),
      ...puts('putAtOrder', this.atOrdersById.values()),
      ...puts('restoreMessage', this.outbox.messages()),
      ['setCounters', { appSeq: this.appSeq, outboxSeq: this.outboxSeq }],
      ...this.basketSnapshot(),
    ];
  }

  clear() {
    this.ips.clear();
    this.ipIndex.clear();
    this.accessTokens.clear();
    this.orders.clear();
    this.ordersOpen.clear();
    this.orderNumbers.clear();
    this.atOrdersOpen.clear();
    this.ltps.clear();
    this.ordersByUid.clear();
    this.atUsers.clear();
    this.atUsersByKeyHash.clear();
    this.atOrdersById.clear();
    this.atOrdersByAccount.clear();
    this.accounts.clear();
    this.apps.clear();
    this.appsByUid.clear();
    this.appsByKeyHash.clear();
    this.challenges.clear();
    this.legacyChallenges.clear();
    this.sessions.clear();
    this.sessionsByApp.clear();
    this.dashboardSessions.clear();
    this.grants.clear();
    this.grantsByCode.clear();
    this.grantsByApp.clear();
    this.refreshTokens.clear();
    this.loginCodes.clear();
    this.loginCodeByUid.clear();
    this.outbox.clear();
    this.outboxSeq = 0;
    this.appSeq = 0;
    this.clearBaskets();
  }

  // Baskets and position conversions (issue 18b): own maps, rebuilt by their own snapshot calls.
  private baskets = new Map<string, Basket>();
  private basketIdsByUid = new Map<string, Set<string>>();
  private basketItemsByBasket = new Map<string, Map<number, BasketItem>>();
  private basketSeqs = { basket: 0, order: 0 };
  private conversions = new Map<string, PositionConversion[]>();

  getBasket(uid: string, basketId: number) {
    return this.baskets.get(`${uid}\0${basketId}`);
  }
  putBasket(basket: Basket) {
    const key = `${basket.uid}\0${basket.basketId}`;
    this.baskets.set(key, basket);
    this.basketIdsByUid.set(basket.uid, (this.basketIdsByUid.get(basket.uid) ?? new Set()).add(key));
  }
  deleteBasket(uid: string, basketId: number) {
    const key = `${uid}\0${basketId}`;
    this.baskets.delete(key);
    this.basketIdsByUid.get(uid)?.delete(key);
    this.basketItemsByBasket.delete(key);
  }
  basketsOf(uid: string) {
    return [...(this.basketIdsByUid.get(uid) ?? [])].map((key) => this.baskets.get(key)!).sort((a, b) => a.basketId - b.basketId);
  }
  putBasketItem(item: BasketItem) {
    const key = `${item.uid}\0${item.basketId}`;
    const items = this.basketItemsByBasket.get(key) ?? new Map<number, BasketItem>();
    items.set(item.basketOrderId, item);
    this.basketItemsByBasket.set(key, items);
  }
  deleteBasketItem(uid: string, basketId: number, basketOrderId: number) {
    this.basketItemsByBasket.get(`${uid}\0${basketId}`)?.delete(basketOrderId);
  }
  basketItems(uid: string, basketId: number) {
    return [...(this.basketItemsByBasket.get(`${uid}\0${basketId}`)?.values() ?? [])].sort((a, b) => a.sequence - b.sequence || a.basketOrderId - b.basketOrderId);
  }
  nextBasketSeq(kind: 'basket' | 'order') {
    return ++this.basketSeqs[kind];
  }
  setBasketSeqs(seqs: { basket: number; order: number }) {
    this.basketSeqs = { ...seqs };
  }
  putConversion(conversion: PositionConversion) {
    this.conversions.set(conversion.uid, [...(this.conversions.get(conversion.uid) ?? []), conversion]);
  }
  conversionsOf(uid: string) {
    return [...(this.conversions.get(uid) ?? [])];
  }
  private basketSnapshot(): Array<[string, ...unknown[]]> {
    return [
      ...[...this.baskets.values()].map((b) => ['putBasket', b] as [string, ...unknown[]]),
      ...[...this.basketItemsByBasket.values()].flatMap((items) => [...items.values()].map((i) => ['putBasketItem', i] as [string, ...unknown[]])),
      ['setBasketSeqs', { ...this.basketSeqs }],
      ...[...this.conversions.values()].flat().map((c) => ['putConversion', c] as [string, ...unknown[]]),
    ];
  }
  private clearBaskets() {
    this.baskets.clear();
    this.basketIdsByUid.clear();
    this.basketItemsByBasket.clear();
    this.basketSeqs = { basket: 0, order: 0 };
    this.conversions.clear();
  }
}
