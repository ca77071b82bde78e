import type { AccessToken, Account, App, Challenge, DashboardSession, IpRegistration, LoginCode, OAuthGrant, OutboxDraft, OutboxMessage, RefreshToken, Session } from '../domain/types.js';
import { type OutboxFilter, type RowChange, type Store, TABLES, type TableName, type TrackedChange, UniqueViolation } from '../domain/store.js';
import type { AtOrderRecord, AtUser } from '../domain/autotrader/types.js';
import { isOpen, type SamcoOrder } from '../domain/orders.js';
import type { GttRecord } from '../domain/gtt.js';
import type { DailyBar, MinuteBar, PriceState } from '../domain/market/types.js';
import type { Basket, BasketItem } from '../domain/baskets.js';
import type { PositionConversion } from '../domain/portfolio.js';
import { OutboxIndex } from './outbox-index.js';
import { DayTotalsIndex } from './day-totals.js';

const DEFAULT_OUTBOX_LIMIT = 100;
/** Joins the parts of a composite key: U+001F (unit separator), which no id holds and every database's text can (U+0000 cannot). */
const join = (...parts: string[]) => parts.join('\u001f');
const ipKey = (uid: string, appId: string | null) => join(uid, appId ?? '');
const orderKey = (uid: string, orderNumber: string) => join(uid, orderNumber);
const atOrderKey = (username: string, id: string) => join(username, id);
const basketKey = (uid: string, basketId: number) => join(uid, String(basketId));
const basketItemKey = (uid: string, basketId: number, basketOrderId: number) => join(uid, String(basketId), String(basketOrderId));

/** Up to this many keys, a group is an array (a Set costs about 4x as much: most accounts hold a few apps, most apps a few sessions). */
const SMALL_GROUP = 8;

/** A set-valued index: keys grouped by a value, in insertion order. A small group is an array replaced on change, a larger one a Set. */
class Groups {
  private readonly map = new Map<string, readonly string[] | Set<string>>();
  add(value: string | null | undefined, key: string) {
    if (value === null || value === undefined) return;
    const group = this.map.get(value);
    if (group === undefined) this.map.set(value, [key]);
    else if (group instanceof Set) group.add(key);
    else if (!group.includes(key)) this.map.set(value, group.length < SMALL_GROUP ? group.concat(key) : new Set(group).add(key));
  }
  remove(value: string | null | undefined, key: string) {
    if (value === null || value === undefined) return;
    const group = this.map.get(value);
    if (group === undefined) return;
    if (group instanceof Set) {
      group.delete(key);
      if (group.size === 0) this.map.delete(value);
    } else if (group.includes(key)) {
      if (group.length === 1) this.map.delete(value);
      else
        this.map.set(
          value,
          group.filter((k) => k !== key),
        );
    }
  }
  keys(value: string): Iterable<string> {
    return this.map.get(value) ?? [];
  }
}

/** A unique index: one key per value. */
class Unique {
  private readonly map = new Map<string, string>();
  constructor(
    private readonly table: TableName,
    private readonly name: string,
  ) {}
  check(value: string | null | undefined, key: string) {
    if (value === null || value === undefined) return;
    const holder = this.map.get(value);
    if (holder !== undefined && holder !== key) throw new UniqueViolation(this.table, this.name, value);
  }
  set(value: string | null | undefined, key: string) {
    if (value !== null && value !== undefined) this.map.set(value, key);
  }
  remove(value: string | null | undefined, key: string) {
    if (value !== null && value !== undefined && this.map.get(value) === key) this.map.delete(value);
  }
  get(value: string) {
    return this.map.get(value);
  }
  has(value: string) {
    return this.map.has(value);
  }
}

/** A candle row: the listing it belongs to (for the index) and the candle. */
type BarRow<B> = { listing: string; bar: B };

type Table<R> = {
  rows: Map<string, R>;
  /** Checks the unique indexes (throwing before anything changed), then updates the secondary ones. */
  index?: (key: string, row: R | null, before: R | null) => void;
  clearIndexes?: () => void;
};

/**
 * The working set every adapter serves from: plain maps, one per table, with the indexes the
 * rules read. No rule lives here: which rows to write, replace or forget is the domain's call.
 * Each write is one row image, reported to the recorder (the unit of work).
 */
export class MemoryStore implements Store {
  private recorder: ((change: TrackedChange) => void) | null = null;

