import { GTT_RULES } from '../../spec/schemas/market-rules.js';
import type { DomainContext } from './context.js';
import { instrumentKey, type Instrument } from './market/instruments.js';
import type { Market, PriceEvent } from './market/market.js';
import { onTick, toNumber, type Orders } from './orders.js';
import { fail, ok, type Result } from './result.js';
import { directionFrom, reached, toTick, type Direction } from './triggers.js';

export type GttKind = 'GTT' | 'OCO';
export type GttRole = 'GTT' | 'TARGET' | 'STOPLOSS';
/** active: waiting; triggered: a leg fired (its order placed); expired: deleted, or its contract expired; replaced: modified (the id is dead). */
export type GttState = 'active' | 'triggered' | 'expired' | 'replaced';

export interface GttLeg {
  role: GttRole;
  triggerId: string;
  triggerPrice: number;
  /** The price as the request sent it, echoed by addGtt. */
  triggerPriceSent: string;
  limitPrice: number;
  limitPriceSent: string;
  ltpAtCreation: number;
  direction: Direction;
  /** '' while waiting; TRIGGERED when its order was placed; CANCELLED when the other OCO leg fired. */
  status: '' | 'TRIGGERED' | 'CANCELLED';
  triggeredAt: number | null;
  orderNumber: string;
  rejectReason: string;
}

export interface GttRecord {
  uid: string;
  gttSummaryId: string;
  kind: GttKind;
  exchange: Instrument['exchange'];
  symbolName: string;
  transactionType: 'BUY' | 'SELL';
  productType: 'CNC' | 'NRML';
  orderType: 'L' | 'MKT';
  quantity: number;
  /** Percent, MKT only (0 for L). */
  marketProtection: number;
  legs: GttLeg[];
  state: GttState;
  createdAt: number;
  deletedAt: number | null;
  /** The instrument key while active, else null: the store indexes active triggers by it. */
  activeOn: string | null;
}

type Num = string | number | undefined;
export type GttInput = {
  exchange?: string;
  symbolName: string;
  transactionType: 'BUY' | 'SELL';
  quantity: Num;
  productType: string;
  orderType: string;
  triggerPrice: Num;
  limitPrice?: Num;
  marketProtection?: Num;
};
export type OcoInput = Omit<GttInput, 'triggerPrice' | 'limitPrice'> & {
  targetTriggerPrice: Num;
  targetLimitPrice?: Num;
  stoplossTriggerPrice: Num;
  stoplossLimitPrice?: Num;
};

const invalid = (message: string) => fail('GTT_INVALID', message);

/**
 * GTT and OCO: standing triggers kept off the order book until the market's last traded price
 * reaches them (from the side it was on at creation); then the order they carry is placed as a
 * regular order (limit at limitPrice, or MKT as a limit at ltp ± marketProtection %). An OCO's
 * first leg to fire cancels the other. Modify replaces the trigger under a new gttSummaryId.
 * Evaluation is indexed by instrument: a price change reads only that instrument's triggers.
 */
export class Gtts {
  constructor(
    private readonly ctx: DomainContext,
    private readonly market: Market,
    private readonly orders: Orders,
  ) {
    market.onPrice((event) => this.onPrice(event));
  }

  private common(
    input: Omit<GttInput, 'triggerPrice' | 'limitPrice'>,
  ): Result<{ instrument: Instrument; quantity: number; orderType: 'L' | 'MKT'; productType: 'CNC' | 'NRML'; marketProtection: number }> {
    const resolved = this.orders.resolve(input.exchange, input.symbolName);
    if (!resolved.ok) return resolved;
    const instrument = resolved.value;
    if (input.productType !== 'CNC' && input.productType !== 'NRML') return invalid('productType must be CNC or NRML.');
    if (input.productType === 'CNC' && instrument.instrument !== 'EQ') return invalid('The valid product type for F&O (Futures and Options) is NRML.');
    if (input.orderType !== 'L' && input.orderType !== 'MKT') return invalid('orderType must be MKT (Market Order) or L (Limit Order).');
    const quantity = toNumber(input.quantity) ?? Number.NaN;
    if (!Number.isInteger(quantity) || quantity < 1) return invalid('quantity must be a whole number of at least 1.');
    if (quantity % instrument.lotSize !== 0) return invalid(`quantity must be a multiple of the lot size of ${instrument.tradingSymbol} (${instrument.lotSize}).`);
    const protection = input.orderType === 'MKT' ? (toNumber(input.marketProtection) ?? GTT_RULES.defaultMarketProtection) : 0;
    if (!(protection >= 0 && protection <= GTT_RULES.maxMarketProtection)) return invalid(`marketProtection must be a percentage from 0 to ${GTT_RULES.maxMarketProtection}.`);
    return ok({ instrument, quantity, orderType: input.orderType, productType: input.productType, marketProtection: protection });
  }

