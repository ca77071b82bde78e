import type { z } from '@hono/zod-openapi';
import type { PlaceOrderRequest } from '../../spec/schemas/orders.js';
import type { DomainContext } from './context.js';
import { ltpOf } from './autotrader/orders.js';
import { fail, ok, type Result } from './result.js';

export type PlaceOrderInput = z.infer<typeof PlaceOrderRequest>;

export interface SamcoOrder {
  orderNumber: string;
  uid: string;
  symbolName: string;
  exchange: PlaceOrderInput['exchange'];
  transactionType: PlaceOrderInput['transactionType'];
  orderType: PlaceOrderInput['orderType'];
  quantity: number;
  disclosedQuantity: number;
  price: number;
  triggerPrice: number;
  averagePrice: number;
  filledQuantity: number;
  productType: PlaceOrderInput['productType'];
  orderValidity: PlaceOrderInput['orderValidity'];
  afterMarketOrderFlag: 'YES' | 'NO';
  status: 'PENDING' | 'EXECUTED' | 'CANCELLED';
  createdAt: number;
  updatedAt: number;
}

/** The price rules of Samco's order types; null when the order is well-formed. */
export function samcoOrderProblem(o: { orderType: string; quantity: number; disclosedQuantity: number; price: number; triggerPrice: number }): string | null {
  if (!Number.isInteger(o.quantity) || o.quantity < 1) return 'quantity must be a whole number of at least 1.';
  if (!Number.isInteger(o.disclosedQuantity) || o.disclosedQuantity > o.quantity) return 'disclosedQuantity must be a whole number no larger than quantity.';
  if ((o.orderType === 'L' || o.orderType === 'SL') && o.price <= 0) return `price is required (> 0) for a ${o.orderType === 'L' ? 'limit order (L)' : 'stop-loss limit order (SL)'}.`;
  if ((o.orderType === 'MKT' || o.orderType === 'SL-M') && o.price !== 0) return `price must be 0 or absent for a ${o.orderType} order.`;
  if ((o.orderType === 'SL' || o.orderType === 'SL-M') && o.triggerPrice <= 0) return `triggerPrice is required (> 0) for a ${o.orderType} order.`;
  if ((o.orderType === 'L' || o.orderType === 'MKT') && o.triggerPrice !== 0) return `triggerPrice must be 0 or absent for a ${o.orderType} order.`;
  return null;
}

/** Samco orders of an account: placed, listed, looked up, cancelled. A MKT order executes at once. */
export class Orders {
  constructor(private readonly ctx: DomainContext) {}

  place(uid: string, input: PlaceOrderInput): Result<SamcoOrder> {
    const numbers = {
      orderType: input.orderType,
      quantity: Number(input.quantity),
      disclosedQuantity: Number(input.disclosedQuantity ?? 0),
      price: Number(input.price ?? 0),
      triggerPrice: Number(input.triggerPrice ?? 0),
    };
    const problem = samcoOrderProblem(numbers);
    if (problem) return fail('ORDER_INVALID', problem);
    const now = this.ctx.clock.now();
    const market = input.orderType === 'MKT';
    const order: SamcoOrder = {
      ...numbers,
      orderNumber: `${this.ctx.random.digits('order-number', 15)}`,
      uid,
      symbolName: input.symbolName,
      exchange: input.exchange,
      transactionType: input.transactionType,
      productType: input.productType,
      orderValidity: input.orderValidity,
      afterMarketOrderFlag: input.afterMarketOrderFlag ?? 'NO',
      averagePrice: market ? ltpOf(input.symbolName) : 0,
      filledQuantity: market ? numbers.quantity : 0,
      status: market ? 'EXECUTED' : 'PENDING',
      createdAt: now,
      updatedAt: now,
    };
    this.ctx.store.putOrder(order);
    return ok(order);
  }

  book(uid: string): SamcoOrder[] {
    return this.ctx.store.ordersOf(uid);
  }

  get(uid: string, orderNumber: string): Result<SamcoOrder> {
    const order = this.ctx.store.getOrder(uid, orderNumber);
    return order ? ok(order) : fail('ORDER_NOT_FOUND');
  }

  cancel(uid: string, orderNumber: string): Result<SamcoOrder> {
    const order = this.get(uid, orderNumber);
    if (!order.ok) return order;
    if (order.value.status !== 'PENDING') return fail('ORDER_NOT_CANCELLABLE', `Order cannot be cancelled: it is ${order.value.status}.`);
    const next: SamcoOrder = { ...order.value, status: 'CANCELLED', updatedAt: this.ctx.clock.now() };
    this.ctx.store.putOrder(next);
    return ok(next);
  }
}
