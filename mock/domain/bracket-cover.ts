import { BRACKET_RULES } from '../../spec/schemas/market-rules.js';
import type { DomainContext } from './context.js';
import { IST_OFFSET_MS } from './ist.js';
import { bracketLegPrices, distance, exitLeg, legsDue, opposite, siblingAfterFill, trailedStop, type LegRole } from './legs.js';
import type { Instrument } from './market/instruments.js';
import type { Market } from './market/market.js';
import { isOpen, onTick, remaining, toNumber, type OrderHooks, type Orders, type SamcoOrder } from './orders.js';
import { fail, ok, type Result } from './result.js';
import type { Account } from './types.js';

type Num = string | number | undefined;

/** placeOrderBO's fields (orderType, orderValidity and productType are sent by every client, not in the chapter's table). */
export type BracketInput = {
  symbolName: string;
  exchange?: string;
  transactionType: 'BUY' | 'SELL';
  quantity: string | number;
  disclosedQuantity?: Num;
  price: Num;
  priceType?: 'LTP' | 'ATP' | '';
  squareOffValue: Num;
  stopLossValue: Num;
  valueType?: 'Absolute' | 'Ticks' | '';
  trailingStopLoss?: Num;
  orderType?: string;
  orderValidity?: string;
  productType?: string;
};

export type CoverInput = {
  symbolName: string;
  exchange?: string;
  transactionType: 'BUY' | 'SELL';
  orderType: string;
  quantity: string | number;
  disclosedQuantity?: Num;
  price: Num;
  orderValidity: string;
  productType: string;
  triggerPrice: Num;
  afterMarketOrderFlag?: 'YES' | 'NO' | '';
};

const invalid = (message: string) => fail('BRACKET_INVALID', message);

/** Whether `now` falls in the half hour before the exchange's close, when new MIS/BO/CO orders are rejected. */
export function inSquareOffBlock(exchange: Instrument['exchange'], now: number): boolean {
  const minute = Math.floor(((now + IST_OFFSET_MS) % 86_400_000) / 60_000);
  const close = BRACKET_RULES.closeAt[exchange];
  return minute >= close - BRACKET_RULES.squareOffBlockMinutes && minute < close;
}

/** Whether an intraday leg created at `createdAt` is due for the RMS square-off: from its IST day's block start on. */
export function squareOffDue(exchange: Instrument['exchange'], createdAt: number, now: number): boolean {
  const dayStart = Math.floor((createdAt + IST_OFFSET_MS) / 86_400_000) * 86_400_000 - IST_OFFSET_MS;
  return now >= dayStart + (BRACKET_RULES.closeAt[exchange] - BRACKET_RULES.squareOffBlockMinutes) * 60_000;
}

/**
 * Samco's bracket (BO) and cover (CO) orders on the simulated market: an entry (a limit order of
 * product BO or CO) whose fill places its legs on the other side, linked by parentOrderId: BO a
 * target (limit) and a stop-loss, CO a stop-loss; one leg's fill cancels the other. The rules of
 * the legs are legs.ts's, shared with AutoTrader; this class applies them to Samco's order records.
 */
export class BracketCover implements OrderHooks {
  constructor(
    private readonly ctx: DomainContext,
    private readonly market: Market,
    private readonly orders: Orders,
  ) {
    orders.useHooks(this);
  }

  placeBO(account: Account, input: BracketInput): Result<SamcoOrder> {
    const resolved = this.orders.resolve(input.exchange, input.symbolName);
    if (!resolved.ok) return resolved;
    const instrument = resolved.value;
    if (!(BRACKET_RULES.boExchanges as readonly string[]).includes(instrument.exchange)) return invalid(`Bracket orders are not allowed on ${instrument.exchange}.`);
    const entry = this.entryRules('BO', input.orderType || 'L', input.orderValidity || 'DAY', input.productType || 'BO');
    if (entry) return entry;
    const unit = input.valueType || 'Absolute';
    const target = toNumber(input.squareOffValue) ?? Number.NaN;
    const stop = toNumber(input.stopLossValue) ?? Number.NaN;
    const trail = toNumber(input.trailingStopLoss) ?? 0;
    if (!(target > 0) || !(stop > 0)) return invalid('squareOffValue and stopLossValue (distances from the entry) are required and must be greater than 0.');
    if (!(trail >= 0)) return invalid('trailingStopLoss must be 0 or more.');
    const tick = instrument.tickSize;
    const distances = { target: distance(target, unit, tick), stoploss: distance(stop, unit, tick), trailingStep: distance(trail, unit, tick) };
    for (const [name, value] of [
      ['squareOffValue', distances.target],
      ['stopLossValue', distances.stoploss],
      ['trailingStopLoss', distances.trailingStep],
    ] as const) {
      if (value > 0 && !onTick(value, tick)) return invalid(`${name} must be a whole number of ticks of ${instrument.tradingSymbol} (${tick}).`);
    }
    const drafted = this.orders.draft(account, instrument, { ...input, orderType: 'L', orderValidity: 'DAY', productType: 'BO', afterMarketOrderFlag: 'NO' });
    if (!drafted.ok) return drafted;
    if (distances.stoploss >= drafted.value.price && input.transactionType === 'BUY') return invalid('stopLossValue must be smaller than the price.');
    const bracket = { kind: 'BO' as const, target: distances.target, stoploss: distances.stoploss, trailingStep: distances.trailingStep, coverTrigger: 0, children: [] };
    return ok(this.orders.enter(account, instrument, { ...drafted.value, bracket }, this.squareOffBlockReason(instrument)));
  }

