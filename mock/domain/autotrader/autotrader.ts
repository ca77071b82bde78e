import type { FixtureAtUserData } from '../../../spec/schemas/fixtures.js';
import type { DomainContext } from '../context.js';
import { findAtInstrument, instrumentKey, type Instrument } from '../market/instruments.js';
import { takeVolume, type Market, type PriceEvent } from '../market/market.js';
import { fail, ok, type Failure, type Result } from '../result.js';
import { type KeyedLimits, SlidingWindowLimiter } from '../rate-limit.js';
import {
  closed,
  filled,
  holdingsOf,
  isBracket,
  isCover,
  isOpen,
  isStop,
  marginsOf,
  newOrder,
  orderProblem,
  orderView,
  placeInput,
  positionsOf,
  PRODUCT_OF_TYPE,
  trade,
  type AtOrderType,
  type LtpOf,
  type PlaceInput,
} from './orders.js';
import { seal, unseal } from './sealed-key.js';
import { bracketLegPrices, exitLeg, legsDue, opposite, siblingAfterFill, trailedStop } from '../legs.js';
import type { AtAccount, AtOrderRecord, AtUser } from './types.js';

export type { PlaceInput } from './orders.js';
export type ModifyInput = { orderType?: AtOrderType; quantity?: number; price?: number; triggerPrice?: number };
export type PositionKey = { category: 'DAY' | 'NET'; type: 'MIS' | 'NRML' | 'CNC' | 'BO' | 'CO'; exchange: PlaceInput['exchange']; symbol: string };
const UNLIMITED = (wanted: number) => wanted;

/** AutoTrader's published limits: per user across all accounts, and per pseudo account. */
export const AT_RATE_LIMITS = {
  user: [
    { windowMs: 5_000, max: 200 },
    { windowMs: 60_000, max: 600 },
    { windowMs: 300_000, max: 1800 },
  ],
  account: [
    { windowMs: 5_000, max: 60 },
    { windowMs: 60_000, max: 120 },
    { windowMs: 300_000, max: 300 },
  ],
} as const;

const DEFAULT_FUNDS = 100_000;
const DAY_MS = 24 * 60 * 60 * 1000;

export type AtOptions = { rateLimits?: boolean };

/**
 * AutoTrader Web: users, their API key (hashed for look-up, sealed under the password for View),
 * and the API functions a key unlocks.
 */
export class AutoTrader {
  private readonly limiter: SlidingWindowLimiter;
  rateLimits: boolean;

  constructor(
    private readonly ctx: DomainContext,
    readonly market: Market,
    options: AtOptions = {},
  ) {
    this.rateLimits = options.rateLimits ?? true;
    this.limiter = new SlidingWindowLimiter(() => ctx.store, 'autotrader');
    market.onPrice((event) => this.onPrice(event));
  }

  /** Problems of a set of users to register, before anything is written. */
  check(users: readonly FixtureAtUserData[]): Failure | null {
    const names = new Set<string>();
    const keys = new Set<string>();
    for (const [i, user] of users.entries()) {
      if (names.has(user.username) || this.ctx.store.getAtUser(user.username)) {
        return fail('AT_USER_EXISTS', `An AutoTrader user named ${user.username} already exists.`);
      }
      names.add(user.username);
      if (user.apiKey) {
        const hash = this.ctx.secrets.hash(user.apiKey);
        if (keys.has(hash) || this.ctx.store.atUserByKeyHash(hash)) return fail('INVALID_FIXTURE', `Invalid fixture set: autotraderUsers.${i}.apiKey: already used by another user.`);
        keys.add(hash);
      }
      const pseudo = new Set(user.accounts.map((a) => a.pseudoAccount));
      if (pseudo.size !== user.accounts.length) return fail('INVALID_FIXTURE', `Invalid fixture set: autotraderUsers.${i}.accounts: pseudo account names must be unique.`);
    }
    return null;
  }

  /** Registers checked users; each gets its given key or a fresh one (created at registration, as on the real service). */
  write(users: readonly FixtureAtUserData[]): void {
    for (const user of users) {
      const apiKey = user.apiKey ?? this.ctx.random.uuid('at-api-key');
      this.ctx.store.putAtUser({
        username: user.username,
        name: user.name,
        passwordHash: this.ctx.secrets.hash(user.password),
        apiKeyHash: this.ctx.secrets.hash(apiKey),
        sealedKey: seal(apiKey, user.password),
        disabled: user.disabled ?? false,
        accounts: user.accounts.map((a, j) => ({ ...a, funds: a.funds ?? DEFAULT_FUNDS, systemId: `${user.username}#${j + 1}` })),
        createdAt: this.ctx.clock.now(),
      });
    }
  }