  private leg(instrument: Instrument, role: GttRole, orderType: 'L' | 'MKT', trigger: Num, limit: Num, name: string): Result<GttLeg> {
    const triggerPrice = toNumber(trigger) ?? Number.NaN;
    const triggerField = name ? `${name}TriggerPrice` : 'triggerPrice';
    if (!(triggerPrice > 0) || !onTick(triggerPrice, instrument.tickSize))
      return invalid(`${triggerField} is required (> 0), on the tick size of ${instrument.tradingSymbol} (${instrument.tickSize}).`);
    let limitPrice = 0;
    if (orderType === 'L') {
      limitPrice = toNumber(limit) ?? Number.NaN;
      const field = name ? `${name}LimitPrice` : 'limitPrice';
      if (!(limitPrice > 0) || !onTick(limitPrice, instrument.tickSize))
        return invalid(`${field} is required (> 0) for a limit (L) order, on the tick size of ${instrument.tradingSymbol} (${instrument.tickSize}).`);
    }
    const ltp = this.market.ltp(instrument);
    return ok({
      role,
      triggerId: this.ctx.random.digits('gtt-trigger-id', 7),
      triggerPrice,
      triggerPriceSent: String(trigger),
      limitPrice,
      limitPriceSent: orderType === 'L' ? String(limit) : '',
      ltpAtCreation: ltp,
      direction: directionFrom(ltp, triggerPrice),
      status: '',
      triggeredAt: null,
      orderNumber: '',
      rejectReason: '',
    });
  }

  private newId(uid: string): string {
    let id: string;
    do id = String(Number(this.ctx.random.digits('gtt-summary-id', 6)) + 100_000);
    while (this.ctx.store.getGtt(uid, id));
    return id;
  }

  private create(
    uid: string,
    kind: GttKind,
    terms: { instrument: Instrument; quantity: number; orderType: 'L' | 'MKT'; productType: 'CNC' | 'NRML'; marketProtection: number },
    side: 'BUY' | 'SELL',
    legs: GttLeg[],
    createdAt?: number,
  ): GttRecord {
    const { instrument } = terms;
    const gtt: GttRecord = {
      uid,
      gttSummaryId: this.newId(uid),
      kind,
      exchange: instrument.exchange,
      symbolName: instrument.symbolName,
      transactionType: side,
      productType: terms.productType,
      orderType: terms.orderType,
      quantity: terms.quantity,
      marketProtection: terms.marketProtection,
      legs,
      state: 'active',
      createdAt: createdAt ?? this.ctx.clock.now(),
      deletedAt: null,
      activeOn: instrumentKey(instrument.exchange, instrument.symbolName),
    };
    this.ctx.store.putGtt(gtt);
    return gtt;
  }

  addGtt(uid: string, input: GttInput): Result<GttRecord> {
    const terms = this.common(input);
    if (!terms.ok) return terms;
    const leg = this.leg(terms.value.instrument, 'GTT', terms.value.orderType, input.triggerPrice, input.limitPrice, '');
    if (!leg.ok) return leg;
    return ok(this.create(uid, 'GTT', terms.value, input.transactionType, [leg.value]));
  }

