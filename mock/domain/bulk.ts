import { SPAN_RULES } from '../../spec/schemas/market-rules.js';
import type { BracketCover } from './bracket-cover.js';
import { isOption, type Instrument } from './market/instruments.js';
import type { Market } from './market/market.js';
import { round2 } from './money.js';
import { marginRate, toNumber, type Orders, type PlaceOrderInput, type ProductType, type SamcoOrder } from './orders.js';
import { fail, ok, type Result } from './result.js';
import type { Account } from './types.js';

/** A bulkOrder order: placeOrder's fields, productType any of CNC, NRML, MIS, CO, BO. */
export type BulkOrderInput = Omit<PlaceOrderInput, 'productType'> & { productType: string };

/** The slices of a quantity at the freeze quantity: full slices, then the rest. */
export function slices(quantity: number, freezeQuantity: number): number[] {
  const out: number[] = [];
  for (let left = quantity; left > 0; left -= freezeQuantity) out.push(Math.min(left, freezeQuantity));
  return out;
}

export type SpanItem = { exchange: string; tradingSymbol: string; qty: string | number; transactionType?: string; price?: string | number; productType?: string; orderType?: string };
export type SpanResult = { orderValue: number; span: number; exposure: number; spreadBenefit: number; brokerage: number; expenses: number; total: number };

/**
 * bulkOrder (an order above the exchange's freeze quantity, sliced; each slice an order of its
 * own, accepted or rejected on its own) and the span-margin calculator.
 */
export class Bulk {
  constructor(
    private readonly market: Market,
    private readonly orders: Orders,
    private readonly bracketCover: BracketCover,
  ) {}

  /**
   * Every order is checked first (a refusal places nothing); then each is placed slice by slice.
   * MIS, BO and CO slices are rejected in the half hour before the close, as the published sample shows.
   */
  place(account: Account, requested: readonly BulkOrderInput[]): Result<SamcoOrder[]> {
    const plans: Array<{ input: BulkOrderInput; instrument: Instrument; quantities: number[] }> = [];
    for (const input of requested) {
      if (input.productType === 'BO' || input.productType === 'CO') {
        return fail('BRACKET_INVALID', 'bulkOrder places CNC, NRML and MIS orders in the sandbox: place bracket and cover orders with placeOrderBO / placeOrderCO.');
      }
      const instrument = this.orders.resolve(input.exchange, input.symbolName);
      if (!instrument.ok) return instrument;
      const checked = this.orders.draft(account, instrument.value, input as PlaceOrderInput);
      if (!checked.ok) return checked;
      plans.push({ input, instrument: instrument.value, quantities: slices(checked.value.quantity, instrument.value.freezeQuantity) });
    }
    const placed: SamcoOrder[] = [];
    for (const { input, instrument, quantities } of plans) {
      const blocked = input.productType === 'MIS' ? this.bracketCover.squareOffBlockReason(instrument) : null;
      for (const quantity of quantities) {
        const disclosed = toNumber(input.disclosedQuantity);
        const slice = { ...input, quantity, disclosedQuantity: disclosed ? Math.min(disclosed, quantity) : undefined, productType: input.productType as ProductType };
        const drafted = this.orders.draft(account, instrument, slice);
        if (!drafted.ok) return drafted;
        placed.push(this.orders.enter(account, instrument, drafted.value, blocked));
      }
    }
    return ok(placed);
  }

  /** Span and exposure margins of a set of positions, from the instruments' data and the market's prices. */
  spanMargin(items: readonly SpanItem[]): Result<SpanResult> {
    let orderValue = 0;
    let span = 0;
    let exposure = 0;
    const sides = new Map<string, { long: number; short: number }>();
    for (const item of items) {
      const instrument = this.market.find(item.exchange, item.tradingSymbol);
      if (!instrument) return fail('MARKET_SYMBOL_NOT_FOUND');
      const qty = toNumber(item.qty) ?? Number.NaN;
      if (!Number.isInteger(qty) || qty < 1) return fail('ORDER_INVALID', 'qty must be a whole number of at least 1.');
      const side = item.transactionType === 'BUY' ? 'BUY' : SPAN_RULES.defaultSide;
      const price = toNumber(item.price) || this.market.ltp(instrument);
      const value = qty * price;
      orderValue += value;
      let itemSpan = 0;
      if (instrument.instrument === 'EQ') {
        const product = item.productType === 'MIS' ? 'MIS' : 'CNC';
        exposure += value * marginRate(instrument, product, side);
        continue;
      }
      if (isOption(instrument) && side === 'BUY') {
        exposure += value;
      } else {
        const notional = isOption(instrument) ? qty * (instrument.strike ?? price) : value;
        itemSpan = notional * SPAN_RULES.spanRate;
        exposure += notional * SPAN_RULES.exposureRate;
      }
      span += itemSpan;
      // Long exposure: futures and calls bought, puts sold; short: the opposite.
      const long = instrument.optionType === 'PE' ? side === 'SELL' : side === 'BUY';
      const underlying = instrument.atSymbol.split('_')[0]!;
      const entry = sides.get(underlying) ?? { long: 0, short: 0 };
      if (long) entry.long += itemSpan;
      else entry.short += itemSpan;
      sides.set(underlying, entry);
    }
    const spreadBenefit = [...sides.values()].reduce((t, s) => t + Math.min(s.long, s.short), 0);
    const brokerage = SPAN_RULES.brokeragePerOrder * items.length;
    const expenses = brokerage * SPAN_RULES.gstRate + orderValue * SPAN_RULES.exchangeChargeRate;
    return ok({
      orderValue: round2(orderValue),
      span: round2(span),
      exposure: round2(exposure),
      spreadBenefit: round2(spreadBenefit),
      brokerage: round2(brokerage),
      expenses: round2(expenses),
      total: round2(span + exposure - spreadBenefit),
    });
  }
}