  private withPassword(username: string, password: string): Result<AtUser> {
    const user = this.ctx.store.getAtUser(username);
    // One refusal for an unknown user and a wrong password.
    if (!user || !this.ctx.secrets.matches(user.passwordHash, password)) return fail('AT_PASSWORD_INVALID');
    return ok(user);
  }

  viewKey(username: string, password: string): Result<string> {
    const user = this.withPassword(username, password);
    if (!user.ok) return user;
    return ok(unseal(user.value.sealedKey, password));
  }

  /** A new key at once; the old one is refused from the next request on. */
  regenerateKey(username: string, password: string): Result<string> {
    const user = this.withPassword(username, password);
    if (!user.ok) return user;
    const apiKey = this.ctx.random.uuid('at-api-key');
    this.ctx.store.putAtUser({ ...user.value, apiKeyHash: this.ctx.secrets.hash(apiKey), sealedKey: seal(apiKey, password) });
    return ok(apiKey);
  }

  /** The user of an api-key header: a missing, wrong or replaced key, or a disabled user, is refused. */
  authenticate(apiKey: string | undefined): Result<AtUser> {
    const user = apiKey ? this.ctx.store.atUserByKeyHash(this.ctx.secrets.hash(apiKey)) : undefined;
    if (!user) return fail('AT_KEY_INVALID');
    if (user.disabled) return fail('AT_USER_DISABLED');
    return ok(user);
  }

  /** Counts a request against the rate limits (per user, and per pseudo account when it names one); refuses it when a window is full. */
  admit(user: AtUser, pseudoAccount?: string): Result<AtUser> {
    if (this.rateLimits) {
      const keys: KeyedLimits[] = [{ key: `user:${user.username}`, limits: AT_RATE_LIMITS.user }];
      // Only the user's own pseudo accounts get a window: made-up names would grow the limiter without bound (they are refused as not live anyway).
      if (pseudoAccount && user.accounts.some((a) => a.pseudoAccount === pseudoAccount)) keys.push({ key: `account:${user.username}:${pseudoAccount}`, limits: AT_RATE_LIMITS.account });
      const full = this.limiter.take(keys, this.ctx.clock.now());
      if (full) {
        const scope = full.key.startsWith('account:') ? 'for a pseudo account' : 'for a user across all accounts';
        return fail('AT_RATE_LIMITED', `Too Many Requests: at most ${full.limit.max} requests per ${full.limit.windowMs / 1000} seconds ${scope}.`, full.retryAfterMs);
      }
    }
    return ok(user);
  }

  liveAccount(user: AtUser, pseudoAccount: string): Result<AtAccount> {
    const account = user.accounts.find((a) => a.pseudoAccount === pseudoAccount);
    return account?.live ? ok(account) : fail('AT_ACCOUNT_NOT_LIVE', `Pseudo account [${pseudoAccount}] is not live.`);
  }

  tradingAccounts(user: AtUser) {
    const now = this.ctx.clock.now();
    return user.accounts.map((a) => ({
      loginId: a.tradingAccount,
      pseudoAccName: a.pseudoAccount,
      broker: a.broker,
      platform: a.platform,
      licenseExpiryDate: a.licenseExpiryDate,
      live: a.live,
      systemId: a.systemId,
      systemIdOfPseudoAcc: `${a.systemId}/${a.pseudoAccount}`,
      licenseDaysLeft: Math.max(0, Math.ceil((Date.parse(`${a.licenseExpiryDate}T23:59:59Z`) - now) / DAY_MS)),
    }));
  }

  livePseudoAccounts(user: AtUser): string[] {
    return user.accounts.filter((a) => a.live).map((a) => a.pseudoAccount);
  }