  placeCO(account: Account, input: CoverInput): Result<SamcoOrder> {
    const resolved = this.orders.resolve(input.exchange, input.symbolName);
    if (!resolved.ok) return resolved;
    const instrument = resolved.value;
    if (!(BRACKET_RULES.coExchanges as readonly string[]).includes(instrument.exchange)) return invalid(`Cover orders are not allowed on ${instrument.exchange}.`);
    const entry = this.entryRules('CO', input.orderType, input.orderValidity, input.productType);
    if (entry) return entry;
    const drafted = this.orders.draft(account, instrument, { ...input, orderType: 'L', orderValidity: 'DAY', productType: 'CO', triggerPrice: undefined });
    if (!drafted.ok) return drafted;
    const trigger = toNumber(input.triggerPrice) ?? Number.NaN;
    if (!(trigger > 0) || !onTick(trigger, instrument.tickSize))
      return invalid(`triggerPrice (the stop-loss price) is required (> 0), on the tick size of ${instrument.tradingSymbol} (${instrument.tickSize}).`);
    const buy = input.transactionType === 'BUY';
    if (buy ? trigger >= drafted.value.price : trigger <= drafted.value.price)
      return invalid(`triggerPrice (the stop-loss price) must be ${buy ? 'below' : 'above'} price for a ${input.transactionType} cover order.`);
    const bracket = { kind: 'CO' as const, target: 0, stoploss: 0, trailingStep: 0, coverTrigger: trigger, children: [] };
    return ok(this.orders.enter(account, instrument, { ...drafted.value, triggerPrice: trigger, bracket }, this.squareOffBlockReason(instrument)));
  }

  private entryRules(kind: 'BO' | 'CO', orderType: string, validity: string, product: string) {
    if (orderType !== 'L') return fail('ORDER_TYPE_NOT_ALLOWED', `Invalid orderType: a ${kind === 'BO' ? 'bracket' : 'cover'} order's entry is a limit order (L).`);
    if (validity !== 'DAY') return invalid(`orderValidity must be DAY for a ${kind === 'BO' ? 'bracket' : 'cover'} order.`);
    if (product !== kind) return invalid(`productType must be ${kind}.`);
    return null;
  }

  /** The published rejection reason when new intraday orders on the instrument's exchange are blocked now, else null. */
  squareOffBlockReason(instrument: Instrument): string | null {
    return inSquareOffBlock(instrument.exchange, this.ctx.clock.now()) ? BRACKET_RULES.squareOffBlockReason : null;
  }

  /** The legs of an entry, in the order they were placed (stop-loss first). */
  legsOf(entry: SamcoOrder): SamcoOrder[] {
    return (entry.bracket?.children ?? []).map((n) => this.ctx.store.getOrder(entry.uid, n)!).filter(Boolean);
  }

  beforeMatch(order: SamcoOrder, price: number): SamcoOrder {
    if (order.leg !== 'STOPLOSS' || order.triggered) return order;
    // The sandbox has no timer: the RMS square-off happens at the first price change from the block's start, through the stop leg at the market.
    if (squareOffDue(order.exchange, order.createdAt, this.ctx.clock.now())) return { ...order, triggered: true };
    if (!order.trail) return order;
    const instrument = this.orders.instrumentOf(order);
    const moved = trailedStop(opposite(order.transactionType), { trigger: order.triggerPrice, anchor: order.trail.anchor }, price, order.trail.step, instrument.tickSize);
    return moved ? { ...order, triggerPrice: moved.trigger, trail: { ...order.trail, anchor: moved.anchor } } : order;
  }

  afterChange(before: SamcoOrder, after: SamcoOrder): void {
    if (after.bracket && legsDue({ open: isOpen(after), filledQuantity: after.filledQuantity, hasLegs: after.bracket.children.length > 0 })) this.placeLegs(after);
    if (after.leg && after.filledQuantity > before.filledQuantity) this.afterLegFill(after);
  }

