import { IST_FORMATS } from '../domain/ist.js';
import type { Instrument } from '../domain/market/instruments.js';
import type { Quote } from '../domain/market/market.js';
import { amount, groupedAmount } from '../domain/money.js';
import { isOpen, type Fill, type SamcoOrder } from '../domain/orders.js';
import type { Holding, Position, SegmentLimit } from '../domain/portfolio.js';

/** The shapes of the orders and portfolio chapters: each answer in the types and formats its published sample uses. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const quantity = (n: number) => String(n);

/** A derivative's expiry as the answers write it (`29 Dec 26`), else the record's placeholder. */
function expiryOf(instrument: Instrument, none: string): string {
  if (!instrument.expiry) return none;
  const [year, month, day] = instrument.expiry.split('-');
  return `${day} ${MONTHS[Number(month) - 1]} ${year!.slice(2)}`;
}

/** What can still fill: nothing once the order is complete, cancelled or rejected. */
const pendingQuantity = (o: SamcoOrder) => (isOpen(o) ? o.quantity - o.filledQuantity - o.cancelledQuantity : 0);
const lastFillPrice = (o: SamcoOrder) => o.fills.at(-1)?.price ?? 0;

/** The order-book word for the order's state; an SL order still waiting for its trigger is Trigger Pending. */
export function bookStatus(o: SamcoOrder) {
  if (o.status === 'PENDING' && !o.triggered) return 'Trigger Pending' as const;
  return ({ PENDING: 'Pending', OPEN: 'Open', COMPLETE: 'Complete', CANCELLED: 'Cancelled', REJECTED: 'Rejected' } as const)[o.status];
}

const lower = <T extends string>(s: T) => s.toLowerCase() as Lowercase<T>;

/** placeOrder's orderDetails, as the 2024 samples: quantities as numbers, B or S. */
export function placedOrderDetails(o: SamcoOrder, instrument: Instrument) {
  return {
    pendingQuantity: pendingQuantity(o),
    avgExecutionPrice: amount(o.averagePrice),
    orderPlacedBy: '--',
    tradingSymbol: instrument.tradingSymbol,
    triggerPrice: amount(o.triggerPrice),
    exchange: o.exchange,
    totalQuantity: o.quantity,
    transactionType: o.transactionType === 'BUY' ? ('B' as const) : ('S' as const),
    productType: o.productType,
    orderType: o.orderType,
    quantity: o.quantity,
    filledQuantity: o.filledQuantity,
    orderPrice: amount(o.price),
    filledPrice: amount(lastFillPrice(o)),
    orderValidity: o.orderValidity,
    orderTime: IST_FORMATS.slashed(o.createdAt),
  };
}

/** getOrderStatus's orderDetails, as its sample: every value a string, BUY or SELL. */
export function orderStatusDetails(o: SamcoOrder, instrument: Instrument) {
  return {
    pendingQuantity: quantity(pendingQuantity(o)),
    avgExecutionPrice: amount(o.averagePrice),
    orderPlacedBy: o.uid,
    tradingSymbol: instrument.tradingSymbol,
    triggerPrice: amount(o.triggerPrice),
    exchange: o.exchange,
    totalQuantity: quantity(o.quantity),
    expiry: expiryOf(instrument, '--'),
    transactionType: o.transactionType,
    productType: o.productType,
    orderType: o.orderType,
    quantity: quantity(o.quantity),
    filledQuantity: quantity(o.filledQuantity),
    orderPrice: amount(o.price),
    filledPrice: amount(lastFillPrice(o)),
    exchangeOrderNo: o.exchangeOrderNo ?? '--',
    orderValidity: o.orderValidity,
    orderTime: IST_FORMATS.slashed(o.createdAt),
  };
}