  private readonly appsByUid = new Groups();
  private readonly appsByKeyHash = new Unique('apps', 'apiKeyHash');
  private readonly legacyChallenges = new Map<string, string>();
  private readonly sessionsByApp = new Groups();
  private readonly grantsByCode = new Unique('grants', 'codeHash');
  private readonly grantsByApp = new Groups();
  private readonly loginCodeByUid = new Map<string, string>();
  private readonly ipIndex = new Groups();
  private readonly orderNumbers = new Unique('orders', 'orderNumber');
  private readonly ordersByUid = new Groups();
  private readonly ordersOpen = new Groups();
  private readonly ordersLiveByUid = new Groups();
  private readonly dayTotals = new DayTotalsIndex();
  private readonly atUsersByKeyHash = new Unique('atUsers', 'apiKeyHash');
  private readonly atOrdersOpen = new Groups();
  private readonly atOrdersByAccount = new Groups();
  // GTT and OCO triggers (issue 18a): by account, and the active ones by instrument key.
  private readonly gttsByUid = new Groups();
  private readonly gttsActive = new Groups();
  private readonly outbox = new OutboxIndex();
  private readonly minuteBarsOf = new Groups();
  private readonly dailyBarsOf = new Groups();
  private readonly basketsByUid = new Groups();
  private readonly itemsByBasket = new Groups();
  private readonly conversionsByUid = new Groups();

