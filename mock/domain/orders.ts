import type { ExchangeEvents } from './exchange-events.js';
import { ORDER_RULES } from '../../spec/schemas/market-rules.js';
import { IST_FORMATS } from './ist.js';
import type { DomainContext } from './context.js';
import { isCommodity, isOption, type Exchange, type Instrument } from './market/instruments.js';
import { takeVolume, type Market, type PriceEvent } from './market/market.js';
import type { LegRole } from './legs.js';
import { round2 } from './money.js';
import { fail, ok, type Result } from './result.js';
import { limitMarketable, stopCrossed } from './triggers.js';
import type { Account } from './types.js';

export type TransactionType = 'BUY' | 'SELL';
export type ProductType = 'CNC' | 'MIS' | 'NRML';
/** A bracket's or cover's entry and legs carry BO or CO. */
export type OrderProduct = ProductType | 'BO' | 'CO';
/** PENDING: resting, nothing filled (an untriggered SL too); OPEN: partly filled; then COMPLETE, CANCELLED or REJECTED. */
export type OrderState = 'PENDING' | 'OPEN' | 'COMPLETE' | 'CANCELLED' | 'REJECTED';

export interface Fill {
  tradeNumber: string;
  quantity: number;
  price: number;
  at: number;
}

export interface SamcoOrder {
  orderNumber: string;
  uid: string;
  exchange: Exchange;
  symbolName: string;
  transactionType: TransactionType;
  /** SL-M only for a bracket's or cover's stop-loss leg (the sandbox's choice: it executes at the market once triggered). */
  orderType: 'L' | 'SL' | 'SL-M';
  productType: OrderProduct;
  orderValidity: 'DAY' | 'IOC';
  afterMarketOrderFlag: 'YES' | 'NO';
  quantity: number;
  disclosedQuantity: number;
  price: number;
  triggerPrice: number;
  /** An SL order becomes a limit order once the market crosses its trigger. */
  triggered: boolean;
  fills: Fill[];
  filledQuantity: number;
  averagePrice: number;
  cancelledQuantity: number;
  status: OrderState;
  rejectionReason: string;
  exchangeOrderNo: string | null;
  createdAt: number;
  updatedAt: number;
  /** The instrument key while the order can still fill, else null: the store indexes open orders by it. */
  openOn: string | null;
  /** A bracket or cover order's leg: its entry's order number and its role (absent or null otherwise). */
  parentOrderId?: string | null;
  leg?: LegRole | null;
  /** A bracket or cover entry's terms and legs (see bracket-cover.ts). */
  bracket?: BracketTerms | null;
  /** A trailing stop-loss leg: its step and the best price seen so far. */
  trail?: { step: number; anchor: number } | null;
}

/** What a bracket or cover entry keeps for its legs. Distances are in rupees (valueType already applied). */
export interface BracketTerms {
  kind: 'BO' | 'CO';
  /** BO: target and stop-loss distances from the entry's fill price, the trailing step (0: none). */
  target: number;
  stoploss: number;
  trailingStep: number;
  /** CO: the stop-loss leg's absolute trigger price. */
  coverTrigger: number;
  /** The legs' order numbers once the entry's fill placed them. */
  children: string[];
}

/** What the bracket and cover orders add to every order change (placing legs, cancelling a sibling, trailing a stop). */
export interface OrderHooks {
  /** Before a price event meets the order: may return the order with a moved stop (trailing). */
  beforeMatch(order: SamcoOrder, price: number): SamcoOrder;
  /** After an order was written: legs to place, a sibling to cancel. */
  afterChange(before: SamcoOrder, after: SamcoOrder): void;
}

/** An order request as the schema hands it over: numbers may come as strings; "" in an optional field counts as absent. */
export type PlaceOrderInput = {
  symbolName: string;
  exchange?: string;
  transactionType: TransactionType;
  orderType: string;
  quantity: string | number;
  disclosedQuantity?: string | number;
  price?: string | number;
  triggerPrice?: string | number;
  orderValidity: 'DAY' | 'IOC';
  productType: ProductType;
  afterMarketOrderFlag?: 'YES' | 'NO' | '';
};

export type ModifyOrderInput = Partial<Pick<PlaceOrderInput, 'orderType' | 'quantity' | 'disclosedQuantity' | 'price' | 'triggerPrice' | 'orderValidity'>>;

export { ORDER_RULES };

