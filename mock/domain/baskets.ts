import { BASKET_TEXTS } from '../../spec/errors.js';
import { BASKET_RULES } from '../../spec/schemas/baskets-rules.js';
import type { DomainContext } from './context.js';
import { isOption, type Exchange, type Instrument } from './market/instruments.js';
import type { Market } from './market/market.js';
import { round2 } from './money.js';
import { checkTerms, marginRate, ORDER_RULES, toNumber, type Orders, type SamcoOrder, type TransactionType } from './orders.js';
import { fail, ok, type DomainError, type Result } from './result.js';
import type { Account } from './types.js';

export { BASKET_RULES };

export type BasketProduct = (typeof BASKET_RULES.products)[number];
export type ExecutionType = (typeof BASKET_RULES.executionTypes)[number];
export type BasketListType = (typeof BASKET_RULES.listTypes)[number];

export interface Basket {
  uid: string;
  basketId: number;
  basketName: string;
  createdAt: number;
  updatedAt: number | null;
  /** Set once rearrangeBasketOrder has run (the list's isreArranged; chronologicalView is its opposite). */
  rearranged: boolean;
  /** When executeBasketOrder last ran: the basket is EXECUTED from then on. */
  executedAt: number | null;
  executionType: ExecutionType | null;
  /** Orders deleted from the basket so far (deletedContracts). */
  deletedContracts: number;
}

/** One order of a basket: what a placeOrder (or placeOrderBO/CO) would take, and what became of it. */
export interface BasketItem {
  uid: string;
  basketId: number;
  basketOrderId: number;
  /** Execution order within the basket (displayOrder): the basketOrderId until a rearrange numbers them 1..n. */
  sequence: number;
  exchange: Exchange;
  symbolName: string;
  transactionType: TransactionType;
  orderType: 'L' | 'SL';
  orderValidity: 'DAY' | 'IOC';
  productType: BasketProduct;
  quantity: number;
  disclosedQuantity: number;
  price: number;
  triggerPrice: number;
  priceType: 'LTP' | 'ATP';
  squareOffValue: number;
  stopLossValue: number;
  valueType: 'Absolute' | 'Ticks';
  trailingStopLoss: number;
  createdAt: number;
  updatedAt: number | null;
  /** The real order once sent (the list's rmsOrder). */
  orderNumber: string | null;
  /** Why the order could not be sent at all (no order number then). */
  refusal: DomainError | null;
}

type BasketOrderFields = {
  symbolName: string;
  exchange: string;
  transactionType: TransactionType;
  orderType: string;
  orderValidity: 'DAY' | 'IOC';
  productType: BasketProduct;
  quantity: string | number;
  disclosedQuantity: string | number;
  price: string | number;
  triggerPrice: string | number;
  priceType: 'LTP' | 'ATP';
  squareOffValue: string | number;
  stopLossValue: string | number;
  valueType: 'Absolute' | 'Ticks';
  trailingStopLoss: string | number;
};

/** A basket order as the schema hands it over: numbers may come as strings; "" counts as absent. */
export type BasketOrderInput = { [K in keyof BasketOrderFields]?: BasketOrderFields[K] | '' };

type ItemTerms = Omit<BasketItem, 'uid' | 'basketId' | 'basketOrderId' | 'sequence' | 'createdAt' | 'updatedAt' | 'orderNumber' | 'refusal'>;

/** Where a sent basket order stands: the list's four groups. */
export type ItemState = 'notSentToExchange' | 'executed' | 'pending' | 'rejected';

export type ItemView = { item: BasketItem; instrument: Instrument; order: SamcoOrder | null; state: ItemState; marginRequired: number; marginBlocked: number };

/** Places one basket order of a product as a real order; BO and CO are wired in where the market supports them. */
export type BasketPlacer = (account: Account, item: BasketItem) => Result<SamcoOrder>;

/** What every kind of order takes from a basket's order, as the order calls name it. */
export function orderFields(item: BasketItem) {
  return {
    symbolName: item.symbolName,
    exchange: item.exchange,
    transactionType: item.transactionType,
    orderType: item.orderType,
    quantity: item.quantity,
    disclosedQuantity: item.disclosedQuantity || undefined,
    price: item.price,
    orderValidity: item.orderValidity,
  };
}

const nameKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** The basket's underlying for the hedge benefit: a derivative's root symbol (NIFTY, SBIN, ...). */
const underlyingOf = (i: Instrument) => i.atSymbol.split('_')[0]!;

/**
 * Samco's baskets: named lists of orders kept by the sandbox, each sent as a real order through
 * the regular-order domain when the basket is executed, in the basket's sequence.
 */
export class Baskets {
  private readonly placers: Partial<Record<BasketProduct, BasketPlacer>> = {};

  constructor(
    private readonly ctx: DomainContext,
    private readonly market: Market,
    private readonly orders: Orders,
  ) {
    const regular: BasketPlacer = (account, item) =>
      this.orders.place(account, {
        ...orderFields(item),
        triggerPrice: item.orderType === 'SL' ? item.triggerPrice : undefined,
        productType: item.productType as 'CNC' | 'MIS' | 'NRML',
      });
    for (const product of ['CNC', 'MIS', 'NRML'] as const) this.placers[product] = regular;
  }

  /** Bracket and cover orders are placed by their own domain (where it exists): it registers here. */
  usePlacer(product: 'BO' | 'CO', placer: BasketPlacer) {
    this.placers[product] = placer;
  }

  private now() {
    return this.ctx.clock.now();
  }

  private checkName(raw: string, uid: string, except: number | null): Result<string> {
    const name = raw.trim();
    if (name.length === 0 || name.length > BASKET_RULES.nameMax || !BASKET_RULES.namePattern.test(name)) return fail('BASKET_NAME_INVALID');
    if (this.ctx.store.basketsOf(uid).some((b) => b.basketId !== except && nameKey(b.basketName) === nameKey(name))) return fail('BASKET_NAME_TAKEN');
    return ok(name);
  }

  create(account: Account, basketName: string, orders: BasketOrderInput[] = []): Result<Basket> {
    const { store } = this.ctx;
    if (store.basketsOf(account.uid).length >= BASKET_RULES.maxBaskets) return fail('BASKET_LIMIT_REACHED');
    const name = this.checkName(basketName, account.uid, null);
    if (!name.ok) return name;
    if (orders.length > BASKET_RULES.maxOrders) return fail('BASKET_LIMIT_REACHED');
    const terms: ItemTerms[] = [];
    for (const input of orders) {
      const checked = this.checkItem(input);
      if (!checked.ok) return checked;
      terms.push(checked.value);
    }
    const basket: Basket = {
      uid: account.uid,
      basketId: store.nextBasketSeq('basket'),
      basketName: name.value,
      createdAt: this.now(),
      updatedAt: null,
      rearranged: false,
      executedAt: null,
      executionType: null,
      deletedContracts: 0,
    };
    store.putBasket(basket);
    for (const t of terms) this.addItem(basket, t);
    return ok(basket);
  }

  get(uid: string, basketId: number): Result<Basket> {
    const basket = this.ctx.store.getBasket(uid, basketId);
    return basket ? ok(basket) : fail('BASKET_NOT_FOUND');
  }

  rename(account: Account, basketId: number, basketName: string): Result<Basket> {
    const found = this.get(account.uid, basketId);
    if (!found.ok) return found;
    const name = this.checkName(basketName, account.uid, basketId);
    if (!name.ok) return name;
    const next = { ...found.value, basketName: name.value, updatedAt: this.now() };
    this.ctx.store.putBasket(next);
    return ok(next);
  }

  /** Deletes the baskets (and their orders) all together, or none when one of the ids is not the account's. */
  delete(account: Account, basketIds: number[]): Result<number> {
    const { store } = this.ctx;
    const invalid = basketIds.filter((id) => !store.getBasket(account.uid, id));
    if (invalid.length > 0 || basketIds.length === 0) return fail('BASKET_IDS_INVALID', BASKET_TEXTS.idsInvalid(invalid));
    for (const id of new Set(basketIds)) store.deleteBasket(account.uid, id);
    return ok(basketIds.length);
  }

  list(account: Account, listType: BasketListType): Basket[] {
    const all = this.ctx.store.basketsOf(account.uid);
    if (listType === 'ALL') return all;
    return all.filter((b) => (b.executedAt !== null) === (listType === 'EXECUTED'));
  }