  private readonly tables: { [T in TableName]: Table<unknown> } = {
    counters: { rows: new Map<string, number>() },
    accounts: { rows: new Map<string, Account>() },
    apps: this.table<App>((key, row, before) => {
      this.appsByKeyHash.check(row?.apiKeyHash, key);
      this.appsByKeyHash.remove(before?.apiKeyHash, key);
      this.appsByKeyHash.set(row?.apiKeyHash, key);
      if (!row) this.appsByUid.remove(before?.uid, key);
      else this.appsByUid.add(row.uid, key);
    }),
    challenges: this.table<Challenge>((key, row, before) => {
      if (before?.action === 'legacy-secret-key' && this.legacyChallenges.get(before.uid) === key) this.legacyChallenges.delete(before.uid);
      if (row?.action === 'legacy-secret-key') this.legacyChallenges.set(row.uid, key);
    }),
    sessions: this.table<Session>((key, row, before) => {
      if (!row) this.sessionsByApp.remove(before?.appId, key);
      else this.sessionsByApp.add(row.appId, key);
    }),
    dashboardSessions: { rows: new Map<string, DashboardSession>() },
    grants: this.table<OAuthGrant>((key, row, before) => {
      this.grantsByCode.check(row?.codeHash, key);
      this.grantsByCode.remove(before?.codeHash, key);
      this.grantsByCode.set(row?.codeHash, key);
      if (!row) this.grantsByApp.remove(before?.appId, key);
      else this.grantsByApp.add(row.appId, key);
    }),
    refreshTokens: { rows: new Map<string, RefreshToken>() },
    loginCodes: this.table<LoginCode>((key, row, before) => {
      if (before && this.loginCodeByUid.get(before.uid) === key) this.loginCodeByUid.delete(before.uid);
      if (row) this.loginCodeByUid.set(row.uid, key);
    }),
    ips: this.table<IpRegistration>((key, row, before) => {
      // Unique by client: an address is held by one account (its apps may share it), never by two.
      for (const ip of [row?.primaryIp, row?.secondaryIp]) {
        if (!ip) continue;
        for (const holder of this.ipIndex.keys(ip)) {
          if (holder !== key && this.get<IpRegistration>('ips', holder)!.uid !== row!.uid) throw new UniqueViolation('ips', 'ip (one client)', ip);
        }
      }
      for (const ip of [before?.primaryIp, before?.secondaryIp]) this.ipIndex.remove(ip, key);
      for (const ip of [row?.primaryIp, row?.secondaryIp]) this.ipIndex.add(ip, key);
    }),
    accessTokens: { rows: new Map<string, AccessToken>() },
    ltps: { rows: new Map<string, number>() },
    priceStates: { rows: new Map<string, PriceState>() },
    minuteBars: this.table<BarRow<MinuteBar>>((key, row, before) => {
      if (!row) this.minuteBarsOf.remove(before?.listing, key);
      else this.minuteBarsOf.add(row.listing, key);
    }),
    dailyBars: this.table<BarRow<DailyBar>>((key, row, before) => {
      if (!row) this.dailyBarsOf.remove(before?.listing, key);
      else this.dailyBarsOf.add(row.listing, key);
    }),
    orders: this.table<SamcoOrder>((key, row, before) => {
      this.orderNumbers.check(row?.orderNumber, key);
      this.orderNumbers.remove(before?.orderNumber, key);
      this.orderNumbers.set(row?.orderNumber, key);
      this.ordersOpen.remove(before?.openOn, key);
      this.ordersOpen.add(row?.openOn, key);
      if (!row) this.ordersByUid.remove(before?.uid, key);
      else this.ordersByUid.add(row.uid, key);
      // The open orders (PENDING or OPEN), by account: the RMS reads them on every order.
      if (row && isOpen(row)) this.ordersLiveByUid.add(row.uid, key);
      else this.ordersLiveByUid.remove(before?.uid, key);
      this.dayTotals.order(row, before);
    }),
    atUsers: this.table<AtUser>((key, row, before) => {
      this.atUsersByKeyHash.check(row?.apiKeyHash, key);
      this.atUsersByKeyHash.remove(before?.apiKeyHash, key);
      this.atUsersByKeyHash.set(row?.apiKeyHash, key);
    }),
    atOrders: this.table<AtOrderRecord>((key, row, before) => {
      this.atOrdersOpen.remove(before?.openOn, key);
      this.atOrdersOpen.add(row?.openOn, key);
      const account = (o: AtOrderRecord | null) => (o ? join(o.username, o.pseudoAccount) : null);
      if (!row) this.atOrdersByAccount.remove(account(before), key);
      else this.atOrdersByAccount.add(account(row), key);
    }),
    gtts: this.table<GttRecord>((key, row, before) => {
      this.gttsActive.remove(before?.activeOn, key);
      this.gttsActive.add(row?.activeOn, key);
      if (!row) this.gttsByUid.remove(before?.uid, key);
      else this.gttsByUid.add(row.uid, key);
    }),
    outbox: this.table<OutboxMessage>((_key, row, before) => {
      if (before) this.outbox.remove(before);
      if (row) this.outbox.insert(row);
    }),
    signingKeys: { rows: new Map<string, string>() },
    rateWindows: this.table<readonly number[]>((key, row, before) => {
      // Map order is counting order: a counted window moves to the end, so the first is the stalest.
      if (before && row) this.tables.rateWindows.rows.delete(key);
    }),
    // Baskets and position conversions (issue 18b).
    baskets: this.table<Basket>((key, row, before) => {
      if (!row) this.basketsByUid.remove(before?.uid, key);
      else this.basketsByUid.add(row.uid, key);
    }),
    basketItems: this.table<BasketItem>((key, row, before) => {
      const basket = (i: BasketItem | null) => (i ? basketKey(i.uid, i.basketId) : null);
      if (!row) this.itemsByBasket.remove(basket(before), key);
      else this.itemsByBasket.add(basket(row), key);
    }),
    conversions: this.table<PositionConversion>((key, row, before) => {
      if (!row) this.conversionsByUid.remove(before?.uid, key);
      else this.conversionsByUid.add(row.uid, key);
      this.dayTotals.conversion(row, before);
    }),
  };

  private table<R>(index: (key: string, row: R | null, before: R | null) => void): Table<unknown> {
    return { rows: new Map<string, R>(), index: index as Table<unknown>['index'] };
  }

  private get<R>(name: TableName, key: string): R | undefined {
    return this.tables[name].rows.get(key) as R | undefined;
  }

  private values<R>(name: TableName): Iterable<R> {
    return this.tables[name].rows.values() as Iterable<R>;
  }

  /** Writes one row image (null deletes), keeping the indexes, and reports it. */
  private write(name: TableName, key: string, row: unknown | null) {
    const before = this.set(name, key, row);
    if (before === null && row === null) return;
    this.recorder?.({ table: name, key, row, before });
  }

  private set(name: TableName, key: string, row: unknown | null): unknown | null {
    const table = this.tables[name];
    const before = table.rows.get(key) ?? null;
    if (before === null && row === null) return null;
    table.index?.(key, row, before);
    if (row === null) table.rows.delete(key);
    else table.rows.set(key, row);
    return before;
  }

  onChange(recorder: ((change: TrackedChange) => void) | null) {
    this.recorder = recorder;
  }

  applyRow(change: RowChange) {
    if (!(change.table in this.tables)) throw new Error(`unknown table ${change.table}`);
    this.set(change.table as TableName, change.key, change.row);
  }

