import type { z } from '@hono/zod-openapi';
import {
  AtOrder,
  type AtHolding,
  type AtMargin,
  type AtPosition,
  type AT_ORDER_TYPES,
  type AT_PRODUCT_TYPES,
  type AT_TRADE_TYPES,
  type AT_VALIDITIES,
  type AT_VARIETIES,
  type AT_EXCHANGES,
} from '../../../spec/schemas/autotrader.js';
import type { Instrument } from '../market/instruments.js';
import type { Quote } from '../market/market.js';
import type { AtAccount, AtOrderRecord } from './types.js';
import { limitMarketable, stopCrossed, toTick } from '../triggers.js';

type Order = z.infer<typeof AtOrder>;
type Position = z.infer<typeof AtPosition>;
type Margin = z.infer<typeof AtMargin>;
type Holding = z.infer<typeof AtHolding>;
export type AtVariety = (typeof AT_VARIETIES)[number];
export type AtOrderType = (typeof AT_ORDER_TYPES)[number];

/** One order as every place* function hands it to the domain (the forms' defaults applied). */
export interface PlaceInput {
  variety: AtVariety;
  pseudoAccount: string;
  exchange: (typeof AT_EXCHANGES)[number];
  symbol: string;
  tradeType: (typeof AT_TRADE_TYPES)[number];
  orderType: AtOrderType;
  productType: (typeof AT_PRODUCT_TYPES)[number];
  quantity: number;
  price: number;
  triggerPrice: number;
  target: number;
  stoploss: number;
  trailingStoploss: number;
  disclosedQuantity: number;
  validity: (typeof AT_VALIDITIES)[number];
  amo: boolean;
  publisherId: string | null;
}

export const POSITION_TYPE = { INTRADAY: 'MIS', DELIVERY: 'CNC', NORMAL: 'NRML', MTF: 'CNC' } as const;
export const PRODUCT_OF_TYPE = { MIS: 'INTRADAY', CNC: 'DELIVERY', NRML: 'NORMAL', BO: 'INTRADAY', CO: 'INTRADAY' } as const;
export const round2 = (n: number) => Math.round(n * 100) / 100;
const round4 = (n: number) => Math.round(n * 10_000) / 10_000;
export { toTick };

export const isBracket = (variety: AtVariety) => variety === 'BO' || variety === 'AT_BO';
export const isCover = (variety: AtVariety) => variety === 'CO' || variety === 'AT_CO';
export const isStop = (type: AtOrderType) => type === 'STOP_LOSS' || type === 'SL_MARKET';
export const isOpen = (order: Pick<Order, 'status'>) => order.status === 'OPEN' || order.status === 'TRIGGER_PENDING';

/** The price and quantity rules of an order; null when it may be placed. `quote` is the instrument's market now. */
export function orderProblem(input: PlaceInput, instrument: Instrument, quote: Quote): string | null {
  const { orderType, price, triggerPrice: trigger, tradeType } = input;
  const cover = isCover(input.variety);
  if (cover && isStop(orderType)) return `A cover order's entry must be LIMIT or MARKET, not ${orderType}.`;
  switch (orderType) {
    case 'LIMIT':
      if (price <= 0) return 'price must be greater than 0 for a LIMIT order.';
      if (trigger !== 0 && !cover) return 'triggerPrice must be 0 for a LIMIT order.';
      break;
    case 'MARKET':
      if (price !== 0) return 'price must be 0 for a MARKET order.';
      if (trigger !== 0 && !cover) return 'triggerPrice must be 0 for a MARKET order.';
      break;
    case 'STOP_LOSS':
      if (price <= 0 || trigger <= 0) return 'price and triggerPrice must both be greater than 0 for a STOP_LOSS order.';
      if (tradeType === 'BUY' && price < trigger) return 'price must be at or above triggerPrice for a BUY STOP_LOSS order.';
      if (tradeType === 'SELL' && price > trigger) return 'price must be at or below triggerPrice for a SELL STOP_LOSS order.';
      break;
    case 'SL_MARKET':
      if (trigger <= 0) return 'triggerPrice must be greater than 0 for an SL_MARKET order.';
      if (price !== 0) return 'price must be 0 for an SL_MARKET order.';
      break;
  }
  if (cover) {
    if (trigger <= 0) return 'triggerPrice (the stop-loss leg) must be greater than 0 for a cover order.';
    const entry = orderType === 'LIMIT' ? price : quote.ltp;
    if (tradeType === 'BUY' && trigger >= entry) return `triggerPrice (the stop-loss leg) must be below the entry (${entry}) for a BUY cover order.`;
    if (tradeType === 'SELL' && trigger <= entry) return `triggerPrice (the stop-loss leg) must be above the entry (${entry}) for a SELL cover order.`;
  }
  if (isBracket(input.variety) && (input.target <= 0 || input.stoploss <= 0)) return 'target and stoploss (distances from the fill price) must both be greater than 0 for a bracket order.';
  for (const [name, value] of [
    ['price', price],
    ['triggerPrice', trigger],
  ] as const) {
    if (value !== 0 && (value < quote.lowerBand || value > quote.upperBand)) {
      return `${name} ${value} is outside the price band of ${input.symbol}: ${quote.lowerBand} to ${quote.upperBand}.`;
    }
  }
  if (input.quantity % instrument.lotSize !== 0) return `quantity must be a multiple of the lot size of ${input.symbol} (${instrument.lotSize}).`;
  if (input.disclosedQuantity > input.quantity) return 'disclosedQuantity must not exceed quantity.';
  return null;
}