/** Fields the order book and the trade book share. */
function bookFields(o: SamcoOrder, instrument: Instrument) {
  return {
    orderNumber: o.orderNumber,
    exchange: o.exchange,
    tradingSymbol: instrument.tradingSymbol,
    symbolDescription: instrument.description,
    transactionType: o.transactionType,
    productCode: o.productType,
    orderType: o.orderType,
    orderPrice: amount(o.price),
    quantity: quantity(o.quantity),
    disclosedQuantity: quantity(o.disclosedQuantity),
    triggerPrice: amount(o.triggerPrice),
    marketProtection: '3',
    orderValidity: o.orderValidity,
  };
}

export function orderBookEntry(o: SamcoOrder, instrument: Instrument) {
  const status = bookStatus(o);
  const derivative = instrument.instrument !== 'EQ';
  return {
    ...bookFields(o, instrument),
    orderStatus: status,
    orderValue: amount(o.quantity * o.price),
    instrumentName: derivative ? instrument.instrument : 'NA',
    orderTime: IST_FORMATS.dashed(o.createdAt),
    userId: o.uid,
    filledQuantity: quantity(o.filledQuantity),
    fillPrice: amount(lastFillPrice(o)),
    averagePrice: amount(o.averagePrice),
    unfilledQuantity: quantity(pendingQuantity(o)),
    exchangeOrderId: o.exchangeOrderNo ?? '--',
    rejectionReason: o.rejectionReason || 'NA',
    exchangeConfirmationTime: o.exchangeOrderNo ? IST_FORMATS.dashed(o.fills.at(-1)?.at ?? o.createdAt) : '--',
    cancelledQuantity: quantity(o.cancelledQuantity),
    referenceLimitPrice: '0.00',
    coverOrderPercentage: '0.00',
    orderRemarks: '--',
    exchangeOrderNumber: o.exchangeOrderNo ?? '--',
    symbol: `${instrument.listingId}_${instrument.exchange}`,
    displayStrikePrice: amount(instrument.strike ?? 0),
    displayNetQuantity: quantity(o.disclosedQuantity || o.quantity),
    status: lower(status),
    exchangeStatus: lower(status),
    expiry: expiryOf(instrument, '--'),
    pendingQuantity: quantity(pendingQuantity(o)),
    instrument: derivative ? (instrument.optionType ? 'OPT' : 'FUT') : '--',
    scripName: '--',
    totalQuanity: quantity(o.quantity),
    optionType: instrument.optionType ?? '--',
    orderPlaceBy: o.uid,
    lotQuantity: quantity(instrument.lotSize),
    parentOrderId: o.parentOrderId ?? '--',
  };
}

export function tradeBookEntry(o: SamcoOrder, instrument: Instrument, fill: Fill, ltp: number) {
  const filledUpTo = o.fills.slice(0, o.fills.indexOf(fill) + 1).reduce((t, f) => t + f.quantity, 0);
  return {
    ...bookFields(o, instrument),
    orderStatus: filledUpTo === o.quantity ? ('Complete' as const) : o.status === 'CANCELLED' ? ('Cancelled' as const) : ('Open' as const),
    orderValue: amount(o.quantity * o.price),
    instrumentName: instrument.instrument !== 'EQ' ? instrument.instrument : 'NA',
    orderTime: IST_FORMATS.dashed(o.createdAt),
    userId: o.uid,
    filledQuantity: quantity(fill.quantity),
    unfilledQuantity: quantity(o.quantity - filledUpTo),
    exchangeConfirmationTime: IST_FORMATS.clock24(fill.at),
    coverOrderPercentage: '%',
    exchangeOrderNumber: o.exchangeOrderNo ?? '--',
    tradeNumber: fill.tradeNumber,
    tradePrice: amount(fill.price),
    tradeDate: IST_FORMATS.compactDate(fill.at),
    tradeTime: IST_FORMATS.clock12(fill.at),
    strikePrice: amount(instrument.strike ?? 0),
    optionType: instrument.optionType ?? 'XX',
    lastTradePrice: groupedAmount(ltp),
    expiry: expiryOf(instrument, 'NA'),
  };
}