  rowOf(table: string, key: string) {
    return this.tables[table as TableName]?.rows.get(key);
  }

  *rows(): Iterable<RowChange> {
    for (const table of TABLES) for (const [key, row] of this.tables[table].rows) yield { table, key, row };
  }

  private count(name: string): number {
    return (this.get<number>('counters', name) ?? 0) + 1;
  }

  getAccount(uid: string) {
    return this.get<Account>('accounts', uid);
  }
  putAccount(account: Account) {
    this.write('accounts', account.uid, account);
  }
  accountCount() {
    return this.tables.accounts.rows.size;
  }

  getApp(id: string) {
    return this.get<App>('apps', id);
  }
  putApp(app: App) {
    this.write('apps', app.id, app);
  }
  appsOf(uid: string) {
    return [...this.appsByUid.keys(uid)].map((id) => this.getApp(id)!);
  }
  appByKeyHash(apiKeyHash: string) {
    const id = this.appsByKeyHash.get(apiKeyHash);
    return id === undefined ? undefined : this.getApp(id);
  }
  appCount() {
    return this.tables.apps.rows.size;
  }
  nextAppSeq() {
    const seq = this.count('appSeq');
    this.write('counters', 'appSeq', seq);
    return seq;
  }

  getChallenge(id: string) {
    return this.get<Challenge>('challenges', id);
  }
  putChallenge(challenge: Challenge) {
    this.write('challenges', challenge.id, challenge);
  }
  deleteChallenge(id: string) {
    this.write('challenges', id, null);
  }
  latestLegacyChallenge(uid: string) {
    const id = this.legacyChallenges.get(uid);
    return id === undefined ? undefined : this.getChallenge(id);
  }
  challenges() {
    return this.values<Challenge>('challenges');
  }

  getSession(tokenHash: string) {
    return this.get<Session>('sessions', tokenHash);
  }
  putSession(session: Session) {
    this.write('sessions', session.tokenHash, session);
  }
  deleteSession(tokenHash: string) {
    this.write('sessions', tokenHash, null);
  }
  sessionsOfApp(appId: string) {
    return [...this.sessionsByApp.keys(appId)].map((hash) => this.getSession(hash)!);
  }
  sessions() {
    return this.values<Session>('sessions');
  }
  activeSessionCount(now: number) {
    let n = 0;
    for (const s of this.sessions()) if (s.revokedReason === null && s.expiresAt > now) n++;
    return n;
  }

  getGrant(id: string) {
    return this.get<OAuthGrant>('grants', id);
  }
  putGrant(grant: OAuthGrant) {
    this.write('grants', grant.id, grant);
  }
  deleteGrant(id: string) {
    this.write('grants', id, null);
  }
  grantByCodeHash(codeHash: string) {
    const id = this.grantsByCode.get(codeHash);
    return id === undefined ? undefined : this.getGrant(id);
  }
  grantsOfApp(appId: string) {
    return [...this.grantsByApp.keys(appId)].map((id) => this.getGrant(id)!);
  }
  grants() {
    return this.values<OAuthGrant>('grants');
  }
  getRefreshToken(tokenHash: string) {
    return this.get<RefreshToken>('refreshTokens', tokenHash);
  }
  putRefreshToken(token: RefreshToken) {
    this.write('refreshTokens', token.tokenHash, token);
  }
  deleteRefreshToken(tokenHash: string) {
    this.write('refreshTokens', tokenHash, null);
  }
  refreshTokens() {
    return this.values<RefreshToken>('refreshTokens');
  }

  putLoginCode(code: LoginCode) {
    this.write('loginCodes', code.codeHash, code);
  }
  loginCodeByHash(codeHash: string) {
    return this.get<LoginCode>('loginCodes', codeHash);
  }
  loginCodeOf(uid: string) {
    const hash = this.loginCodeByUid.get(uid);
    return hash === undefined ? undefined : this.loginCodeByHash(hash);
  }
  deleteLoginCode(codeHash: string) {
    this.write('loginCodes', codeHash, null);
  }
  loginCodes() {
    return this.values<LoginCode>('loginCodes');
  }

  getDashboardSession(tokenHash: string) {
    return this.get<DashboardSession>('dashboardSessions', tokenHash);
  }
  putDashboardSession(session: DashboardSession) {
    this.write('dashboardSessions', session.tokenHash, session);
  }
  deleteDashboardSession(tokenHash: string) {
    this.write('dashboardSessions', tokenHash, null);
  }
  dashboardSessions() {
    return this.values<DashboardSession>('dashboardSessions');
  }