export const isOpen = (o: SamcoOrder) => o.status === 'PENDING' || o.status === 'OPEN';
export const remaining = (o: SamcoOrder) => o.quantity - o.filledQuantity - o.cancelledQuantity;
export const instrumentKeyOf = (i: Instrument) => `${i.exchange}:${i.symbolName}`;

export function toNumber(value: string | number | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = typeof value === 'number' ? value : Number(value.trim());
  return Number.isFinite(n) ? n : Number.NaN;
}

export const onTick = (price: number, tick: number) => Math.abs(Math.round(price / tick) * tick - price) < 1e-9;

/** The share of an order's value the account's limits must cover. */
export function marginRate(instrument: Instrument, productType: OrderProduct, side: TransactionType): number {
  const rates = ORDER_RULES.marginRate;
  // BO and CO are intraday products: margined as MIS.
  const intraday = productType === 'MIS' || productType === 'BO' || productType === 'CO';
  if (instrument.instrument === 'EQ') return intraday ? rates.intraday : rates.cash;
  if (isOption(instrument) && side === 'BUY') return rates.cash;
  return intraday ? rates.futuresIntraday : rates.futures;
}

/** The validated numbers of an order, or the refusal naming what is wrong. */
export function checkTerms(
  instrument: Instrument,
  t: { orderType: string; quantity?: number; disclosedQuantity?: number; price?: number; triggerPrice?: number; leg?: LegRole | null },
): Result<{ quantity: number; disclosedQuantity: number; price: number; triggerPrice: number }> {
  const stopLeg = t.orderType === 'SL-M' && t.leg === 'STOPLOSS';
  if (!stopLeg && !(ORDER_RULES.orderTypes as readonly string[]).includes(t.orderType)) return fail('ORDER_TYPE_NOT_ALLOWED');
  const { lotSize, tickSize } = instrument;
  const quantity = t.quantity ?? Number.NaN;
  if (!Number.isInteger(quantity) || quantity < 1) return fail('ORDER_INVALID', 'quantity must be a whole number of at least 1.');
  if (quantity % lotSize !== 0) return fail('ORDER_INVALID', `quantity must be a multiple of the lot size of ${instrument.tradingSymbol} (${lotSize}).`);
  const disclosedQuantity = t.disclosedQuantity ?? 0;
  if (!Number.isInteger(disclosedQuantity) || disclosedQuantity < 0 || disclosedQuantity > quantity) return fail('ORDER_INVALID', 'disclosedQuantity must be a whole number no larger than quantity.');
  if (disclosedQuantity > 0 && disclosedQuantity < Math.ceil(quantity * ORDER_RULES.minDisclosedShare)) {
    return fail('ORDER_INVALID', `disclosedQuantity must be at least ${ORDER_RULES.minDisclosedShare * 100}% of quantity (${Math.ceil(quantity * ORDER_RULES.minDisclosedShare)}).`);
  }
  const price = stopLeg ? 0 : (t.price ?? Number.NaN);
  if (!stopLeg && !(price > 0)) return fail('ORDER_INVALID', `price is required (> 0) for ${t.orderType === 'L' ? 'a limit order (L)' : 'a stop-loss limit order (SL)'}.`);
  if (!stopLeg && !onTick(price, tickSize)) return fail('ORDER_INVALID', `price must be a multiple of the tick size of ${instrument.tradingSymbol} (${tickSize}).`);
  let triggerPrice = 0;
  if (t.orderType === 'SL' || stopLeg) {
    triggerPrice = t.triggerPrice ?? Number.NaN;
    if (!(triggerPrice > 0)) return fail('ORDER_INVALID', `triggerPrice is required (> 0) for ${stopLeg ? 'a stop-loss leg' : 'a stop-loss limit order (SL)'}.`);
    if (!onTick(triggerPrice, tickSize)) return fail('ORDER_INVALID', `triggerPrice must be a multiple of the tick size of ${instrument.tradingSymbol} (${tickSize}).`);
  }
  return ok({ quantity, disclosedQuantity, price, triggerPrice });
}

/** What limits and holdings the RMS check reads; the portfolio supplies them. */
export interface RiskView {
  /** Margin free in the instrument's segment (equity or commodity), leaving out `exclude`. */
  available(account: Account, commodity: boolean, exclude?: string): number;
  /** CNC shares that can still be sold (holdings and the day's CNC buys, less CNC sells and open CNC sell orders). */
  sellable(account: Account, instrument: Instrument, exclude?: string): number;
}

