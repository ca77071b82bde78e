import type { DomainContext } from './context.js';
import { istDay } from './ist.js';
import { findInstrument, isCommodity, type Instrument } from './market/instruments.js';
import type { Market } from './market/market.js';
import { round2 } from './money.js';
import { isOpen, marginRate, type OrderProduct, type Orders, type ProductType, type RiskView, type SamcoOrder } from './orders.js';
import type { Account, OpeningLimit } from './types.js';

export type PositionType = 'DAY' | 'NET';

/** One position: the fills of one instrument and product, netted. */
export interface Position {
  instrument: Instrument;
  productType: OrderProduct;
  positionType: PositionType;
  buyQuantity: number;
  sellQuantity: number;
  buyValue: number;
  sellValue: number;
  /** NET only: the quantity and value carried from earlier IST days. */
  carryForwardQuantity: number;
  carryForwardValue: number;
  netQuantity: number;
  averageBuyPrice: number;
  averageSellPrice: number;
  averagePrice: number;
  ltp: number;
  realised: number;
  unrealised: number;
}

export interface Holding {
  instrument: Instrument;
  quantity: number;
  averagePrice: number;
  /** What can still be sold today: the holding less the day's CNC sells and open CNC sell orders. */
  sellable: number;
  /** The quantity left after the day's CNC trades of the instrument. */
  netAfterDay: number;
  ltp: number;
}

export type SegmentLimit = { grossAvailableMargin: number; payInToday: number; notionalCash: number; collateralMarginAgainstShares: number; marginUsed: number; netAvailableMargin: number };

/** What a fill of a position needs of its order; a position conversion makes fills of this shape too. */
type FillSource = Pick<SamcoOrder, 'exchange' | 'symbolName' | 'productType' | 'transactionType'>;
type Fill = { order: FillSource; quantity: number; price: number; at: number };

/** A convertPosition: `quantity` of a position moved from one product to another, at the position's average price. */
export interface PositionConversion {
  uid: string;
  exchange: SamcoOrder['exchange'];
  symbolName: string;
  /** The side of the position converted (BUY: a long position). */
  transactionType: SamcoOrder['transactionType'];
  quantity: number;
  fromProductType: ProductType;
  toProductType: ProductType;
  price: number;
  at: number;
}

/** The products a position can be converted to (getPositions' positionConversions): the other products of its segment; none for a bracket or cover order's position. */
export function conversionTargets(instrument: Instrument, productType: OrderProduct): ProductType[] {
  if (productType === 'BO' || productType === 'CO') return [];
  const products: ProductType[] = instrument.instrument === 'EQ' ? ['CNC', 'MIS', 'NRML'] : ['MIS', 'NRML'];
  return products.filter((p) => p !== productType);
}

/** A conversion as two fills at the position's average price: out of the old product's bucket, into the new one's. */
export function conversionFills(c: PositionConversion): Fill[] {
  const opposite = c.transactionType === 'BUY' ? 'SELL' : 'BUY';
  const fill = (productType: ProductType, transactionType: 'BUY' | 'SELL'): Fill => ({
    order: { exchange: c.exchange, symbolName: c.symbolName, productType, transactionType },
    quantity: c.quantity,
    price: c.price,
    at: c.at,
  });
  return [fill(c.fromProductType, opposite), fill(c.toProductType, c.transactionType)];
}

/** A position's figures from its bought and sold quantities and values (the values' raw sums): shared by the positions and the margin the day's positions use. */
function tally(buyQuantity: number, sellQuantity: number, buySum: number, sellSum: number) {
  const buyValue = round2(buySum);
  const sellValue = round2(sellSum);
  const averageBuyPrice = buyQuantity ? round2(buyValue / buyQuantity) : 0;
  const averageSellPrice = sellQuantity ? round2(sellValue / sellQuantity) : 0;
  const netQuantity = buyQuantity - sellQuantity;
  const averagePrice = netQuantity > 0 ? averageBuyPrice : netQuantity < 0 ? averageSellPrice : 0;
  const realised = round2(Math.min(buyQuantity, sellQuantity) * (averageSellPrice - averageBuyPrice));
  return { buyQuantity, sellQuantity, buyValue, sellValue, averageBuyPrice, averageSellPrice, netQuantity, averagePrice, realised };
}