  addOco(uid: string, input: OcoInput): Result<GttRecord> {
    const terms = this.common(input);
    if (!terms.ok) return terms;
    if (terms.value.productType === 'CNC' && input.transactionType === 'BUY') return fail('GTT_CNC_BUY');
    const { instrument, orderType } = terms.value;
    const target = this.leg(instrument, 'TARGET', orderType, input.targetTriggerPrice, input.targetLimitPrice, 'target');
    if (!target.ok) return target;
    const stop = this.leg(instrument, 'STOPLOSS', orderType, input.stoplossTriggerPrice, input.stoplossLimitPrice, 'stoploss');
    if (!stop.ok) return stop;
    // An exit: a SELL's target above its stop-loss, a BUY's (closing a short) below.
    const sellExit = input.transactionType === 'SELL';
    if (sellExit ? target.value.triggerPrice <= stop.value.triggerPrice : target.value.triggerPrice >= stop.value.triggerPrice) {
      return invalid(`targetTriggerPrice must be ${sellExit ? 'above' : 'below'} stoplossTriggerPrice for a ${input.transactionType} OCO.`);
    }
    return ok(this.create(uid, 'OCO', terms.value, input.transactionType, [target.value, stop.value]));
  }

  /** Any trigger of the account by id, whatever its state. */
  find(uid: string, id: string | number): GttRecord | undefined {
    return this.ctx.store.getGtt(uid, String(id));
  }

  /** An active trigger of the account, of this kind; anything else (unknown, replaced, deleted, triggered) does not exist for modify. */
  private active(uid: string, id: string | number, kind: GttKind): Result<GttRecord> {
    const gtt = this.ctx.store.getGtt(uid, String(id));
    if (!gtt || gtt.kind !== kind || gtt.state !== 'active') return fail('GTT_NOT_FOUND');
    return ok(gtt);
  }

  private replace(old: GttRecord, input: Omit<GttInput, 'triggerPrice' | 'limitPrice'>, build: (terms: Parameters<Gtts['create']>[2]) => Result<GttLeg[]>): Result<GttRecord> {
    const terms = this.common(input);
    if (!terms.ok) return terms;
    if (terms.value.instrument.exchange !== old.exchange || terms.value.instrument.symbolName !== old.symbolName) {
      return invalid('exchange and symbolName cannot be modified: send the ones the trigger was created with.');
    }
    const legs = build(terms.value);
    if (!legs.ok) return legs;
    const now = this.ctx.clock.now();
    this.ctx.store.putGtt({ ...old, state: 'replaced', deletedAt: now, activeOn: null });
    return ok(this.create(old.uid, old.kind, terms.value, input.transactionType, legs.value, old.createdAt));
  }

  modifyGtt(uid: string, id: string | number, input: GttInput): Result<GttRecord> {
    const old = this.active(uid, id, 'GTT');
    if (!old.ok) return old;
    return this.replace(old.value, input, (terms) => {
      const leg = this.leg(terms.instrument, 'GTT', terms.orderType, input.triggerPrice, input.limitPrice, '');
      return leg.ok ? ok([leg.value]) : leg;
    });
  }

  modifyOco(uid: string, id: string | number, input: OcoInput): Result<GttRecord> {
    const old = this.active(uid, id, 'OCO');
    if (!old.ok) return old;
    const check = this.addOcoTerms(input);
    if (!check.ok) return check;
    return this.replace(old.value, input, (terms) => {
      const target = this.leg(terms.instrument, 'TARGET', terms.orderType, input.targetTriggerPrice, input.targetLimitPrice, 'target');
      if (!target.ok) return target;
      const stop = this.leg(terms.instrument, 'STOPLOSS', terms.orderType, input.stoplossTriggerPrice, input.stoplossLimitPrice, 'stoploss');
      return stop.ok ? ok([target.value, stop.value]) : stop;
    });
  }

  private addOcoTerms(input: OcoInput): Result<true> {
    if (input.productType === 'CNC' && input.transactionType === 'BUY') return fail('GTT_CNC_BUY');
    const target = toNumber(input.targetTriggerPrice) ?? Number.NaN;
    const stop = toNumber(input.stoplossTriggerPrice) ?? Number.NaN;
    const sellExit = input.transactionType === 'SELL';
    if (target > 0 && stop > 0 && (sellExit ? target <= stop : target >= stop))
      return invalid(`targetTriggerPrice must be ${sellExit ? 'above' : 'below'} stoplossTriggerPrice for a ${input.transactionType} OCO.`);
    return ok(true);
  }