  /** A place* function's order: refused (status false) when the account is not live, the symbol unknown, or a price or quantity rule broken; else it meets the market at once. */
  place(user: AtUser, input: PlaceInput): Result<AtOrderRecord> {
    const account = this.liveAccount(user, input.pseudoAccount);
    if (!account.ok) return account;
    const instrument = findAtInstrument(input.exchange, input.symbol);
    if (!instrument) return fail('AT_SYMBOL_NOT_FOUND', `Symbol [${input.symbol}] not found on exchange [${input.exchange}].`);
    const problem = orderProblem(input, instrument, this.market.quote(instrument));
    if (problem) return fail('AT_INVALID_ORDER', problem);
    return ok(this.open(user, account.value, instrument, input));
  }

  /** Records an order and lets it meet the market's current price (unlimited volume, as a marketable order fills at once). */
  private open(user: AtUser, account: AtAccount, instrument: Instrument, input: PlaceInput, parent?: AtOrderRecord, leg: AtOrderRecord['legs']['leg'] = null): AtOrderRecord {
    const ids = { id: this.ctx.random.uuid('at-order-id'), exchangeOrderId: this.ctx.random.digits('at-exchange-id', 16), parentOrderId: parent?.id };
    const order = newOrder(user.username, account, input, this.keyOf(instrument), ids, this.ctx.clock.now(), leg);
    this.ctx.store.putAtOrder(order);
    if (!leg) this.meet(order, this.market.ltp(instrument), UNLIMITED);
    return this.ctx.store.getAtOrder(user.username, order.id)!;
  }

  private keyOf(instrument: Instrument) {
    return instrumentKey(instrument.exchange, instrument.symbolName);
  }

  private readonly ltpOf: LtpOf = (exchange, symbol) => {
    const instrument = findAtInstrument(exchange, symbol);
    return instrument ? this.market.ltp(instrument) : 0;
  };

  /** A price change: every open order on the instrument, oldest first, meets it within the event's volume. */
  private onPrice(event: PriceEvent): number {
    let fills = 0;
    for (const listed of this.ctx.store.atOrdersOpenOn(this.keyOf(event.instrument))) {
      const order = this.ctx.store.getAtOrder(listed.username, listed.id);
      if (order?.openOn) fills += this.meet(this.trail(order, event), event.price, (wanted) => takeVolume(event, wanted));
    }
    return fills;
  }

  /** A bracket's waiting stop-loss leg follows a favourable move by whole trailingStoploss steps (legs.ts), never back. */
  private trail(order: AtOrderRecord, event: PriceEvent): AtOrderRecord {
    if (order.legs.leg !== 'STOPLOSS' || order.status !== 'TRIGGER_PENDING' || !order.parentOrderId) return order;
    const parent = this.ctx.store.getAtOrder(order.username, order.parentOrderId);
    if (!parent || !(parent.legs.trailingStoploss > 0)) return order;
    const anchor = order.legs.trailAnchor ?? parent.averagePrice;
    const moved = trailedStop(parent.tradeType, { trigger: order.triggerPrice, anchor }, event.price, parent.legs.trailingStoploss, event.instrument.tickSize);
    if (!moved) return order;
    const next = { ...order, triggerPrice: moved.trigger, legs: { ...order.legs, trailAnchor: moved.anchor } };
    this.ctx.store.putAtOrder(next);
    return next;
  }

  /** Applies a price to one order and what follows from its fill (legs placed, the other leg adjusted). Returns 1 when it filled. */
  private meet(order: AtOrderRecord, price: number, take: (wanted: number) => number): number {
    const now = this.ctx.clock.now();
    const { order: next, quantity } = trade(order, price, take, now);
    if (next !== order) this.ctx.store.putAtOrder(next);
    if (next.legs.leg) {
      if (quantity > 0) this.afterLegFill(next);
    } else this.placeLegs(next);
    return quantity > 0 ? 1 : 0;
  }