/**
 * Samco's regular orders (L and SL) on the simulated market: checked, passed through a simple
 * RMS (price band, margin, CNC holdings), then resting at the exchange until the market crosses
 * them. Every fill is a trade; positions, holdings and limits are computed from the fills.
 */
export class Orders {
  private risk: RiskView | undefined;
  private exchange: ExchangeEvents | undefined;
  private hooks: OrderHooks | undefined;

  constructor(
    private readonly ctx: DomainContext,
    private readonly market: Market,
  ) {
    market.onPrice((event) => this.onPrice(event));
  }

  /** The portfolio reads orders and the orders ask the portfolio: wired after both exist. */
  useRisk(risk: RiskView) {
    this.risk = risk;
  }

  /** Exchange events (a halt, a one-time rejection) the exchange applies before the RMS. */
  useExchangeEvents(exchange: ExchangeEvents) {
    this.exchange = exchange;
  }

  /** Bracket and cover orders: wired after both exist. */
  useHooks(hooks: OrderHooks) {
    this.hooks = hooks;
  }

  instrumentOf(order: SamcoOrder): Instrument {
    return this.market.find(order.exchange, order.symbolName)!;
  }

  /** The instrument of a request (NSE when exchange is absent), or the refusal: unknown symbol, BFO outside SENSEX/BANKEX. */
  resolve(exchangeSent: string | undefined, symbolName: string): Result<Instrument> {
    const exchange = exchangeSent || ORDER_RULES.defaultExchange;
    const instrument = this.market.find(exchange, symbolName);
    if (!instrument) return fail('MARKET_SYMBOL_NOT_FOUND');
    if (exchange === 'BFO' && !ORDER_RULES.bfoUnderlyings.some((u) => instrument.atSymbol.startsWith(`${u}_`))) return fail('ORDER_BFO_NOT_ALLOWED');
    return ok(instrument);
  }

  /** `closing`: the order closes an open position (a square-off), so it blocks no margin of its own; the band and CNC delivery checks still apply. */
  place(account: Account, input: PlaceOrderInput, options: { closing?: boolean } = {}): Result<SamcoOrder> {
    const instrument = this.resolve(input.exchange, input.symbolName);
    if (!instrument.ok) return instrument;
    const draft = this.draft(account, instrument.value, input);
    if (!draft.ok) return draft;
    return ok(this.enter(account, instrument.value, draft.value, null, options.closing));
  }

  /** A checked new order, not yet written: the request's terms on the instrument. */
  draft(account: Account, instrument: Instrument, input: Omit<PlaceOrderInput, 'productType'> & { productType: OrderProduct }): Result<SamcoOrder> {
    if (input.productType === 'CNC' && instrument.instrument !== 'EQ') return fail('ORDER_INVALID', 'productType CNC is for equity cash only: use NRML or MIS for derivatives.');
    const terms = checkTerms(instrument, {
      orderType: input.orderType,
      quantity: toNumber(input.quantity),
      disclosedQuantity: toNumber(input.disclosedQuantity),
      price: toNumber(input.price),
      triggerPrice: toNumber(input.triggerPrice),
    });
    if (!terms.ok) return terms;
    const now = this.ctx.clock.now();
    return ok({
      ...terms.value,
      orderNumber: this.newOrderNumber(now),
      uid: account.uid,
      exchange: instrument.exchange,
      symbolName: instrument.symbolName,
      transactionType: input.transactionType,
      orderType: input.orderType as 'L' | 'SL',
      productType: input.productType,
      orderValidity: input.orderValidity,
      afterMarketOrderFlag: input.afterMarketOrderFlag || 'NO',
      triggered: input.orderType === 'L',
      fills: [],
      filledQuantity: 0,
      averagePrice: 0,
      cancelledQuantity: 0,
      status: 'PENDING',
      rejectionReason: '',
      exchangeOrderNo: null,
      createdAt: now,
      updatedAt: now,
      openOn: null,
    });
  }

  /** A drafted order goes to the RMS (or is rejected with `rejection`), then to the exchange, where it meets the market's price. */
  enter(account: Account, instrument: Instrument, draft: SamcoOrder, rejection: string | null = null, closing = false): SamcoOrder {
    const { store } = this.ctx;
    const reason = rejection ?? this.rmsCheck(account, instrument, draft, undefined, closing);
    if (reason) {
      store.putOrder({ ...draft, status: 'REJECTED', rejectionReason: reason });
      return store.getOrder(account.uid, draft.orderNumber)!;
    }
    return this.release(instrument, draft);
  }