  /** The order's terms, checked as placeOrder checks them (so a basket never holds an order placeOrder would refuse outright). */
  private checkItem(sent: BasketOrderInput, base?: ItemTerms): Result<ItemTerms> {
    // "" counts as absent, in an orders[] entry too.
    const input = Object.fromEntries(Object.entries(sent).filter(([, v]) => v !== '')) as Partial<BasketOrderFields>;
    const exchange = input.exchange ?? base?.exchange ?? ORDER_RULES.defaultExchange;
    const symbolName = input.symbolName ?? base?.symbolName;
    const transactionType = input.transactionType ?? base?.transactionType;
    const productType = input.productType ?? base?.productType;
    const orderValidity = input.orderValidity ?? base?.orderValidity;
    const orderType = input.orderType ?? base?.orderType;
    if (!symbolName || !transactionType || !productType || !orderValidity || !orderType) {
      return fail('ORDER_INVALID', 'symbolName, transactionType, orderType, orderValidity, productType, quantity and price are required for a basket order.');
    }
    const instrument = this.market.find(exchange, symbolName);
    if (!instrument) return fail('MARKET_SYMBOL_NOT_FOUND');
    if (exchange === 'BFO' && !ORDER_RULES.bfoUnderlyings.some((u) => instrument.atSymbol.startsWith(`${u}_`))) return fail('ORDER_BFO_NOT_ALLOWED');
    if (productType === 'CNC' && instrument.instrument !== 'EQ') return fail('ORDER_INVALID', 'productType CNC is for equity cash only: use NRML or MIS for derivatives.');
    const number = (key: keyof BasketOrderFields, fallback: number | undefined) => toNumber(input[key] as string | number | undefined) ?? fallback;
    const cover = productType === 'CO';
    const terms = checkTerms(instrument, {
      orderType,
      quantity: number('quantity', base?.quantity),
      disclosedQuantity: number('disclosedQuantity', base?.disclosedQuantity),
      price: number('price', base?.price),
      triggerPrice: number('triggerPrice', base?.triggerPrice || undefined),
    });
    if (!terms.ok) return terms;
    const extra = {
      priceType: input.priceType ?? base?.priceType ?? 'LTP',
      valueType: input.valueType ?? base?.valueType ?? 'Absolute',
      squareOffValue: number('squareOffValue', base?.squareOffValue) ?? 0,
      stopLossValue: number('stopLossValue', base?.stopLossValue) ?? 0,
      trailingStopLoss: number('trailingStopLoss', base?.trailingStopLoss) ?? 0,
    };
    let triggerPrice = terms.value.triggerPrice;
    if (productType === 'BO') {
      if (exchange === 'BSE') return fail('ORDER_INVALID', 'Bracket orders (BO) are not allowed on BSE.');
      if (orderType !== 'L') return fail('ORDER_INVALID', 'A bracket order (BO) is a limit order: orderType L.');
      for (const key of ['squareOffValue', 'stopLossValue'] as const) if (!(extra[key] > 0)) return fail('ORDER_INVALID', `${key} is required (> 0) for a bracket order (BO).`);
      if (!(extra.trailingStopLoss >= 0)) return fail('ORDER_INVALID', 'trailingStopLoss must be a number of at least 0.');
    }
    if (cover) {
      if (orderType !== 'L') return fail('ORDER_INVALID', 'A cover order (CO) is a limit order: orderType L.');
      triggerPrice = number('triggerPrice', base?.triggerPrice || undefined) ?? Number.NaN;
      const price = terms.value.price;
      if (!(triggerPrice > 0)) return fail('ORDER_INVALID', 'triggerPrice (the stop-loss price) is required (> 0) for a cover order (CO).');
      if (transactionType === 'BUY' ? triggerPrice >= price : triggerPrice <= price)
        return fail('ORDER_INVALID', `triggerPrice of a ${transactionType} cover order must be ${transactionType === 'BUY' ? 'below' : 'above'} its price.`);
    }
    return ok({
      ...terms.value,
      ...extra,
      triggerPrice,
      exchange: instrument.exchange,
      symbolName: instrument.symbolName,
      transactionType,
      orderType: orderType as 'L' | 'SL',
      orderValidity,
      productType,
    });
  }

  private addItem(basket: Basket, terms: ItemTerms): BasketItem {
    const basketOrderId = this.ctx.store.nextBasketSeq('order');
    const item: BasketItem = { ...terms, uid: basket.uid, basketId: basket.basketId, basketOrderId, sequence: basketOrderId, createdAt: this.now(), updatedAt: null, orderNumber: null, refusal: null };
    this.ctx.store.putBasketItem(item);
    return item;
  }