  /**
   * A bracket or cover parent that is done filling places its legs for what it filled: BO a
   * stop-loss (SL_MARKET, trigger = fill -/+ stoploss) and a target (LIMIT, fill +/- target), CO a
   * stop-loss at its triggerPrice; both on the other side, linked by parentOrderId.
   */
  private placeLegs(parent: AtOrderRecord) {
    const bracket = isBracket(parent.variety);
    if (!bracket && !isCover(parent.variety)) return;
    if (!legsDue({ open: isOpen(parent), filledQuantity: parent.filledQuantity, hasLegs: parent.legs.children.length > 0 })) return;
    const user = this.ctx.store.getAtUser(parent.username)!;
    const account = user.accounts.find((a) => a.pseudoAccount === parent.pseudoAccount)!;
    const instrument = findAtInstrument(parent.exchange, parent.symbol)!;
    const base = placeInput(parent.variety, {
      pseudoAccount: parent.pseudoAccount,
      exchange: parent.exchange,
      symbol: parent.symbol,
      tradeType: opposite(parent.tradeType),
      orderType: 'SL_MARKET',
      quantity: parent.filledQuantity,
      price: 0,
      publisherId: parent.publisherId,
    });
    const prices = bracketLegPrices(parent.tradeType, parent.averagePrice, parent.legs, instrument.tickSize);
    const stopTrigger = bracket ? prices.stopTrigger : parent.legs.coverTrigger;
    const children = [this.open(user, account, instrument, { ...base, triggerPrice: stopTrigger }, parent, 'STOPLOSS')];
    if (bracket) children.push(this.open(user, account, instrument, { ...base, orderType: 'LIMIT', price: prices.target }, parent, 'TARGET'));
    this.ctx.store.putAtOrder({ ...parent, legs: { ...parent.legs, children: children.map((c) => c.id) } });
  }

  /** One leg filled: the other leg waits for no more than what is left, and is cancelled when this one is complete. */
  private afterLegFill(leg: AtOrderRecord) {
    const now = this.ctx.clock.now();
    for (const other of this.siblings(leg)) {
      const change = siblingAfterFill({ complete: leg.status === 'COMPLETE', pending: leg.pendingQuantity }, { open: isOpen(other), pending: other.pendingQuantity });
      if (change === 'CANCEL') this.ctx.store.putAtOrder(closed(other, 'CANCELLED', now, 'Cancelled: the other leg filled.'));
      else if (change) this.ctx.store.putAtOrder({ ...other, pendingQuantity: change.pending, modifiedTime: now });
    }
  }

  private children(parent: AtOrderRecord): AtOrderRecord[] {
    return parent.legs.children.map((id) => this.ctx.store.getAtOrder(parent.username, id)!).filter(Boolean);
  }

  private siblings(leg: AtOrderRecord): AtOrderRecord[] {
    const parent = leg.parentOrderId ? this.ctx.store.getAtOrder(leg.username, leg.parentOrderId) : undefined;
    return parent ? this.children(parent).filter((c) => c.id !== leg.id) : [];
  }

  private orderOf(user: AtUser, pseudoAccount: string, platformId: string): Result<AtOrderRecord> {
    const order = this.ctx.store.getAtOrder(user.username, platformId);
    if (!order || order.pseudoAccount !== pseudoAccount) return fail('AT_ORDER_NOT_FOUND', `Order [${platformId}] not found in pseudo account [${pseudoAccount}].`);
    return ok(order);
  }

  /** Cancels an open order; a bracket or cover parent that had filled in part places its legs for that part. */
  cancelOrder(user: AtUser, pseudoAccount: string, platformId: string): Result<AtOrderRecord> {
    const account = this.liveAccount(user, pseudoAccount);
    if (!account.ok) return account;
    const order = this.orderOf(user, pseudoAccount, platformId);
    if (!order.ok) return order;
    if (!isOpen(order.value)) return fail('AT_ORDER_NOT_CANCELLABLE', `Order [${platformId}] cannot be cancelled: it is ${order.value.status}.`);
    return ok(this.cancel(order.value));
  }

  private cancel(order: AtOrderRecord): AtOrderRecord {
    const next = closed(order, 'CANCELLED', this.ctx.clock.now(), 'Cancelled by the user.');
    this.ctx.store.putAtOrder(next);
    if (!next.legs.leg) this.placeLegs(next);
    return this.ctx.store.getAtOrder(next.username, next.id)!;
  }

  /** Cancels every open order of the pseudo account (none is fine). */
  cancelAllOrders(user: AtUser, pseudoAccount: string): Result<number> {
    const account = this.liveAccount(user, pseudoAccount);
    if (!account.ok) return account;
    let count = 0;
    for (const listed of this.ctx.store.atOrders(user.username, pseudoAccount)) {
      const order = this.ctx.store.getAtOrder(user.username, listed.id)!;
      if (isOpen(order)) {
        this.cancel(order);
        count++;
      }
    }
    return ok(count);
  }

