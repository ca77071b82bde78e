import type { Basket, BasketItem, ItemView } from '../domain/baskets.js';
import { IST_OFFSET_MS } from '../domain/ist.js';
import type { Instrument } from '../domain/market/instruments.js';
import { amount } from '../domain/money.js';

/** The shapes of the Basket Orders chapter, each in the types its published sample uses. */

/** Baskets' createdAt / updatedAt: `2024-08-08 19:06:22`, IST. */
export const basketTime = (ms: number) => new Date(ms + IST_OFFSET_MS).toISOString().replace('T', ' ').slice(0, 19);

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const expiryOf = (i: Instrument) => {
  if (!i.expiry) return '--';
  const [year, month, day] = i.expiry.split('-');
  return `${day} ${MONTHS[Number(month) - 1]} ${year!.slice(2)}`;
};
/** A whole number as written in the basket answers (`10`), a fraction with its digits (`2.5`). */
const plain = (n: number) => String(n);

export function createdOrderDetails(item: BasketItem, instrument: Instrument, displayOrder: number) {
  const bracket = item.productType === 'BO';
  const stop = item.orderType === 'SL' || item.productType === 'CO';
  return {
    clientId: item.uid,
    basketId: item.basketId,
    basketOrderId: item.basketOrderId,
    displayOrder,
    exchange: item.exchange,
    tradingSymbol: instrument.tradingSymbol,
    transactionType: item.transactionType,
    productCode: item.productType,
    orderType: item.orderType,
    quantity: item.quantity,
    orderPrice: item.price,
    ...(stop ? { triggerPrice: amount(item.triggerPrice) } : {}),
    ...(bracket ? { stoplossValue: plain(item.stopLossValue), squareOffValue: plain(item.squareOffValue), trailingStopLoss: plain(item.trailingStopLoss) } : {}),
    createdAt: basketTime(item.createdAt),
  };
}

export function basketListEntry(basket: Basket, views: ItemView[], margins: { maxMargin: number; finalMargin: number }, maxOrders: number) {
  return {
    basketId: basket.basketId,
    basketName: basket.basketName,
    totalOrders: views.length,
    maxOrders,
    executedOrders: views.filter((v) => v.state === 'executed').length,
    displayOrder: basket.basketId,
    requiredMargin: amount(margins.maxMargin),
    finalMargin: amount(margins.finalMargin),
    isreArranged: basket.rearranged,
    deletedContracts: basket.deletedContracts,
    createdAt: basketTime(basket.createdAt),
    updatedAt: basket.updatedAt === null ? '' : basketTime(basket.updatedAt),
    basketStatus: basket.executedAt === null ? ('NOT EXECUTED' as const) : ('EXECUTED' as const),
    chronologicalView: !basket.rearranged,
  };
}

const STATUS = { notSentToExchange: 'NOT SENT', executed: 'EXECUTED', pending: 'PENDING', rejected: 'REJECTED' } as const;

export function basketOrderEntry(v: ItemView) {
  const { item, instrument: i, order } = v;
  const derivative = i.instrument !== 'EQ';
  const kind = derivative ? (i.optionType ? 'OPT' : 'FUT') : 'EQ';
  return {
    client_id: item.uid,
    basketId: item.basketId,
    basketOrderId: item.basketOrderId,
    symName: item.symbolName,
    symbol: `${i.listingId}_${i.exchange}`,
    instrumentType: i.instrument,
    transactionSide: item.transactionType,
    orderPrice: amount(item.price),
    validity: item.orderValidity,
    orderType: item.orderType,
    quantity: plain(item.quantity),
    productCode: item.productType,
    disclosedQuantity: plain(item.disclosedQuantity),
    marginBlocked: amount(v.marginBlocked),
    marginRequired: amount(v.marginRequired),
    incrementalMargin: amount(v.marginRequired),
    filledQuantity: plain(order?.filledQuantity ?? 0),
    tradingSymbol: i.tradingSymbol,
    dispCompanyName: i.description,
    companyName: i.description,
    dispExpiryDate: expiryOf(i),
    expiry: expiryOf(i),
    instrument: derivative ? kind : '--',
    dispExc: i.exchange,
    dispInstType: kind,
    orderStatus: STATUS[v.state],
    stopPrice: amount(item.triggerPrice),
    sSLVal: plain(item.stopLossValue),
    sLtpOrAtp: item.priceType,
    sSLAbsOrTicks: item.valueType,
    sSqrOffVal: plain(item.squareOffValue),
    sSqroffLtpOrAtp: item.priceType,
    sSqrOffAbsOrTicks: item.valueType,
    sTrailingSL: plain(item.trailingStopLoss),
    sTrailingSLTicks: item.valueType === 'Ticks' ? plain(item.trailingStopLoss) : '0',
    rmsOrder: item.orderNumber ?? '--',
  };
}