  /** Adds orders to a basket, all or none; the answer names the first. */
  addOrders(account: Account, basketId: number, inputs: BasketOrderInput[]): Result<BasketItem> {
    const found = this.get(account.uid, basketId);
    if (!found.ok) return found;
    if (this.ctx.store.basketItems(account.uid, basketId).length + inputs.length > BASKET_RULES.maxOrders) return fail('BASKET_LIMIT_REACHED');
    const terms: ItemTerms[] = [];
    for (const input of inputs) {
      const checked = this.checkItem(input);
      if (!checked.ok) return checked;
      terms.push(checked.value);
    }
    const items = terms.map((t) => this.addItem(found.value, t));
    this.touch(found.value);
    return ok(items[0]!);
  }

  private touch(basket: Basket) {
    this.ctx.store.putBasket({ ...basket, updatedAt: this.now() });
  }

  private findItem(uid: string, basketId: number, basketOrderId: number): Result<{ basket: Basket; item: BasketItem }> {
    const basket = this.ctx.store.getBasket(uid, basketId);
    const item = basket && this.ctx.store.basketItems(uid, basketId).find((i) => i.basketOrderId === basketOrderId);
    return basket && item ? ok({ basket, item }) : fail('BASKET_ORDER_INVALID');
  }

  /** Replaces an order of the basket (same id, same place): the fields sent over the old ones, checked again. A rejected order becomes sendable again. */
  modifyOrder(account: Account, basketId: number, basketOrderId: number, input: BasketOrderInput): Result<BasketItem> {
    const found = this.findItem(account.uid, basketId, basketOrderId);
    if (!found.ok) return found;
    const { basket, item } = found.value;
    if (item.orderNumber !== null && this.stateOf(item, this.orderOf(item)) !== 'rejected') return fail('BASKET_ORDER_SENT');
    const checked = this.checkItem(input, item);
    if (!checked.ok) return checked;
    const next: BasketItem = { ...item, ...checked.value, updatedAt: this.now(), orderNumber: null, refusal: null };
    this.ctx.store.putBasketItem(next);
    this.touch(basket);
    return ok(next);
  }

  /** Removes an order from the basket; an order it already sent stays at the exchange. */
  deleteOrder(account: Account, basketId: number, basketOrderId: number): Result<BasketItem> {
    const basket = this.ctx.store.getBasket(account.uid, basketId);
    if (!basket) return fail('BASKET_IDS_INVALID', BASKET_TEXTS.idsInvalid([basketId]));
    const found = this.findItem(account.uid, basketId, basketOrderId);
    if (!found.ok) return found;
    this.ctx.store.deleteBasketItem(account.uid, basketId, basketOrderId);
    this.ctx.store.putBasket({ ...basket, deletedContracts: basket.deletedContracts + 1, updatedAt: this.now() });
    return ok(found.value.item);
  }

  /**
   * New execution order: the ids given first, in the order given; the basket's other orders after
   * them, in their old order. Sequences become 1..n.
   */
  rearrange(account: Account, basketId: number, basketOrderIds: number[]): Result<BasketItem[]> {
    const found = this.get(account.uid, basketId);
    if (!found.ok) return found;
    const items = this.ctx.store.basketItems(account.uid, basketId);
    const byId = new Map(items.map((i) => [i.basketOrderId, i]));
    if (basketOrderIds.length === 0 || new Set(basketOrderIds).size !== basketOrderIds.length || basketOrderIds.some((id) => !byId.has(id))) return fail('BASKET_ORDER_INVALID');
    const listed = new Set(basketOrderIds);
    const order = [...basketOrderIds.map((id) => byId.get(id)!), ...items.filter((i) => !listed.has(i.basketOrderId))];
    const now = this.now();
    const next = order.map((item, index) => ({ ...item, sequence: index + 1, updatedAt: now }));
    for (const item of next) this.ctx.store.putBasketItem(item);
    this.ctx.store.putBasket({ ...found.value, rearranged: true, updatedAt: now });
    return ok(next);
  }