  /**
   * Exits a bracket or cover order's position: its open stop-loss leg (else its target leg)
   * executes at the market's ltp for what it still waits for, and the other open leg is cancelled.
   * `platformId` is the parent's (a leg's id is taken for its parent's).
   */
  cancelChildOrders(user: AtUser, pseudoAccount: string, platformId: string): Result<AtOrderRecord[]> {
    const account = this.liveAccount(user, pseudoAccount);
    if (!account.ok) return account;
    const found = this.orderOf(user, pseudoAccount, platformId);
    if (!found.ok) return found;
    const parent = found.value.parentOrderId ? this.ctx.store.getAtOrder(user.username, found.value.parentOrderId)! : found.value;
    const open = this.children(parent).filter(isOpen);
    if (!open.length) return fail('AT_NO_CHILD_ORDERS', `Order [${platformId}] has no open child orders to exit.`);
    return ok(this.exitLegs(open));
  }

  private exitLegs(open: AtOrderRecord[]): AtOrderRecord[] {
    const now = this.ctx.clock.now();
    const exit = exitLeg(open.map((o) => ({ role: o.legs.leg, order: o })))!.order;
    const instrument = findAtInstrument(exit.exchange, exit.symbol)!;
    const asMarket: AtOrderRecord = { ...exit, orderType: 'MARKET', price: 0, triggerPrice: 0, status: 'OPEN', rawStatus: 'open' };
    const done = filled(asMarket, exit.pendingQuantity, this.market.ltp(instrument), now);
    this.ctx.store.putAtOrder({ ...done, statusMessage: 'Exited at market (cancelChildOrders / square-off).' });
    for (const other of open) if (other.id !== exit.id) this.ctx.store.putAtOrder(closed(other, 'CANCELLED', now, 'Cancelled: the position was exited.'));
    return open.map((o) => this.ctx.store.getAtOrder(o.username, o.id)!);
  }

  /** Changes an open order: what is given changes, the rules are checked again, and the order meets the market's price. */
  modifyOrder(user: AtUser, pseudoAccount: string, platformId: string, change: ModifyInput): Result<AtOrderRecord> {
    const account = this.liveAccount(user, pseudoAccount);
    if (!account.ok) return account;
    const found = this.orderOf(user, pseudoAccount, platformId);
    if (!found.ok) return found;
    const order = found.value;
    if (!isOpen(order)) return fail('AT_ORDER_NOT_MODIFIABLE', `Order [${platformId}] cannot be modified: it is ${order.status}.`);
    if (Object.values(change).every((v) => v === undefined)) return fail('AT_INVALID_ORDER', 'Nothing to modify: send orderType, quantity, price or triggerPrice.');
    const orderType = change.orderType ?? order.orderType;
    const atMarket = orderType === 'MARKET' || orderType === 'SL_MARKET';
    const cover = isCover(order.variety) && !order.legs.leg;
    const input: PlaceInput = {
      variety: order.legs.leg ? 'REGULAR' : order.variety,
      pseudoAccount,
      exchange: order.exchange,
      symbol: order.symbol,
      tradeType: order.tradeType,
      orderType,
      productType: order.productType,
      quantity: change.quantity ?? order.quantity,
      price: change.price ?? (atMarket ? 0 : order.price),
      triggerPrice: change.triggerPrice ?? (isStop(orderType) || cover ? order.triggerPrice : 0),
      target: order.legs.target,
      stoploss: order.legs.stoploss,
      trailingStoploss: order.legs.trailingStoploss,
      disclosedQuantity: Math.min(order.disclosedQuantity, change.quantity ?? order.quantity),
      validity: order.validity,
      amo: order.amo,
      publisherId: order.publisherId,
    };
    const instrument = findAtInstrument(order.exchange, order.symbol)!;
    const problem = orderProblem(input, instrument, this.market.quote(instrument));
    if (problem) return fail('AT_INVALID_ORDER', problem);
    if (input.quantity <= order.filledQuantity) return fail('AT_INVALID_ORDER', `quantity must be more than the ${order.filledQuantity} already filled.`);
    const triggered = isStop(orderType) && isStop(order.orderType) && order.legs.triggered;
    const status = isStop(orderType) && !triggered ? 'TRIGGER_PENDING' : 'OPEN';
    const next: AtOrderRecord = {
      ...order,
      orderType,
      quantity: input.quantity,
      price: input.price,
      triggerPrice: input.triggerPrice,
      disclosedQuantity: input.disclosedQuantity,
      pendingQuantity: input.quantity - order.filledQuantity,
      status,
      rawStatus: status.toLowerCase(),
      modifiedTime: this.ctx.clock.now(),
      legs: { ...order.legs, triggered, coverTrigger: cover ? input.triggerPrice : order.legs.coverTrigger },
    };
    this.ctx.store.putAtOrder(next);
    this.meet(next, this.market.ltp(instrument), UNLIMITED);
    return ok(this.ctx.store.getAtOrder(user.username, order.id)!);
  }