/** A new order record, waiting (OPEN, or TRIGGER_PENDING for a stop-loss): the market decides what fills. */
export function newOrder(
  username: string,
  account: AtAccount,
  input: PlaceInput,
  key: string,
  ids: { id: string; exchangeOrderId: string; parentOrderId?: string },
  now: number,
  leg: AtOrderRecord['legs']['leg'] = null,
): AtOrderRecord {
  // A stop-loss (a cover order's entry never is one: its triggerPrice belongs to its leg) waits for its trigger.
  const status = isStop(input.orderType) ? 'TRIGGER_PENDING' : 'OPEN';
  const bracket = isBracket(input.variety) || isCover(input.variety);
  return {
    username,
    id: ids.id,
    tradeType: input.tradeType,
    orderType: input.orderType,
    productType: bracket ? 'INTRADAY' : input.productType,
    variety: input.variety,
    validity: input.validity,
    quantity: input.quantity,
    disclosedQuantity: input.disclosedQuantity,
    price: input.price,
    triggerPrice: input.triggerPrice,
    amo: input.amo,
    statusMessage: null,
    publisherId: input.publisherId,
    pseudoAccount: account.pseudoAccount,
    tradingAccount: account.tradingAccount,
    stockBroker: account.broker,
    exchange: input.exchange,
    symbol: input.symbol,
    independentExchange: input.exchange,
    independentSymbol: input.symbol,
    modifiedTime: now,
    createdTime: now,
    parentOrderId: ids.parentOrderId ?? null,
    exchangeOrderId: ids.exchangeOrderId,
    averagePrice: 0,
    clientId: account.tradingAccount,
    rawStatus: status.toLowerCase(),
    platformTime: now,
    exchangeTime: now,
    pendingQuantity: input.quantity,
    filledQuantity: 0,
    platform: account.platform,
    status,
    nestRequestId: null,
    openOn: key,
    legs: {
      target: isBracket(input.variety) ? input.target : 0,
      stoploss: isBracket(input.variety) ? input.stoploss : 0,
      trailingStoploss: isBracket(input.variety) ? input.trailingStoploss : 0,
      coverTrigger: isCover(input.variety) && !leg ? input.triggerPrice : 0,
      leg,
      triggered: false,
      children: [],
    },
  };
}

/** Closes an order that can no longer fill. */
export function closed(order: AtOrderRecord, status: 'COMPLETE' | 'CANCELLED', now: number, statusMessage: string | null = order.statusMessage): AtOrderRecord {
  return { ...order, status, rawStatus: status.toLowerCase(), pendingQuantity: status === 'CANCELLED' ? 0 : order.pendingQuantity, openOn: null, statusMessage, modifiedTime: now };
}

/** A fill of `quantity` at `price`: the average price moves, and a fully filled order is COMPLETE. */
export function filled(order: AtOrderRecord, quantity: number, price: number, now: number): AtOrderRecord {
  const filledQuantity = order.filledQuantity + quantity;
  const next = {
    ...order,
    filledQuantity,
    pendingQuantity: order.pendingQuantity - quantity,
    averagePrice: round4((order.averagePrice * order.filledQuantity + price * quantity) / filledQuantity),
    exchangeTime: now,
    modifiedTime: now,
  };
  return next.pendingQuantity === 0 ? closed(next, 'COMPLETE', now) : next;
}