  private placeLegs(entry: SamcoOrder) {
    const bracket = entry.bracket!;
    const instrument = this.orders.instrumentOf(entry);
    const prices = bracketLegPrices(entry.transactionType, entry.averagePrice, bracket, instrument.tickSize);
    const stopTrigger = bracket.kind === 'BO' ? prices.stopTrigger : bracket.coverTrigger;
    const drafts = [this.legDraft(entry, 'STOPLOSS', 'SL-M', 0, stopTrigger)];
    if (bracket.kind === 'BO') drafts.push(this.legDraft(entry, 'TARGET', 'L', prices.target, 0));
    this.ctx.store.putOrder({ ...entry, bracket: { ...bracket, children: drafts.map((d) => d.orderNumber) } });
    for (const draft of drafts) {
      // A leg whose sibling already filled completely (the market was past it) never reaches the exchange.
      const done = drafts.some((d) => d !== draft && this.ctx.store.getOrder(d.uid, d.orderNumber)?.status === 'COMPLETE');
      if (done) this.ctx.store.putOrder(this.orders.cancelRest(draft, this.ctx.clock.now()));
      else this.orders.release(instrument, draft);
    }
  }

  private legDraft(entry: SamcoOrder, role: LegRole, orderType: 'L' | 'SL-M', price: number, triggerPrice: number): SamcoOrder {
    const now = this.ctx.clock.now();
    const trailing = role === 'STOPLOSS' && (entry.bracket?.trailingStep ?? 0) > 0;
    return {
      ...entry,
      orderNumber: this.orders.newOrderNumber(now),
      transactionType: opposite(entry.transactionType),
      orderType,
      quantity: entry.filledQuantity,
      disclosedQuantity: 0,
      price,
      triggerPrice,
      triggered: orderType === 'L',
      fills: [],
      filledQuantity: 0,
      averagePrice: 0,
      cancelledQuantity: 0,
      status: 'PENDING',
      rejectionReason: '',
      createdAt: now,
      updatedAt: now,
      openOn: null,
      parentOrderId: entry.orderNumber,
      leg: role,
      bracket: null,
      trail: trailing ? { step: entry.bracket!.trailingStep, anchor: entry.averagePrice } : null,
    };
  }

  private afterLegFill(leg: SamcoOrder) {
    const entry = this.ctx.store.getOrder(leg.uid, leg.parentOrderId!);
    if (!entry) return;
    const now = this.ctx.clock.now();
    for (const sibling of this.legsOf(entry)) {
      if (sibling.orderNumber === leg.orderNumber) continue;
      const change = siblingAfterFill({ complete: leg.status === 'COMPLETE', pending: remaining(leg) }, { open: isOpen(sibling), pending: remaining(sibling) });
      if (change === 'CANCEL') this.orders.write(sibling, this.orders.cancelRest(sibling, now));
      else if (change) this.orders.write(sibling, { ...sibling, cancelledQuantity: sibling.quantity - sibling.filledQuantity - change.pending, updatedAt: now });
    }
  }

  /**
   * exitBO / exitCO with the entry's order number: an entry still waiting is cancelled; a filled
   * (or partly filled) one is exited: what is unfilled is cancelled, and the position closes at
   * the market through the stop-loss leg, the other leg cancelled. Refused once a leg executed.
   */
  exit(account: Account, kind: 'BO' | 'CO', orderNumber: string): Result<SamcoOrder> {
    const entry = this.orders.get(account.uid, orderNumber);
    if (!entry.ok) return entry;
    if (entry.value.productType !== kind || entry.value.leg) {
      return fail('EXIT_NOT_BRACKET', `Order ${orderNumber} is not a ${kind === 'BO' ? 'bracket' : 'cover'} order entry: exit${kind} takes the orderNumber placeOrder${kind} answered.`);
    }
    if (this.legsOf(entry.value).some((l) => l.status === 'COMPLETE')) return fail('EXIT_SUBORDER_EXECUTED');
    const now = this.ctx.clock.now();
    let current = entry.value;
    if (isOpen(current)) {
      this.orders.write(current, this.orders.cancelRest(current, now));
      current = this.ctx.store.getOrder(account.uid, orderNumber)!;
    } else if (!this.legsOf(current).some(isOpen)) {
      return fail('EXIT_NOT_OPEN', `Order cannot be exited: it is ${current.status}${current.filledQuantity ? ' and has no open legs' : ''}.`);
    }
    const open = this.legsOf(current).filter(isOpen);
    const exiting = exitLeg(open.map((l) => ({ role: l.leg ?? null, order: l })));
    if (exiting) {
      const instrument = this.orders.instrumentOf(exiting.order);
      this.orders.write(exiting.order, this.orders.fill({ ...exiting.order, triggered: true }, instrument, remaining(exiting.order), this.market.ltp(instrument)));
      for (const other of this.legsOf(current).filter(isOpen)) this.orders.write(other, this.orders.cancelRest(other, now));
    }
    return ok(this.ctx.store.getOrder(account.uid, orderNumber)!);
  }
}