/**
 * Positions, holdings and limits, computed from the account's fills on the simulated market:
 * nothing is stored twice. The day's CNC buys settle into holdings the next IST day; the
 * margin of open orders and of the day's positions comes off the opening limits.
 */
export class Portfolio implements RiskView {
  constructor(
    private readonly ctx: DomainContext,
    private readonly market: Market,
    private readonly orders: Orders,
  ) {}

  private fills(uid: string): Fill[] {
    const traded = this.orders.book(uid).flatMap((order) => order.fills.map((f) => ({ order, quantity: f.quantity, price: f.price, at: f.at })));
    const converted = this.ctx.store.conversionsOf(uid).flatMap(conversionFills);
    return converted.length === 0 ? traded : [...traded, ...converted].sort((a, b) => a.at - b.at);
  }

  private instrumentOf(source: Pick<FillSource, 'exchange' | 'symbolName'>): Instrument {
    return this.market.find(source.exchange, source.symbolName)!;
  }

  positions(account: Account, positionType: PositionType): Position[] {
    const today = istDay(this.ctx.clock.now());
    const groups = new Map<string, Fill[]>();
    for (const fill of this.fills(account.uid)) {
      if (positionType === 'DAY' && istDay(fill.at) !== today) continue;
      const key = `${fill.order.exchange}:${fill.order.symbolName}:${fill.order.productType}`;
      const group = groups.get(key);
      if (group) group.push(fill);
      else groups.set(key, [fill]);
    }
    return [...groups.values()].map((fills) => {
      const { order } = fills[0]!;
      const instrument = this.instrumentOf(order);
      const earlier = fills.filter((f) => istDay(f.at) !== today);
      const signed = (f: Fill) => (f.order.transactionType === 'BUY' ? f.quantity : -f.quantity);
      const side = (t: 'BUY' | 'SELL') => fills.filter((f) => f.order.transactionType === t);
      const sum = (list: Fill[], f: (x: Fill) => number) => list.reduce((total, x) => total + f(x), 0);
      const buys = side('BUY');
      const sells = side('SELL');
      const t = tally(
        sum(buys, (f) => f.quantity),
        sum(sells, (f) => f.quantity),
        sum(buys, (f) => f.quantity * f.price),
        sum(sells, (f) => f.quantity * f.price),
      );
      const { buyQuantity, sellQuantity, buyValue, sellValue, averageBuyPrice, averageSellPrice, netQuantity, averagePrice, realised } = t;
      const ltp = this.market.ltp(instrument);
      return {
        instrument,
        productType: order.productType,
        positionType,
        buyQuantity,
        sellQuantity,
        buyValue,
        sellValue,
        carryForwardQuantity: sum(earlier, signed),
        carryForwardValue: round2(sum(earlier, (f) => signed(f) * f.price)),
        netQuantity,
        averageBuyPrice,
        averageSellPrice,
        averagePrice,
        ltp,
        realised,
        unrealised: round2(netQuantity * (ltp - averagePrice)),
      };
    });
  }

  holdings(account: Account): Holding[] {
    return this.lots(account).filter((h) => h.quantity > 0);
  }

  /** Every equity the account holds or traded CNC: settled quantity and cost, and the day's CNC trades. */
  private lots(account: Account): Holding[] {
    const today = istDay(this.ctx.clock.now());
    const lots = new Map<string, { instrument: Instrument; quantity: number; cost: number; todaySold: number; todayBought: number }>();
    const entry = (instrument: Instrument) => {
      const key = `${instrument.exchange}:${instrument.symbolName}`;
      let lot = lots.get(key);
      if (!lot) lots.set(key, (lot = { instrument, quantity: 0, cost: 0, todaySold: 0, todayBought: 0 }));
      return lot;
    };
    for (const h of account.holdings) {
      const lot = entry(findInstrument(h.exchange, h.symbolName)!);
      lot.quantity += h.quantity;
      lot.cost += h.quantity * h.averagePrice;
    }
    for (const fill of this.fills(account.uid)) {
      if (fill.order.productType !== 'CNC') continue;
      const lot = entry(this.instrumentOf(fill.order));
      const buy = fill.order.transactionType === 'BUY';
      if (istDay(fill.at) === today) {
        if (buy) lot.todayBought += fill.quantity;
        else lot.todaySold += fill.quantity;
        continue;
      }
      // Settled trades of earlier days: buys add at their price; sells take out at the average cost.
      if (buy) {
        lot.quantity += fill.quantity;
        lot.cost += fill.quantity * fill.price;
      } else if (lot.quantity > 0) {
        const average = lot.cost / lot.quantity;
        lot.quantity -= fill.quantity;
        lot.cost = Math.max(0, lot.quantity) * average;
      }
    }
    const pendingSells = this.pendingCncSells(account);
    return [...lots.entries()].map(([key, lot]) => {
      const netAfterDay = lot.quantity + lot.todayBought - lot.todaySold;
      return {
        instrument: lot.instrument,
        quantity: lot.quantity,
        averagePrice: lot.quantity > 0 ? round2(lot.cost / lot.quantity) : 0,
        sellable: Math.max(0, netAfterDay - (pendingSells.get(key) ?? 0)),
        netAfterDay,
        ltp: this.market.ltp(lot.instrument),
      };
    });
  }