  /** An accepted order reaches the exchange: it gets its exchange number and meets the market's price now. Legs come this way, past the RMS. */
  release(instrument: Instrument, accepted: SamcoOrder): SamcoOrder {
    const now = this.ctx.clock.now();
    let order: SamcoOrder = { ...accepted, exchangeOrderNo: this.ctx.random.digits('exchange-order-no', 19), openOn: instrumentKeyOf(instrument) };
    order = this.match(order, instrument, { instrument, price: this.market.ltp(instrument), volume: { remaining: null } });
    if (order.orderValidity === 'IOC' && isOpen(order)) order = this.cancelRest(order, now);
    this.write(accepted, order);
    return this.ctx.store.getOrder(order.uid, order.orderNumber)!;
  }

  /** Writes a changed order, then lets the bracket and cover rules react to the change. */
  write(before: SamcoOrder, after: SamcoOrder) {
    this.ctx.store.putOrder(after);
    this.hooks?.afterChange(before, after);
  }

  /** The RMS checks of a new or modified order: the reason it is rejected, or null. */
  private rmsCheck(account: Account, instrument: Instrument, order: SamcoOrder, exclude?: string, closing = false): string | null {
    const refused = this.exchange?.refusal(instrument, exclude === undefined);
    if (refused) return refused;
    const band = this.market.quote(instrument);
    for (const price of order.orderType === 'SL' ? [order.price, order.triggerPrice] : [order.price]) {
      if (price < band.lowerBand || price > band.upperBand) return `Order price is out of the day's price band (${band.lowerBand.toFixed(2)} - ${band.upperBand.toFixed(2)}).`;
    }
    const risk = this.risk!;
    if (order.productType === 'CNC' && order.transactionType === 'SELL') {
      const sellable = risk.sellable(account, instrument, exclude);
      if (order.quantity > sellable) return `RMS:Short sell is not allowed in CNC: sellable quantity ${sellable}.`;
      return null;
    }
    if (closing) return null;
    const required = round2(order.quantity * order.price * marginRate(instrument, order.productType, order.transactionType));
    const available = round2(risk.available(account, isCommodity(instrument), exclude));
    if (required > available) return `RMS:Margin Exceeds, Required:${required.toFixed(2)}, Available:${available.toFixed(2)}`;
    return null;
  }

  /** The order after the market at `event.price` crossed it (or not): trigger, then fill within the event's volume. */
  private match(order: SamcoOrder, instrument: Instrument, event: PriceEvent): SamcoOrder {
    const { price } = event;
    let next = order;
    if (!next.triggered) {
      if (!stopCrossed(next.transactionType, price, next.triggerPrice)) return next;
      next = { ...next, triggered: true };
    }
    if (next.orderType !== 'SL-M' && !limitMarketable(next.transactionType, price, next.price)) return next;
    const quantity = takeVolume(event, remaining(next));
    if (quantity === 0) return next;
    return this.fill(next, instrument, quantity, price);
  }

  /** A fill of `quantity` at `price`: a trade, the average moves, a fully filled order is COMPLETE. */
  fill(order: SamcoOrder, instrument: Instrument, quantity: number, price: number): SamcoOrder {
    const now = this.ctx.clock.now();
    const fill: Fill = { tradeNumber: this.ctx.random.digits('trade-number', 9), quantity, price, at: now };
    const filledQuantity = order.filledQuantity + quantity;
    const averagePrice = round2((order.averagePrice * order.filledQuantity + price * quantity) / filledQuantity);
    const complete = filledQuantity === order.quantity - order.cancelledQuantity;
    return {
      ...order,
      triggered: true,
      fills: [...order.fills, fill],
      filledQuantity,
      averagePrice,
      status: complete ? 'COMPLETE' : 'OPEN',
      updatedAt: now,
      openOn: complete ? null : instrumentKeyOf(instrument),
    };
  }

  /** A price change: the open orders of the instrument, oldest first, trigger and fill as it crosses them. */
  private onPrice(event: PriceEvent): number {
    const key = instrumentKeyOf(event.instrument);
    let fills = 0;
    for (const listed of this.ctx.store.ordersOpenOn(key)) {
      // Re-read: an earlier order's fill may have cancelled this one (a bracket's other leg).
      const order = this.ctx.store.getOrder(listed.uid, listed.orderNumber);
      if (!order?.openOn) continue;
      const trailed = this.hooks ? this.hooks.beforeMatch(order, event.price) : order;
      const next = this.match(trailed, event.instrument, event);
      if (next === order) continue;
      fills += next.fills.length - order.fills.length;
      this.write(order, next);
    }
    return fills;
  }