  appendMessage(draft: OutboxDraft, sentAt: number) {
    const id = this.count('outboxSeq');
    this.write('counters', 'outboxSeq', id);
    const message: OutboxMessage = { ...draft, id, sentAt };
    this.write('outbox', String(id), message);
    return message;
  }
  deleteMessage(id: number) {
    this.write('outbox', String(id), null);
  }
  oldestMessage() {
    return this.outbox.oldest();
  }
  messages({ uid, kind, since, limit = DEFAULT_OUTBOX_LIMIT }: OutboxFilter) {
    return this.outbox.find({ uid, kind, since }, limit);
  }
  messageCount() {
    return this.outbox.size;
  }

  getIps(uid: string, appId: string | null) {
    return this.get<IpRegistration>('ips', ipKey(uid, appId));
  }
  putIps(registration: IpRegistration) {
    this.write('ips', ipKey(registration.uid, registration.appId), registration);
  }
  deleteIps(uid: string, appId: string | null) {
    this.write('ips', ipKey(uid, appId), null);
  }
  ipHolders(ip: string) {
    return [...this.ipIndex.keys(ip)].map((key) => this.get<IpRegistration>('ips', key)!);
  }

  getLtp(instrumentKey: string) {
    return this.get<number>('ltps', instrumentKey);
  }
  putLtp(instrumentKey: string, price: number) {
    this.write('ltps', instrumentKey, price);
  }

  // The market's rows (issue 17): price states, and minute and daily candles indexed by listing.
  getPriceState(key: string) {
    return this.get<PriceState>('priceStates', key);
  }
  putPriceState(state: PriceState) {
    this.write('priceStates', state.key, state);
  }
  putMinuteBar(key: string, bar: MinuteBar) {
    this.write('minuteBars', join(key, String(bar.at)), { listing: key, bar } satisfies BarRow<MinuteBar>);
  }
  minuteBars(key: string, from: number, to: number) {
    return this.barsOf<MinuteBar>('minuteBars', this.minuteBarsOf, key)
      .filter((b) => b.at >= from && b.at < to)
      .sort((a, b) => a.at - b.at);
  }
  putDailyBar(key: string, bar: DailyBar) {
    this.write('dailyBars', join(key, String(bar.day)), { listing: key, bar } satisfies BarRow<DailyBar>);
  }
  dailyBars(key: string) {
    return this.barsOf<DailyBar>('dailyBars', this.dailyBarsOf, key).sort((a, b) => a.day - b.day);
  }
  private barsOf<B>(table: 'minuteBars' | 'dailyBars', index: Groups, key: string): B[] {
    const out: B[] = [];
    for (const k of index.keys(key)) {
      const row = this.get<BarRow<B>>(table, k);
      if (row) out.push(row.bar);
    }
    return out;
  }

  getOrder(uid: string, orderNumber: string) {
    return this.get<SamcoOrder>('orders', orderKey(uid, orderNumber));
  }
  putOrder(order: SamcoOrder) {
    this.write('orders', orderKey(order.uid, order.orderNumber), order);
  }
  orderNumberTaken(orderNumber: string) {
    return this.orderNumbers.has(orderNumber);
  }
  ordersOpenOn(instrumentKey: string) {
    return [...this.ordersOpen.keys(instrumentKey)].map((key) => this.get<SamcoOrder>('orders', key)!);
  }
  ordersOf(uid: string) {
    return [...this.ordersByUid.keys(uid)].map((key) => this.get<SamcoOrder>('orders', key)!);
  }
  liveOrdersOf(uid: string) {
    return [...this.ordersLiveByUid.keys(uid)].map((key) => this.get<SamcoOrder>('orders', key)!);
  }
  dayPositionTotals(uid: string, day: number) {
    return this.dayTotals.of(uid, day);
  }

  getAccessToken(tokenHash: string) {
    return this.get<AccessToken>('accessTokens', tokenHash);
  }
  putAccessToken(token: AccessToken) {
    this.write('accessTokens', token.tokenHash, token);
  }
  deleteAccessToken(tokenHash: string) {
    this.write('accessTokens', tokenHash, null);
  }
  accessTokens() {
    return this.values<AccessToken>('accessTokens');
  }

