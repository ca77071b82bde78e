import { createHash } from 'node:crypto';
import type { z } from '@hono/zod-openapi';
import type { AtMargin, AtPosition, PlaceRegularOrderForm } from '../../../spec/schemas/autotrader.js';
import { fail, ok, type Result } from '../result.js';
import type { AtAccount, AtOrderRecord } from './types.js';

export type PlaceOrderInput = z.infer<typeof PlaceRegularOrderForm>;
type Position = z.infer<typeof AtPosition>;
type Margin = z.infer<typeof AtMargin>;

const POSITION_TYPE = { INTRADAY: 'MIS', DELIVERY: 'CNC', NORMAL: 'NRML', MTF: 'CNC' } as const;
const round2 = (n: number) => Math.round(n * 100) / 100;

/** A stable last traded price per symbol, so market fills and P&L repeat run after run. */
export function ltpOf(symbol: string): number {
  const n = createHash('sha256').update(symbol).digest().readUInt32BE(0);
  return round2(50 + (n % 500_000) / 100);
}

/** The price rules of each order type; null when the order is well-formed. */
export function orderProblem(input: PlaceOrderInput): string | null {
  const trigger = input.triggerPrice ?? 0;
  switch (input.orderType) {
    case 'LIMIT':
      if (input.price <= 0) return 'price must be greater than 0 for a LIMIT order.';
      if (trigger !== 0) return 'triggerPrice must be 0 for a LIMIT order.';
      return null;
    case 'MARKET':
      if (input.price !== 0) return 'price must be 0 for a MARKET order.';
      if (trigger !== 0) return 'triggerPrice must be 0 for a MARKET order.';
      return null;
    case 'STOP_LOSS':
      if (input.price <= 0 || trigger <= 0) return 'price and triggerPrice must both be greater than 0 for a STOP_LOSS order.';
      return null;
    case 'SL_MARKET':
      if (trigger <= 0) return 'triggerPrice must be greater than 0 for an SL_MARKET order.';
      if (input.price !== 0) return 'price must be 0 for an SL_MARKET order.';
      return null;
  }
}

/** A new order record: MARKET fills at once at the symbol's price; the rest wait. */
export function newOrder(username: string, account: AtAccount, input: PlaceOrderInput, id: string, exchangeOrderId: string, now: number): AtOrderRecord {
  const market = input.orderType === 'MARKET';
  const status = market ? 'COMPLETE' : input.orderType === 'LIMIT' ? 'OPEN' : 'TRIGGER_PENDING';
  return {
    username,
    id,
    tradeType: input.tradeType,
    orderType: input.orderType,
    productType: input.productType,
    variety: 'REGULAR',
    validity: 'DAY',
    quantity: input.quantity,
    disclosedQuantity: 0,
    price: input.price,
    triggerPrice: input.triggerPrice ?? 0,
    amo: false,
    statusMessage: null,
    publisherId: null,
    pseudoAccount: account.pseudoAccount,
    tradingAccount: account.tradingAccount,
    stockBroker: account.broker,
    exchange: input.exchange,
    symbol: input.symbol,
    independentExchange: input.exchange,
    independentSymbol: input.symbol,
    modifiedTime: now,
    createdTime: now,
    parentOrderId: null,
    exchangeOrderId,
    averagePrice: market ? ltpOf(input.symbol) : 0,
    clientId: account.tradingAccount,
    rawStatus: status.toLowerCase(),
    platformTime: now,
    exchangeTime: now,
    pendingQuantity: market ? 0 : input.quantity,
    filledQuantity: market ? input.quantity : 0,
    platform: account.platform,
    status,
    nestRequestId: null,
  };
}

export function cancelled(order: AtOrderRecord, now: number): Result<AtOrderRecord> {
  if (order.status !== 'OPEN' && order.status !== 'TRIGGER_PENDING') {
    return fail('AT_ORDER_NOT_CANCELLABLE', `Order [${order.id}] cannot be cancelled: it is ${order.status}.`);
  }
  return ok({ ...order, status: 'CANCELLED', rawStatus: 'cancelled', pendingQuantity: 0, modifiedTime: now });
}

/** Net positions from the filled orders, one per exchange, symbol and product. */
export function positionsOf(account: AtAccount, orders: readonly AtOrderRecord[]): Position[] {
  const groups = new Map<string, AtOrderRecord[]>();
  for (const order of orders) {
    if (order.filledQuantity === 0) continue;
    const key = `${order.exchange}|${order.symbol}|${POSITION_TYPE[order.productType]}`;
    groups.set(key, [...(groups.get(key) ?? []), order]);
  }
  return [...groups.entries()].map(([key, fills]) => {
    const [exchange, symbol, type] = key.split('|') as [Position['exchange'], string, Position['type']];
    const sum = (side: 'BUY' | 'SELL', f: (o: AtOrderRecord) => number) => fills.filter((o) => o.tradeType === side).reduce((t, o) => t + f(o), 0);
    const buyQuantity = sum('BUY', (o) => o.filledQuantity);
    const sellQuantity = sum('SELL', (o) => o.filledQuantity);
    const buyValue = round2(sum('BUY', (o) => o.filledQuantity * o.averagePrice));
    const sellValue = round2(sum('SELL', (o) => o.filledQuantity * o.averagePrice));
    const netQuantity = buyQuantity - sellQuantity;
    const ltp = ltpOf(symbol);
    const pnl = round2(sellValue - buyValue + netQuantity * ltp);
    return {
      id: `${account.pseudoAccount}:${key}`,
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
      buyAvgPrice: buyQuantity ? round2(buyValue / buyQuantity) : 0,
      sellAvgPrice: sellQuantity ? round2(sellValue / sellQuantity) : 0,
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
      realisedPnl: netQuantity === 0 ? pnl : 0,
      unrealisedPnl: netQuantity === 0 ? 0 : pnl,
      state: netQuantity === 0 ? ('CLOSED' as const) : ('OPEN' as const),
      direction: netQuantity > 0 ? ('LONG' as const) : netQuantity < 0 ? ('SHORT' as const) : ('NEUTRAL' as const),
    };
  });
}

/** Equity and commodity margins: the account's funds less what its live and filled orders use. */
export function marginsOf(account: AtAccount, orders: readonly AtOrderRecord[]): Margin[] {
  const used = (commodity: boolean) =>
    round2(
      orders
        .filter((o) => o.status !== 'CANCELLED' && o.status !== 'REJECTED' && (o.exchange === 'MCX') === commodity)
        .reduce((t, o) => t + o.quantity * (o.averagePrice || o.price || ltpOf(o.symbol)), 0),
    );
  return (['EQUITY', 'COMMODITY'] as const).map((category) => {
    const funds = category === 'EQUITY' ? account.funds : 0;
    const utilized = used(category === 'COMMODITY');
    return {
      category,
      funds,
      utilized,
      available: round2(funds - utilized),
      total: funds,
      net: round2(funds - utilized),
      span: 0,
      exposure: 0,
      collateral: 0,
      payin: 0,
      payout: 0,
      adhoc: 0,
      realisedMtm: 0,
      unrealisedMtm: 0,
      pseudoAccount: account.pseudoAccount,
      tradingAccount: account.tradingAccount,
      stockBroker: account.broker,
    };
  });
}