  cancelRest(order: SamcoOrder, now: number): SamcoOrder {
    return { ...order, cancelledQuantity: order.cancelledQuantity + remaining(order), status: 'CANCELLED', openOn: null, updatedAt: now };
  }

  /** yyMMdd of the IST day, then a 9-digit number: Samco's form (e.g. 240522000162545). */
  newOrderNumber(now: number): string {
    let number: string;
    do number = `${IST_FORMATS.orderDate(now)}${this.ctx.random.digits('order-number', 9)}`;
    while (this.ctx.store.orderNumberTaken(number));
    return number;
  }

  book(uid: string): SamcoOrder[] {
    return this.ctx.store.ordersOf(uid);
  }

  /** The account's PENDING and OPEN orders, oldest first: from the store's index, whatever the size of the book. */
  live(uid: string): SamcoOrder[] {
    return this.ctx.store.liveOrdersOf(uid);
  }

  get(uid: string, orderNumber: string): Result<SamcoOrder> {
    const order = this.ctx.store.getOrder(uid, orderNumber);
    return order ? ok(order) : fail('ORDER_NOT_FOUND');
  }

  /** Modify an open order: the attributes sent replace the order's, checked like a new order; the rest stay. A leg keeps its type and quantity. */
  modify(account: Account, orderNumber: string, input: ModifyOrderInput): Result<SamcoOrder> {
    const found = this.get(account.uid, orderNumber);
    if (!found.ok) return found;
    const order = found.value;
    if (!isOpen(order)) return fail('ORDER_NOT_MODIFIABLE', `Order cannot be modified: it is ${order.status}.`);
    const instrument = this.instrumentOf(order);
    const leg = order.leg ?? null;
    if (leg && ((input.orderType && input.orderType !== order.orderType) || (input.quantity !== undefined && toNumber(input.quantity) !== order.quantity))) {
      return fail('ORDER_INVALID', 'A bracket or cover leg keeps its order type and quantity: change its price or triggerPrice only.');
    }
    const orderType = input.orderType || order.orderType;
    const terms = checkTerms(instrument, {
      orderType,
      leg,
      quantity: toNumber(input.quantity) ?? order.quantity,
      disclosedQuantity: toNumber(input.disclosedQuantity) ?? order.disclosedQuantity,
      price: toNumber(input.price) ?? order.price,
      triggerPrice: toNumber(input.triggerPrice) ?? (order.triggerPrice || undefined),
    });
    if (!terms.ok) return terms;
    if (terms.value.quantity <= order.filledQuantity) return fail('ORDER_INVALID', `quantity must be more than the quantity already filled (${order.filledQuantity}).`);
    const now = this.ctx.clock.now();
    let next: SamcoOrder = {
      ...order,
      ...terms.value,
      orderType: orderType as SamcoOrder['orderType'],
      orderValidity: input.orderValidity ?? order.orderValidity,
      triggered: orderType === 'L' || (order.triggered && orderType === order.orderType && terms.value.triggerPrice === order.triggerPrice),
      updatedAt: now,
    };
    if (!leg) {
      const rejection = this.rmsCheck(account, instrument, next, order.orderNumber);
      if (rejection) return fail('ORDER_MODIFY_REJECTED', rejection);
    }
    next = this.match(next, instrument, { instrument, price: this.market.ltp(instrument), volume: { remaining: null } });
    if (next.orderValidity === 'IOC' && isOpen(next)) next = this.cancelRest(next, now);
    this.write(order, next);
    return ok(this.ctx.store.getOrder(account.uid, orderNumber)!);
  }

  cancel(uid: string, orderNumber: string): Result<SamcoOrder> {
    const found = this.get(uid, orderNumber);
    if (!found.ok) return found;
    // cancelOrder is documented for CNC, MIS and NRML: a bracket or cover (entry or leg) is exited with exitBO / exitCO.
    if (found.value.productType === 'BO' || found.value.productType === 'CO') return fail('ORDER_USE_EXIT');
    if (!isOpen(found.value)) return fail('ORDER_NOT_CANCELLABLE', `Order cannot be cancelled: it is ${found.value.status}.`);
    const next = this.cancelRest(found.value, this.ctx.clock.now());
    this.write(found.value, next);
    return ok(next);
  }
}