const CONVERSIONS: Record<string, string[]> = { EQ: ['CNC', 'MIS', 'NRML'], DERIVATIVE: ['MIS', 'NRML'] };

export function positionDetail(p: Position, quote: Quote) {
  const i = p.instrument;
  const total = p.realised + p.unrealised;
  return {
    averagePrice: amount(p.averagePrice),
    exchange: i.exchange,
    markToMarketPrice: amount(total),
    lastTradedPrice: groupedAmount(p.ltp),
    previousClose: amount(quote.previousClose),
    productCode: p.productType,
    symbolDescription: i.description,
    tradingSymbol: i.tradingSymbol,
    calculatedNetQuantity: p.netQuantity.toFixed(1),
    averageBuyPrice: amount(p.averageBuyPrice),
    averageSellPrice: amount(p.averageSellPrice),
    boardLotQuantity: quantity(i.lotSize),
    boughtPrice: amount(p.buyValue),
    buyQuantity: quantity(p.buyQuantity),
    carryForwardQuantity: quantity(p.carryForwardQuantity),
    carryForwardValue: amount(p.carryForwardValue),
    multiplier: '1',
    netPositionValue: amount(total),
    netQuantity: quantity(p.netQuantity),
    netValue: amount(total),
    positionType: p.positionType,
    positionConversions: CONVERSIONS[i.instrument === 'EQ' ? 'EQ' : 'DERIVATIVE']!.filter((c) => c !== p.productType).join(', '),
    soldValue: amount(p.sellValue),
    transactionType: p.netQuantity < 0 ? ('SELL' as const) : ('BUY' as const),
    realizedGainAndLoss: amount(p.realised),
    unrealizedGainAndLoss: amount(p.unrealised),
    companyName: i.description,
    expiryDate: expiryOf(i, '--'),
    optionType: i.optionType ?? '--',
  };
}

/** The counts and totals above a list of positions or holdings. */
export function summary(pnls: Array<{ total: number; day: number }>) {
  const sum = (f: (x: { total: number; day: number }) => number) => amount(pnls.reduce((t, x) => t + f(x), 0));
  return {
    gainingTodayCount: String(pnls.filter((x) => x.day > 0).length),
    losingTodayCount: String(pnls.filter((x) => x.day < 0).length),
    totalGainAndLossAmount: sum((x) => x.total),
    dayGainAndLossAmount: sum((x) => x.day),
  };
}

export function holdingDetail(h: Holding, quote: Quote) {
  const day = h.quantity * (h.ltp - quote.previousClose);
  return {
    averagePrice: amount(h.averagePrice),
    exchange: h.instrument.exchange,
    markToMarketPrice: amount(day),
    lastTradedPrice: groupedAmount(h.ltp),
    previousClose: amount(quote.previousClose),
    productCode: 'CNC',
    symbolDescription: h.instrument.description,
    tradingSymbol: h.instrument.tradingSymbol,
    totalGainAndLoss: amount(h.quantity * (h.ltp - h.averagePrice)),
    calculatedNetQuantity: h.netAfterDay.toFixed(1),
    holdingsQuantity: quantity(h.quantity),
    collateralQuantity: '0',
    holdingsValue: amount(h.quantity * h.ltp),
    isin: h.instrument.isin,
    sellableQuantity: quantity(h.sellable),
    totalMarketToMarketPrice: amount(day),
  };
}

export function limitJson(l: SegmentLimit) {
  return {
    grossAvailableMargin: amount(l.grossAvailableMargin),
    payInToday: amount(l.payInToday),
    notionalCash: amount(l.notionalCash),
    collateralMarginAgainstShares: amount(l.collateralMarginAgainstShares),
    marginUsed: amount(l.marginUsed),
    netAvailableMargin: amount(l.netAvailableMargin),
  };
}