  private pendingCncSells(account: Account, exclude?: string): Map<string, number> {
    const out = new Map<string, number>();
    for (const o of this.orders.live(account.uid)) {
      if (o.productType !== 'CNC' || o.transactionType !== 'SELL' || !isOpen(o) || o.orderNumber === exclude) continue;
      const key = `${o.exchange}:${o.symbolName}`;
      out.set(key, (out.get(key) ?? 0) + o.quantity - o.filledQuantity - o.cancelledQuantity);
    }
    return out;
  }

  sellable(account: Account, instrument: Instrument, exclude?: string): number {
    const lot = this.lots(account).find((h) => h.instrument === instrument);
    if (!lot) return 0;
    return Math.max(0, lot.netAfterDay - (this.pendingCncSells(account, exclude).get(`${instrument.exchange}:${instrument.symbolName}`) ?? 0));
  }

  /** Each segment's limits after the day's trading: open orders block their margin, positions use theirs, realised P&L comes back. */
  limits(account: Account, exclude?: string): { equityLimit: SegmentLimit; commodityLimit: SegmentLimit } {
    const used = { equity: 0, commodity: 0 };
    const realised = { equity: 0, commodity: 0 };
    // The day's positions from the store's per-day sums of fills (not every fill of the account: the RMS reads this on every order).
    for (const d of this.ctx.store.dayPositionTotals(account.uid, istDay(this.ctx.clock.now()))) {
      const instrument = this.instrumentOf(d);
      const p = tally(d.buyQuantity, d.sellQuantity, d.buyValue, d.sellValue);
      const segment = isCommodity(instrument) ? 'commodity' : 'equity';
      // CNC sells deliver shares already paid for: they block nothing and their proceeds are not credited the same day.
      if (!(d.productType === 'CNC' && p.netQuantity < 0)) used[segment] += Math.abs(p.netQuantity) * p.averagePrice * marginRate(instrument, d.productType, p.netQuantity >= 0 ? 'BUY' : 'SELL');
      realised[segment] += p.realised;
    }
    for (const o of this.orders.live(account.uid)) {
      if (!isOpen(o) || o.orderNumber === exclude || (o.productType === 'CNC' && o.transactionType === 'SELL')) continue;
      const instrument = this.orders.instrumentOf(o);
      used[isCommodity(instrument) ? 'commodity' : 'equity'] += (o.quantity - o.filledQuantity - o.cancelledQuantity) * o.price * marginRate(instrument, o.productType, o.transactionType);
    }
    const segment = (opening: OpeningLimit, usedNow: number, pnl: number): SegmentLimit => {
      const n = (v: string | undefined) => Number(v ?? 0);
      return {
        grossAvailableMargin: n(opening.grossAvailableMargin),
        payInToday: n(opening.payInToday),
        notionalCash: n(opening.notionalCash),
        collateralMarginAgainstShares: n(opening.collateralMarginAgainstShares),
        marginUsed: round2(n(opening.marginUsed) + usedNow),
        netAvailableMargin: round2(n(opening.netAvailableMargin) - usedNow + pnl),
      };
    };
    return {
      equityLimit: segment(account.limits.equityLimit, used.equity, realised.equity),
      commodityLimit: segment(account.limits.commodityLimit, used.commodity, realised.commodity),
    };
  }

  available(account: Account, commodity: boolean, exclude?: string): number {
    const limits = this.limits(account, exclude);
    return (commodity ? limits.commodityLimit : limits.equityLimit).netAvailableMargin;
  }
}