/**
 * What a trade at `ltp` does to an order: a stop-loss whose trigger it crosses (BUY: ltp >= trigger,
 * SELL: ltp <= trigger) becomes live as LIMIT (STOP_LOSS) or MARKET (SL_MARKET); a live order fills
 * at the ltp when marketable (MARKET always; LIMIT when BUY ltp <= price, SELL ltp >= price), as
 * much as `take` allows; an IOC order's rest is then cancelled. Returns the record (the same object
 * when nothing changed) and the quantity filled.
 */
export function trade(order: AtOrderRecord, ltp: number, take: (wanted: number) => number, now: number): { order: AtOrderRecord; quantity: number } {
  let next = order;
  if (next.status === 'TRIGGER_PENDING') {
    if (!stopCrossed(next.tradeType, ltp, next.triggerPrice)) return { order, quantity: 0 };
    next = { ...next, status: 'OPEN', rawStatus: 'open', legs: { ...next.legs, triggered: true }, modifiedTime: now };
  }
  if (next.status !== 'OPEN') return { order: next, quantity: 0 };
  const atMarket = next.orderType === 'MARKET' || next.orderType === 'SL_MARKET';
  const marketable = atMarket || limitMarketable(next.tradeType, ltp, next.price);
  let quantity = 0;
  if (marketable) {
    quantity = take(next.pendingQuantity);
    if (quantity > 0) next = filled(next, quantity, ltp, now);
  }
  if (next.validity === 'IOC' && next.status === 'OPEN') next = closed(next, 'CANCELLED', now, 'IOC: the unfilled quantity was cancelled.');
  return { order: next, quantity };
}

/** The record as the API answers it: exactly the fields of the order model. */
const ORDER_KEYS = Object.keys(AtOrder.shape) as Array<keyof Order>;
export function orderView(order: AtOrderRecord): Order {
  return Object.fromEntries(ORDER_KEYS.map((k) => [k, order[k]])) as Order;
}

export type LtpOf = (exchange: string, symbol: string) => number;

export const positionType = (order: Pick<Order, 'variety' | 'productType'>): Position['type'] => (isBracket(order.variety) ? 'BO' : isCover(order.variety) ? 'CO' : POSITION_TYPE[order.productType]);

/** Net positions from the fills, one per exchange, symbol and position type; P&L from the market's ltp. */
export function positionsOf(account: AtAccount, orders: readonly AtOrderRecord[], ltpOf: LtpOf): Position[] {
  const groups = new Map<string, AtOrderRecord[]>();
  for (const order of orders) {
    if (order.filledQuantity === 0) continue;
    const key = `${order.exchange}|${order.symbol}|${positionType(order)}`;
    groups.set(key, [...(groups.get(key) ?? []), order]);
  }
  return [...groups.entries()].map(([key, fills]) => {
    const [exchange, symbol, type] = key.split('|') as [Position['exchange'], string, Position['type']];
    const sum = (side: 'BUY' | 'SELL', f: (o: AtOrderRecord) => number) => fills.filter((o) => o.tradeType === side).reduce((t, o) => t + f(o), 0);
    const buyQuantity = sum('BUY', (o) => o.filledQuantity);
    const sellQuantity = sum('SELL', (o) => o.filledQuantity);
    const buyValue = round2(sum('BUY', (o) => o.filledQuantity * o.averagePrice));
    const sellValue = round2(sum('SELL', (o) => o.filledQuantity * o.averagePrice));
    const buyAvgPrice = buyQuantity ? round2(buyValue / buyQuantity) : 0;
    const sellAvgPrice = sellQuantity ? round2(sellValue / sellQuantity) : 0;
    const netQuantity = buyQuantity - sellQuantity;
    const ltp = ltpOf(exchange, symbol);
    const pnl = round2(sellValue - buyValue + netQuantity * ltp);
    const realisedPnl = round2(Math.min(buyQuantity, sellQuantity) * (sellAvgPrice - buyAvgPrice));
    return {
      id: `${account.pseudoAccount}:${exchange}:${symbol}:${type}`,
      buyQuantity,
      sellQuantity,
      netQuantity,
      type,
      pnl,
      atPnl: pnl,
      mtm: pnl,
      buyValue,
      sellValue,
      netValue: round2(buyValue - sellValue),
      buyAvgPrice,
      sellAvgPrice,
      pseudoAccount: account.pseudoAccount,
      tradingAccount: account.tradingAccount,
      stockBroker: account.broker,
      exchange,
      symbol,
      independentExchange: exchange,
      independentSymbol: symbol,
      category: 'NET' as const,
      ltp,
      platform: account.platform,
      accountId: account.tradingAccount,
      overnightQuantity: 0,
      multiplier: 1,
      realisedPnl,
      unrealisedPnl: round2(pnl - realisedPnl),
      state: netQuantity === 0 ? ('CLOSED' as const) : ('OPEN' as const),
      direction: netQuantity > 0 ? ('LONG' as const) : netQuantity < 0 ? ('SHORT' as const) : ('NEUTRAL' as const),
    };
  });
}