  /** Squares off one open position: a BO/CO position exits through its legs, any other with a MARKET order on the other side. */
  squareOffPosition(user: AtUser, pseudoAccount: string, key: PositionKey): Result<number> {
    const account = this.liveAccount(user, pseudoAccount);
    if (!account.ok) return account;
    // The sandbox has no overnight positions: DAY and NET are the same positions.
    const position = positionsOf(account.value, this.ctx.store.atOrders(user.username, pseudoAccount), this.ltpOf).find(
      (p) => p.type === key.type && p.exchange === key.exchange && p.symbol === key.symbol && p.netQuantity !== 0,
    );
    if (!position) return fail('AT_POSITION_NOT_FOUND', `No open ${key.type} position in [${key.exchange}] [${key.symbol}] in pseudo account [${pseudoAccount}].`);
    this.squareOff(user, account.value, position);
    return ok(1);
  }

  /** Squares off every open position of the pseudo account (none is fine); returns how many. */
  squareOffPortfolio(user: AtUser, pseudoAccount: string, _category: 'DAY' | 'NET'): Result<number> {
    const account = this.liveAccount(user, pseudoAccount);
    if (!account.ok) return account;
    const open = positionsOf(account.value, this.ctx.store.atOrders(user.username, pseudoAccount), this.ltpOf).filter((p) => p.netQuantity !== 0);
    for (const position of open) this.squareOff(user, account.value, position);
    return ok(open.length);
  }

  private squareOff(user: AtUser, account: AtAccount, position: { type: PositionKey['type']; exchange: PlaceInput['exchange']; symbol: string; netQuantity: number }) {
    const instrument = findAtInstrument(position.exchange, position.symbol)!;
    let net = position.netQuantity;
    if (position.type === 'BO' || position.type === 'CO') {
      const bracket = position.type === 'BO' ? isBracket : isCover;
      for (const parent of this.ctx.store.atOrders(user.username, account.pseudoAccount)) {
        if (!bracket(parent.variety) || parent.legs.leg || parent.exchange !== position.exchange || parent.symbol !== position.symbol) continue;
        const open = this.children(this.ctx.store.getAtOrder(user.username, parent.id)!).filter(isOpen);
        if (open.length) this.exitLegs(open);
      }
      const after = positionsOf(account, this.ctx.store.atOrders(user.username, account.pseudoAccount), this.ltpOf).find(
        (p) => p.type === position.type && p.exchange === position.exchange && p.symbol === position.symbol,
      );
      net = after?.netQuantity ?? 0;
      if (net === 0) return;
    }
    this.open(
      user,
      account,
      instrument,
      placeInput('REGULAR', {
        pseudoAccount: account.pseudoAccount,
        exchange: position.exchange,
        symbol: position.symbol,
        tradeType: net > 0 ? 'SELL' : 'BUY',
        orderType: 'MARKET',
        productType: PRODUCT_OF_TYPE[position.type],
        quantity: Math.abs(net),
        price: 0,
      }),
    );
  }

  /** Orders, positions, margins or holdings of a live pseudo account. */
  read<T>(user: AtUser, pseudoAccount: string, view: (account: AtAccount, orders: AtOrderRecord[], ltpOf: LtpOf) => T): Result<T> {
    const account = this.liveAccount(user, pseudoAccount);
    if (!account.ok) return account;
    return ok(view(account.value, this.ctx.store.atOrders(user.username, pseudoAccount), this.ltpOf));
  }
}

export const views = {
  orders: (_account: AtAccount, orders: AtOrderRecord[]) => orders.map(orderView),
  positions: positionsOf,
  margins: marginsOf,
  holdings: holdingsOf,
};