  /**
   * Sends every order of the basket not sent yet, one real order each, in the basket's sequence.
   * allatonce sends them all, each accepted or rejected on its own; chronologically stops at the
   * first one rejected (by the RMS, or refused outright), leaving the rest not sent.
   */
  execute(account: Account, basketId: number, executionType: ExecutionType): Result<BasketItem[]> {
    const found = this.get(account.uid, basketId);
    if (!found.ok) return found;
    const { store } = this.ctx;
    const toSend = store.basketItems(account.uid, basketId).filter((i) => i.orderNumber === null && i.refusal === null);
    if (toSend.length === 0) return fail('BASKET_NOTHING_TO_EXECUTE');
    const sent: BasketItem[] = [];
    for (const item of toSend) {
      const placer = this.placers[item.productType];
      const placed = placer ? placer(account, item) : fail('BASKET_PRODUCT_UNAVAILABLE');
      const next: BasketItem = placed.ok ? { ...item, orderNumber: placed.value.orderNumber } : { ...item, refusal: placed.error };
      store.putBasketItem(next);
      sent.push(next);
      const rejected = !placed.ok || placed.value.status === 'REJECTED';
      if (rejected && executionType === 'chronologically') break;
    }
    store.putBasket({ ...found.value, executedAt: this.now(), executionType, updatedAt: this.now() });
    return ok(sent);
  }

  private orderOf(item: BasketItem): SamcoOrder | null {
    return item.orderNumber === null ? null : (this.ctx.store.getOrder(item.uid, item.orderNumber) ?? null);
  }

  private stateOf(item: BasketItem, order: SamcoOrder | null): ItemState {
    if (item.refusal) return 'rejected';
    if (!order) return 'notSentToExchange';
    if (order.status === 'COMPLETE' || (order.status === 'CANCELLED' && order.filledQuantity > 0)) return 'executed';
    if (order.status === 'PENDING' || order.status === 'OPEN') return 'pending';
    return 'rejected';
  }

  /** The margin an order of the basket needs: its value at the margin rate of its product (BO and CO at the intraday rate). */
  private marginOf(item: BasketItem, instrument: Instrument): number {
    const product = item.productType === 'BO' || item.productType === 'CO' ? 'MIS' : item.productType;
    return round2(item.quantity * item.price * marginRate(instrument, product, item.transactionType));
  }

  /** The basket's orders in sequence, each with its instrument, real order, group and margin (basketId null: every basket of the account). */
  view(account: Account, basketId: number | null): ItemView[] {
    const { store } = this.ctx;
    const baskets = basketId === null ? store.basketsOf(account.uid) : [store.getBasket(account.uid, basketId)].filter((b): b is Basket => b !== undefined);
    return baskets.flatMap((b) =>
      store.basketItems(account.uid, b.basketId).map((item) => {
        const instrument = this.market.find(item.exchange, item.symbolName)!;
        const order = this.orderOf(item);
        const state = this.stateOf(item, order);
        const marginRequired = this.marginOf(item, instrument);
        const open = order && state === 'pending' ? (order.quantity - order.filledQuantity - order.cancelledQuantity) / order.quantity : 0;
        return { item, instrument, order, state, marginRequired, marginBlocked: round2(marginRequired * open) };
      }),
    );
  }

  /**
   * maxMargin: every order's margin added up. finalMargin: with the hedge benefit, per underlying of
   * the derivative orders only the larger of the BUY side's and the SELL side's margin counts
   * (opposite orders on one underlying offset each other; an option buy pays its premium and is
   * not offset); cash equity has no benefit. So finalMargin <= maxMargin.
   */
  margins(views: ItemView[]): { maxMargin: number; finalMargin: number } {
    let max = 0;
    let final = 0;
    const sides = new Map<string, { BUY: number; SELL: number }>();
    for (const v of views) {
      max += v.marginRequired;
      if (v.instrument.instrument === 'EQ' || (isOption(v.instrument) && v.item.transactionType === 'BUY')) {
        final += v.marginRequired;
        continue;
      }
      const key = underlyingOf(v.instrument);
      const side = sides.get(key) ?? { BUY: 0, SELL: 0 };
      side[v.item.transactionType] += v.marginRequired;
      sides.set(key, side);
    }
    for (const side of sides.values()) final += Math.max(side.BUY, side.SELL);
    return { maxMargin: round2(max), finalMargin: round2(final) };
  }

  items(uid: string, basketId: number): BasketItem[] {
    return this.ctx.store.basketItems(uid, basketId);
  }
}
