import type { GttLeg, GttRecord } from '../domain/gtt.js';
import { IST_OFFSET_MS } from '../domain/ist.js';
import type { Instrument } from '../domain/market/instruments.js';
import { amount } from '../domain/money.js';
import type { SamcoOrder } from '../domain/orders.js';
import type { SpanResult } from '../domain/bulk.js';
import { bookStatus, placedOrderDetails } from './present-orders.js';

/** The shapes of the bracket/cover, bulk and GTT/OCO chapters, each in the types and formats of its published samples. */

/** GTT's and basket's `yyyy-MM-dd HH:mm:ss`, IST. */
export function createdAt(ms: number): string {
  return new Date(ms + IST_OFFSET_MS).toISOString().slice(0, 19).replace('T', ' ');
}

export const symbolOf = (i: Instrument) => `${i.listingId}_${i.exchange}`;

/** getTriggerOrders' entry for one leg. */
export function triggerOrder(leg: SamcoOrder) {
  const fields = { orderStatus: bookStatus(leg), orderPrice: amount(leg.price), triggerPrice: amount(leg.triggerPrice) };
  return leg.leg === 'TARGET' ? { targetOrderNo: leg.orderNumber, ...fields } : { stopLossOrderNo: leg.orderNumber, ...fields };
}

/** bulkOrder's orders[] entry: placeOrder's orderDetails with BUY / SELL, as the chapter's sample. */
export function bulkEntry(o: SamcoOrder, instrument: Instrument) {
  return {
    orderNumber: o.orderNumber,
    orderStatus: o.status,
    rejectionReason: o.rejectionReason,
    orderDetails: { ...placedOrderDetails(o, instrument), transactionType: o.transactionType },
  };
}

export function spanDetails(r: SpanResult) {
  return {
    estimatedBrokerage: amount(r.brokerage),
    estimatedExpenses: amount(r.expenses),
    estimatedOrderValue: amount(r.orderValue),
    marginRequired: amount(r.total),
    exposureMargin: amount(r.exposure),
    totalMargin: amount(r.total),
    totalRequirement: amount(r.total),
    spanRequirement: amount(r.span),
    spreadBenefit: amount(r.spreadBenefit),
  };
}

const protectionOf = (g: GttRecord) => (g.orderType === 'MKT' ? String(g.marketProtection) : '');

export function addGttDetails(g: GttRecord, instrument: Instrument) {
  const leg = g.legs[0]!;
  return {
    productType: g.productType,
    orderType: g.orderType,
    triggerPrice: leg.triggerPriceSent,
    marketProtection: protectionOf(g),
    transactionType: g.transactionType,
    triggerId: leg.triggerId,
    symbol: symbolOf(instrument),
    symbolName: g.symbolName,
    createdAt: createdAt(g.createdAt),
  };
}

/** modifyGtt's orderDetails (also echoed by its failure, from the request). */
export function modifyGttDetails(
  g: Pick<GttRecord, 'productType' | 'orderType' | 'transactionType' | 'symbolName' | 'quantity'> & { marketProtection: string; triggerPrice: string; limitPrice: string },
  symbol: string,
) {
  return {
    productType: g.productType,
    orderType: g.orderType,
    triggerPrice: g.triggerPrice,
    marketProtection: g.marketProtection,
    transactionType: g.transactionType,
    limitPrice: g.limitPrice,
    symbol,
    symbolName: g.symbolName,
    quantity: String(g.quantity),
  };
}

export function modifiedGttDetails(g: GttRecord, instrument: Instrument) {
  const leg = g.legs[0]!;
  return modifyGttDetails({ ...g, marketProtection: protectionOf(g), triggerPrice: leg.triggerPriceSent, limitPrice: g.orderType === 'L' ? leg.limitPriceSent : '' }, symbolOf(instrument));
}

function ocoLeg(g: GttRecord, leg: GttLeg, type: 'TARGET' | 'STOPLOSS') {
  return {
    quantity: String(g.quantity),
    triggerPrice: leg.triggerPriceSent,
    limitPrice: g.orderType === 'L' ? leg.limitPriceSent : '',
    marketProtection: protectionOf(g),
    type,
    triggerId: leg.triggerId,
  };
}

export function ocoDetails(g: GttRecord, instrument: Instrument) {
  return {
    transactionType: g.transactionType,
    symbol: symbolOf(instrument),
    symbolName: g.symbolName,
    productType: g.productType,
    orderType: g.orderType,
    target: ocoLeg(g, g.legs[0]!, 'TARGET'),
    stopLoss: ocoLeg(g, g.legs[1]!, 'STOPLOSS'),
  };
}

function listTrigger(g: GttRecord, leg: GttLeg) {
  return {
    status: leg.status,
    triggeredAt: leg.triggeredAt === null ? '' : createdAt(leg.triggeredAt),
    triggerId: leg.triggerId,
    gttId: leg.triggerId,
    quantity: String(g.quantity),
    limitPrice: g.orderType === 'L' ? amount(leg.limitPrice) : '',
    marketProtection: protectionOf(g),
    ltpAtCreation: amount(leg.ltpAtCreation),
    triggerPrice: amount(leg.triggerPrice),
    transactionType: g.transactionType,
    rejectReason: leg.rejectReason,
    orderNumber: leg.orderNumber,
  };
}

export function gttListEntry(g: GttRecord, instrument: Instrument) {
  return {
    summary: {
      id: Number(g.gttSummaryId),
      userId: g.uid,
      symbol: symbolOf(instrument),
      symbolName: g.symbolName,
      orderType: g.orderType,
      productType: g.productType,
      gttType: g.kind === 'GTT' ? ('SINGLE' as const) : ('OCO' as const),
      validTill: 'FOREVER' as const,
      createdAt: createdAt(g.createdAt),
      deletedAt: g.deletedAt === null ? '' : createdAt(g.deletedAt),
      gttSummaryId: g.gttSummaryId,
      isExpired: g.state === 'expired',
    },
    triggers: g.kind === 'GTT' ? { gtt: listTrigger(g, g.legs[0]!) } : { target: listTrigger(g, g.legs[0]!), stopLoss: listTrigger(g, g.legs[1]!) },
  };
}