/**
 * Equity and commodity (MCX) margins: the account's funds (all in EQUITY), less what its live
 * entry orders (pending quantity x price, trigger or ltp) and open positions (|net| x ltp) use,
 * plus realised P&L.
 */
export function marginsOf(account: AtAccount, orders: readonly AtOrderRecord[], ltpOf: LtpOf): Margin[] {
  const positions = positionsOf(account, orders, ltpOf);
  return (['EQUITY', 'COMMODITY'] as const).map((category) => {
    const inCategory = (exchange: string) => (exchange === 'MCX') === (category === 'COMMODITY');
    const blocked = orders.filter((o) => isOpen(o) && !o.legs.leg && inCategory(o.exchange)).reduce((t, o) => t + o.pendingQuantity * (o.price || o.triggerPrice || ltpOf(o.exchange, o.symbol)), 0);
    const mine = positions.filter((p) => inCategory(p.exchange));
    const exposure = mine.reduce((t, p) => t + Math.abs(p.netQuantity) * p.ltp, 0);
    const realisedMtm = round2(mine.reduce((t, p) => t + p.realisedPnl, 0));
    const unrealisedMtm = round2(mine.reduce((t, p) => t + p.unrealisedPnl, 0));
    const funds = category === 'EQUITY' ? account.funds : 0;
    const utilized = round2(blocked + exposure);
    const available = round2(funds + realisedMtm - utilized);
    return {
      category,
      funds,
      utilized,
      available,
      total: funds,
      net: available,
      span: 0,
      exposure: round2(exposure),
      collateral: 0,
      payin: 0,
      payout: 0,
      adhoc: 0,
      realisedMtm,
      unrealisedMtm,
      pseudoAccount: account.pseudoAccount,
      tradingAccount: account.tradingAccount,
      stockBroker: account.broker,
    };
  });
}

/** Holdings: per exchange and symbol, the DELIVERY quantity bought less sold (only what is left), at its average buy price. */
export function holdingsOf(account: AtAccount, orders: readonly AtOrderRecord[], ltpOf: LtpOf): Holding[] {
  const cnc = positionsOf(
    account,
    orders.filter((o) => o.productType === 'DELIVERY' && !isBracket(o.variety) && !isCover(o.variety)),
    ltpOf,
  ).filter((p) => p.netQuantity > 0);
  return cnc.map((p, i) => {
    const quantity = p.netQuantity;
    return {
      id: i + 1,
      isin: null,
      collateralType: null,
      instrumentToken: null,
      product: 'CNC',
      quantity,
      collateralQty: 0,
      t1Qty: 0,
      pnl: round2((p.ltp - p.buyAvgPrice) * quantity),
      haircut: 0,
      avgPrice: p.buyAvgPrice,
      pseudoAccount: account.pseudoAccount,
      tradingAccount: account.tradingAccount,
      stockBroker: account.broker,
      exchange: p.exchange,
      symbol: p.symbol,
      platform: account.platform,
      ltp: p.ltp,
      currentValue: round2(p.ltp * quantity),
      totalQty: quantity,
    };
  });
}

/** What every place* form leaves out, as the functions default it. */
const DEFAULTS = {
  productType: 'INTRADAY',
  triggerPrice: 0,
  target: 0,
  stoploss: 0,
  trailingStoploss: 0,
  disclosedQuantity: 0,
  validity: 'DAY',
  amo: false,
  publisherId: null,
} as const;

type Optional<T> = { [K in keyof T]?: T[K] | undefined };
/** One domain input from any place* form: absent optional fields take their defaults. */
export function placeInput(
  variety: PlaceInput['variety'],
  form: Pick<PlaceInput, 'pseudoAccount' | 'exchange' | 'symbol' | 'tradeType' | 'orderType' | 'quantity' | 'price'> & Optional<Omit<PlaceInput, 'variety'>>,
): PlaceInput {
  const defined = Object.fromEntries(Object.entries(form).filter(([, v]) => v !== undefined));
  return { ...DEFAULTS, ...defined, variety } as PlaceInput;
}
