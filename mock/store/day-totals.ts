import { istDay } from '../domain/ist.js';
import type { SamcoOrder } from '../domain/orders.js';
import { conversionFills, type PositionConversion } from '../domain/portfolio.js';
import type { DayPositionTotals } from '../domain/store.js';

/** Values are kept in 1/10,000 rupee (every price has at most four decimals): adding and taking away a fill is exact, in any order. */
const UNITS = 10_000;

type Side = 'BUY' | 'SELL';
type Position = Pick<SamcoOrder, 'exchange' | 'symbolName' | 'productType'>;
type Tally = Position & { fills: number; buyQuantity: number; sellQuantity: number; buyUnits: number; sellUnits: number };

/**
 * An index derived from the order and conversion rows: per account, IST day and position
 * (exchange, symbol, product), the sums of the day's fills. The RMS reads the day's positions
 * from it instead of every fill of the account; rows written, rolled back or loaded keep it
 * right because it moves with each row image, like the other indexes.
 */
export class DayTotalsIndex {
  private readonly days = new Map<string, Map<string, Tally>>();

  /** An order row changed: its fills that are not in both images come off and on (fills only grow, so usually one comes on). */
  order(row: SamcoOrder | null, before: SamcoOrder | null) {
    const now = row?.fills ?? [];
    const was = before?.fills ?? [];
    let same = 0;
    if (
      row &&
      before &&
      row.uid === before.uid &&
      row.exchange === before.exchange &&
      row.symbolName === before.symbolName &&
      row.productType === before.productType &&
      row.transactionType === before.transactionType
    ) {
      while (same < now.length && same < was.length && now[same] === was[same]) same++;
    }
    for (let i = same; i < was.length; i++) this.add(before!.uid, before!, before!.transactionType, was[i]!, -1);
    for (let i = same; i < now.length; i++) this.add(row!.uid, row!, row!.transactionType, now[i]!, 1);
  }

  /** A conversion is two fills (conversionFills): out of the old product, into the new one. */
  conversion(row: PositionConversion | null, before: PositionConversion | null) {
    for (const [c, sign] of [
      [before, -1],
      [row, 1],
    ] as const) {
      if (c) for (const fill of conversionFills(c)) this.add(c.uid, fill.order, fill.order.transactionType, fill, sign);
    }
  }

  /** The account's positions traded on `day`, each once, in the order they were first traded. */
  of(uid: string, day: number): DayPositionTotals[] {
    const out: DayPositionTotals[] = [];
    for (const t of this.days.get(`${uid}\u001f${day}`)?.values() ?? []) {
      out.push({
        exchange: t.exchange,
        symbolName: t.symbolName,
        productType: t.productType,
        buyQuantity: t.buyQuantity,
        sellQuantity: t.sellQuantity,
        buyValue: t.buyUnits / UNITS,
        sellValue: t.sellUnits / UNITS,
      });
    }
    return out;
  }

  private add(uid: string, position: Position, side: Side, fill: { quantity: number; price: number; at: number }, sign: 1 | -1) {
    const dayKey = `${uid}\u001f${istDay(fill.at)}`;
    let day = this.days.get(dayKey);
    if (!day) this.days.set(dayKey, (day = new Map()));
    const key = `${position.exchange}:${position.symbolName}:${position.productType}`;
    let t = day.get(key);
    if (!t)
      day.set(key, (t = { exchange: position.exchange, symbolName: position.symbolName, productType: position.productType, fills: 0, buyQuantity: 0, sellQuantity: 0, buyUnits: 0, sellUnits: 0 }));
    const units = sign * fill.quantity * Math.round(fill.price * UNITS);
    t.fills += sign;
    if (side === 'BUY') {
      t.buyQuantity += sign * fill.quantity;
      t.buyUnits += units;
    } else {
      t.sellQuantity += sign * fill.quantity;
      t.sellUnits += units;
    }
    if (t.fills === 0) day.delete(key);
    if (day.size === 0) this.days.delete(dayKey);
  }
}