  getAtUser(username: string) {
    return this.get<AtUser>('atUsers', username);
  }
  putAtUser(user: AtUser) {
    this.write('atUsers', user.username, user);
  }
  atUserByKeyHash(apiKeyHash: string) {
    const username = this.atUsersByKeyHash.get(apiKeyHash);
    return username === undefined ? undefined : this.getAtUser(username);
  }
  atUserCount() {
    return this.tables.atUsers.rows.size;
  }
  getAtOrder(username: string, id: string) {
    return this.get<AtOrderRecord>('atOrders', atOrderKey(username, id));
  }
  putAtOrder(order: AtOrderRecord) {
    this.write('atOrders', atOrderKey(order.username, order.id), order);
  }
  atOrdersOpenOn(instrumentKey: string) {
    return [...this.atOrdersOpen.keys(instrumentKey)].map((key) => this.get<AtOrderRecord>('atOrders', key)!);
  }
  atOrders(username: string, pseudoAccount: string) {
    return [...this.atOrdersByAccount.keys(join(username, pseudoAccount))].map((key) => this.get<AtOrderRecord>('atOrders', key)!);
  }

  rateWindow(key: string) {
    return this.get<readonly number[]>('rateWindows', key);
  }
  putRateWindow(key: string, log: readonly number[] | null) {
    this.write('rateWindows', key, log);
  }
  rateWindowCount() {
    return this.tables.rateWindows.rows.size;
  }
  stalestRateWindow() {
    return this.tables.rateWindows.rows.keys().next().value;
  }

  signingKey(name: string) {
    return this.get<string>('signingKeys', name);
  }
  putSigningKey(name: string, key: string) {
    this.write('signingKeys', name, key);
  }

  // GTT and OCO triggers (issue 18a).
  getGtt(uid: string, gttSummaryId: string) {
    return this.get<GttRecord>('gtts', join(uid, gttSummaryId));
  }
  putGtt(gtt: GttRecord) {
    this.write('gtts', join(gtt.uid, gtt.gttSummaryId), gtt);
  }
  gttsOf(uid: string) {
    return [...this.gttsByUid.keys(uid)].map((key) => this.get<GttRecord>('gtts', key)!);
  }
  gttsActiveOn(instrumentKey: string) {
    return [...this.gttsActive.keys(instrumentKey)].map((key) => this.get<GttRecord>('gtts', key)!);
  }

  // Baskets and position conversions (issue 18b).
  getBasket(uid: string, basketId: number) {
    return this.get<Basket>('baskets', basketKey(uid, basketId));
  }
  putBasket(basket: Basket) {
    this.write('baskets', basketKey(basket.uid, basket.basketId), basket);
  }
  deleteBasket(uid: string, basketId: number) {
    for (const item of this.basketItems(uid, basketId)) this.deleteBasketItem(uid, basketId, item.basketOrderId);
    this.write('baskets', basketKey(uid, basketId), null);
  }
  basketsOf(uid: string) {
    return [...this.basketsByUid.keys(uid)].map((key) => this.get<Basket>('baskets', key)!).sort((a, b) => a.basketId - b.basketId);
  }
  putBasketItem(item: BasketItem) {
    this.write('basketItems', basketItemKey(item.uid, item.basketId, item.basketOrderId), item);
  }
  deleteBasketItem(uid: string, basketId: number, basketOrderId: number) {
    this.write('basketItems', basketItemKey(uid, basketId, basketOrderId), null);
  }
  basketItems(uid: string, basketId: number) {
    return [...this.itemsByBasket.keys(basketKey(uid, basketId))].map((key) => this.get<BasketItem>('basketItems', key)!).sort((a, b) => a.sequence - b.sequence || a.basketOrderId - b.basketOrderId);
  }
  nextBasketSeq(kind: 'basket' | 'order') {
    const name = kind === 'basket' ? 'basketSeq' : 'basketOrderSeq';
    const seq = this.count(name);
    this.write('counters', name, seq);
    return seq;
  }
  putConversion(conversion: PositionConversion) {
    const seq = this.count('conversionSeq');
    this.write('counters', 'conversionSeq', seq);
    this.write('conversions', join(conversion.uid, String(seq)), conversion);
  }
  conversionsOf(uid: string) {
    return [...this.conversionsByUid.keys(uid)].map((key) => this.get<PositionConversion>('conversions', key)!);
  }

  clear() {
    for (const table of [...TABLES].reverse()) for (const key of [...this.tables[table].rows.keys()]) this.write(table, key, null);
  }
}
