import { BASKET_TEXTS } from '../../spec/errors.js';
import type { DomainContext } from './context.js';
import { isCommodity, type Instrument } from './market/instruments.js';
import type { Market } from './market/market.js';
import { amount, round2 } from './money.js';
import { marginRate, ORDER_RULES, toNumber, type Orders, type ProductType, type SamcoOrder, type TransactionType } from './orders.js';
import { conversionTargets, type Portfolio, type Position, type PositionType } from './portfolio.js';
import { fail, ok, type Result } from './result.js';
import type { Account } from './types.js';

export type ConvertInput = {
  symbolName: string;
  exchange?: string;
  transactionType: TransactionType;
  positionType: PositionType;
  netQuantity: string | number;
  quantityToConvert: string | number;
  fromProductType: ProductType;
  toProductType: ProductType;
};

export type SquareOffInput = { exchange?: string; symbolName: string; productType: ProductType; netQuantity: string | number; transactionType: TransactionType };

/** The side a position is on: a long position is BUY, a short one SELL. */
const sideOf = (p: Position): TransactionType => (p.netQuantity < 0 ? 'SELL' : 'BUY');

/**
 * Samco's portfolio actions on the positions the market produced: convertPosition moves quantity
 * between products (recorded as a conversion the portfolio nets in), squareOff closes a position
 * with an opposite order through the regular-order domain.
 */
export class PortfolioActions {
  constructor(
    private readonly ctx: DomainContext,
    private readonly market: Market,
    private readonly orders: Orders,
    private readonly portfolio: Portfolio,
  ) {}

  /** The open position of the instrument, product and side, in the DAY or NET view. */
  private position(account: Account, instrument: Instrument, productType: ProductType, side: TransactionType, positionType: PositionType): Result<Position> {
    const found = this.portfolio.positions(account, positionType).find((p) => p.instrument === instrument && p.productType === productType && p.netQuantity !== 0 && sideOf(p) === side);
    return found ? ok(found) : fail('POSITION_NOT_FOUND', BASKET_TEXTS.positionNotFound(productType, side, instrument.tradingSymbol, instrument.exchange));
  }

  /**
   * Converts all or part of a position to another product of its segment (as getPositions'
   * positionConversions lists them), at the position's average price. netQuantity must be the
   * position's; the RMS checks the margin the new product needs beyond the old one's, and a CNC
   * short needs shares to deliver.
   */
  convert(account: Account, input: ConvertInput): Result<{ from: ProductType; to: ProductType }> {
    const exchange = input.exchange || ORDER_RULES.defaultExchange;
    const instrument = this.market.find(exchange, input.symbolName);
    if (!instrument) return fail('MARKET_SYMBOL_NOT_FOUND');
    const { fromProductType: from, toProductType: to, transactionType: side } = input;
    const allowed = conversionTargets(instrument, from);
    if (!allowed.includes(to)) return fail('CONVERSION_NOT_ALLOWED', BASKET_TEXTS.conversionNotAllowed(from, to, instrument.tradingSymbol, allowed));
    const found = this.position(account, instrument, from, side, input.positionType);
    if (!found.ok) return found;
    const position = found.value;
    const open = Math.abs(position.netQuantity);
    const sent = toNumber(input.netQuantity);
    if (sent !== open) return fail('POSITION_QUANTITY_MISMATCH', BASKET_TEXTS.quantityMismatch(sent ?? Number.NaN, open));
    const quantity = toNumber(input.quantityToConvert) ?? Number.NaN;
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > open || quantity % instrument.lotSize !== 0)
      return fail('CONVERSION_QUANTITY_INVALID', BASKET_TEXTS.conversionQuantity(open, instrument.lotSize));
    const price = position.averagePrice;
    if (to === 'CNC' && side === 'SELL') {
      const sellable = this.portfolio.sellable(account, instrument);
      if (quantity > sellable) return fail('CONVERSION_REJECTED', `RMS:Short sell is not allowed in CNC: sellable quantity ${sellable}.`);
    } else {
      const extra = round2(quantity * price * (marginRate(instrument, to, side) - marginRate(instrument, from, side)));
      const available = round2(this.portfolio.available(account, isCommodity(instrument)));
      if (extra > available) return fail('CONVERSION_REJECTED', BASKET_TEXTS.margin(amount(extra), amount(available)));
    }
    this.ctx.store.putConversion({
      uid: account.uid,
      exchange: instrument.exchange,
      symbolName: instrument.symbolName,
      transactionType: side,
      quantity,
      fromProductType: from,
      toProductType: to,
      price,
      at: this.ctx.clock.now(),
    });
    return ok({ from, to });
  }

  /**
   * Closes netQuantity of an open position (transactionType is the position's side) with an
   * opposite limit order at the last traded price, which fills at once on the simulated market:
   * a normal order and trade, in the order book and trade book. It blocks no margin (it frees some); the price band and CNC delivery checks still apply.
   */
  squareOff(account: Account, input: SquareOffInput): Result<{ order: SamcoOrder; instrument: Instrument; quantity: number }> {
    const exchange = input.exchange || ORDER_RULES.defaultExchange;
    const instrument = this.market.find(exchange, input.symbolName);
    if (!instrument) return fail('MARKET_SYMBOL_NOT_FOUND');
    const found = this.position(account, instrument, input.productType, input.transactionType, 'NET');
    if (!found.ok) return found;
    const open = Math.abs(found.value.netQuantity);
    const quantity = toNumber(input.netQuantity) ?? Number.NaN;
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > open || quantity % instrument.lotSize !== 0)
      return fail('SQUARE_OFF_QUANTITY_INVALID', BASKET_TEXTS.squareOffQuantity(open, instrument.lotSize));
    const placed = this.orders.place(
      account,
      {
        symbolName: instrument.symbolName,
        exchange: instrument.exchange,
        transactionType: input.transactionType === 'BUY' ? 'SELL' : 'BUY',
        orderType: 'L',
        quantity,
        price: this.market.ltp(instrument),
        orderValidity: 'DAY',
        productType: input.productType,
      },
      { closing: true },
    );
    if (!placed.ok) return placed;
    return ok({ order: placed.value, instrument, quantity });
  }
}