  /** Deletes a waiting trigger (both legs of an OCO); a triggered one cannot be deleted. */
  delete(uid: string, id: string | number, kind: GttKind): Result<GttRecord> {
    const gtt = this.ctx.store.getGtt(uid, String(id));
    if (!gtt || gtt.kind !== kind || gtt.state === 'replaced' || gtt.state === 'expired') return fail('GTT_NOT_FOUND');
    if (gtt.state === 'triggered') return fail('GTT_TRIGGERED');
    const next: GttRecord = { ...gtt, state: 'expired', deletedAt: this.ctx.clock.now(), activeOn: null };
    this.ctx.store.putGtt(next);
    return ok(next);
  }

  /** The account's triggers in one list: active, triggered, or expired (deleted, or whose contract has expired). */
  list(uid: string, listType: 'active' | 'triggered' | 'expired'): GttRecord[] {
    return this.ctx.store
      .gttsOf(uid)
      .map((g) => this.expireIfDue(g))
      .filter((g) => g.state === listType);
  }

  /** A derivative's trigger expires with its contract (after the expiry day's close). */
  private expireIfDue(gtt: GttRecord): GttRecord {
    if (gtt.state !== 'active') return gtt;
    const instrument = this.market.find(gtt.exchange, gtt.symbolName);
    if (!instrument?.expiry) return gtt;
    const end = Date.parse(`${instrument.expiry}T${GTT_RULES.expiryCloseUtc}Z`);
    if (this.ctx.clock.now() < end) return gtt;
    const next: GttRecord = { ...gtt, state: 'expired', activeOn: null };
    this.ctx.store.putGtt(next);
    return next;
  }

  /** A price change: only this instrument's active triggers are read; each fires at most one leg. */
  private onPrice(event: PriceEvent): number {
    let fired = 0;
    for (const listed of this.ctx.store.gttsActiveOn(instrumentKey(event.instrument.exchange, event.instrument.symbolName))) {
      const gtt = this.ctx.store.getGtt(listed.uid, listed.gttSummaryId);
      if (!gtt?.activeOn) continue;
      const leg = gtt.legs.find((l) => l.status === '' && reached(l.direction, event.price, l.triggerPrice));
      if (!leg) continue;
      this.fire(gtt, leg, event.instrument, event.price);
      fired++;
    }
    return fired;
  }

  /** Places the leg's order (a regular order, DAY) and closes the trigger: the other OCO leg is cancelled. */
  private fire(gtt: GttRecord, leg: GttLeg, instrument: Instrument, ltp: number) {
    const now = this.ctx.clock.now();
    const account = this.ctx.store.getAccount(gtt.uid);
    const protection = gtt.marketProtection / 100;
    const price = gtt.orderType === 'L' ? leg.limitPrice : toTick(ltp * (gtt.transactionType === 'BUY' ? 1 + protection : 1 - protection), instrument.tickSize);
    let orderNumber = '';
    let rejectReason = '';
    if (account) {
      const placed = this.orders.place(account, {
        symbolName: instrument.symbolName,
        exchange: instrument.exchange,
        transactionType: gtt.transactionType,
        orderType: 'L',
        quantity: gtt.quantity,
        price,
        orderValidity: 'DAY',
        productType: gtt.productType,
      });
      if (placed.ok) {
        orderNumber = placed.value.orderNumber;
        rejectReason = placed.value.rejectionReason;
      } else rejectReason = placed.error.message ?? placed.error.code;
    } else rejectReason = 'The account no longer exists.';
    const legs = gtt.legs.map((l): GttLeg => (l.triggerId === leg.triggerId ? { ...l, status: 'TRIGGERED', triggeredAt: now, orderNumber, rejectReason } : { ...l, status: 'CANCELLED' }));
    this.ctx.store.putGtt({ ...gtt, legs, state: 'triggered', activeOn: null });
  }
}
