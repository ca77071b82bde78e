/**
 * The official AutoTrader Python client (com.dakshata autotrader), as it behaves on the wire:
 * shared by the contract suite (over real HTTP) and the HTTP tests (in-process).
 */

const fields = (list: string) => list.trim().split(/\s+/);

export const ORDER_FIELDS = fields(`id tradeType orderType productType variety validity quantity disclosedQuantity price triggerPrice amo statusMessage
    publisherId pseudoAccount tradingAccount stockBroker exchange symbol independentExchange independentSymbol modifiedTime createdTime
    parentOrderId exchangeOrderId averagePrice clientId rawStatus platformTime exchangeTime pendingQuantity filledQuantity platform status
    nestRequestId`);
export const POSITION_FIELDS = fields(`id buyQuantity sellQuantity netQuantity type pnl atPnl mtm buyValue sellValue netValue buyAvgPrice sellAvgPrice
    pseudoAccount tradingAccount stockBroker exchange symbol independentExchange independentSymbol category ltp platform accountId
    overnightQuantity multiplier realisedPnl unrealisedPnl state direction`);
export const MARGIN_FIELDS = fields(`category funds utilized available total net span exposure collateral payin payout adhoc realisedMtm unrealisedMtm
    pseudoAccount tradingAccount stockBroker`);
export const HOLDING_FIELDS = fields(`id isin collateralType instrumentToken product quantity collateralQty t1Qty pnl haircut avgPrice pseudoAccount
    tradingAccount stockBroker exchange symbol platform ltp currentValue totalQty`);

/** The record model each read function builds its records from, field by field in this order. */
export const MODELS: Record<string, string[]> = {
  '/readPlatformOrders': ORDER_FIELDS,
  '/readPlatformPositions': POSITION_FIELDS,
  '/readPlatformMargins': MARGIN_FIELDS,
  '/readPlatformHoldings': HOLDING_FIELDS,
};

export type Send = (url: string, init: RequestInit) => Promise<Response>;

/**
 * Behaves as the official Python client (com.dakshata autotrader) does, over real HTTP: a form body
 * (None values left out, booleans as True/False), the api-key header, the JSON read only on a 2xx
 * answer (403: "key wrong or user disabled"; any other status raises), an OperationResponse built
 * from the four envelope keys, and each record built from its model's fields in order (a missing
 * one raises, as a missing positional argument does).
 */
export function pythonClient(serviceUrl: string, apiKey: string, send: Send = fetch) {
  async function request(uri: string, method: 'GET' | 'POST', data: Record<string, unknown>) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(data)) if (v !== null && v !== undefined) params.append(k, v === true ? 'True' : v === false ? 'False' : String(v));
    const url = `${serviceUrl}/trading${uri}`;
    const response =
      method === 'GET'
        ? await send(`${url}?${params}`, { method, headers: { 'api-key': apiKey } })
        : await send(url, { method, headers: { 'api-key': apiKey, 'content-type': 'application/x-www-form-urlencoded' }, body: params.toString() });
    if (!response.ok) {
      await response.body?.cancel();
      if (response.status === 403) throw new Error('ERROR: Either your API Key is wrong or the user might be disabled.');
      throw new Error(`HTTPError: ${response.status} for ${method} ${uri}`);
    }
    const json = (await response.json()) as Record<string, unknown>;
    for (const key of ['result', 'message', 'status', 'commandId']) if (!(key in json)) throw new TypeError(`OperationResponse.__init__() missing 1 required positional argument: '${key}'`);
    const model = MODELS[uri];
    if (model && Array.isArray(json.result) && json.result.length) {
      json.result = (json.result as Record<string, unknown>[]).map((m) => {
        const missing = model.filter((f) => !(f in m));
        if (missing.length) throw new TypeError(`__init__() missing required positional arguments: ${missing.join(', ')}`);
        return Object.fromEntries(model.map((f) => [f, m[f]]));
      });
    }
    return json as { result: any; message: string | null; status: boolean; commandId: string | null };
  }
  const get = (uri: string, pseudoAccount: string) => request(uri, 'GET', { pseudoAccount });
  const post = (uri: string, data: Record<string, unknown>) => request(uri, 'POST', data);
  return {
    place_regular_order: (a: string, exchange: string, symbol: string, tradeType: string, orderType: string, productType: string, quantity: number, price: number, triggerPrice = 0.0) =>
      post('/placeRegularOrder', { pseudoAccount: a, exchange, symbol, tradeType, orderType, productType, quantity, price, triggerPrice }),
    place_bracket_order: (
      a: string,
      exchange: string,
      symbol: string,
      tradeType: string,
      orderType: string,
      quantity: number,
      price: number,
      triggerPrice: number,
      target: number,
      stoploss: number,
      trailingStoploss = 0.0,
    ) => post('/placeBracketOrder', { pseudoAccount: a, exchange, symbol, tradeType, orderType, quantity, price, triggerPrice, target, stoploss, trailingStoploss }),
    place_cover_order: (a: string, exchange: string, symbol: string, tradeType: string, orderType: string, quantity: number, price: number, triggerPrice: number) =>
      post('/placeCoverOrder', { pseudoAccount: a, exchange, symbol, tradeType, orderType, quantity, price, triggerPrice }),
    place_advanced_order: (
      variety: string,
      a: string,
      exchange: string,
      symbol: string,
      tradeType: string,
      orderType: string,
      productType: string,
      quantity: number,
      price: number,
      triggerPrice: number,
      target: number,
      stoploss: number,
      trailingStoploss: number,
      disclosedQuantity: number,
      validity: string,
      amo: boolean,
      strategyId: string | null,
      comments: string | null,
      publisherId: string | null,
    ) =>
      post('/placeAdvancedOrder', {
        variety,
        pseudoAccount: a,
        exchange,
        symbol,
        tradeType,
        orderType,
        productType,
        quantity,
        price,
        triggerPrice,
        target,
        stoploss,
        trailingStoploss,
        disclosedQuantity,
        validity,
        amo,
        strategyId,
        comments,
        publisherId,
      }),
    modify_order_by_platform_id: (a: string, platformId: string, orderType?: string, quantity?: number, price?: number, triggerPrice?: number) =>
      post('/modifyOrderByPlatformId', {
        pseudoAccount: a,
        platformId,
        ...(orderType ? { orderType } : {}),
        ...(quantity ? { quantity } : {}),
        ...(price ? { price } : {}),
        ...(triggerPrice ? { triggerPrice } : {}),
      }),
    cancel_order_by_platform_id: (a: string, platformId: string) => post('/cancelOrderByPlatformId', { pseudoAccount: a, platformId }),
    cancel_child_orders_by_platform_id: (a: string, platformId: string) => post('/cancelChildOrdersByPlatformId', { pseudoAccount: a, platformId }),
    cancel_all_orders: (a: string) => post('/cancelAllOrders', { pseudoAccount: a }),
    square_off_position: (a: string, category: string, type: string, exchange: string, symbol: string) => post('/squareOffPosition', { pseudoAccount: a, category, type, exchange, symbol }),
    square_off_portfolio: (a: string, category: string) => post('/squareOffPortfolio', { pseudoAccount: a, category }),
    read_platform_orders: (a: string) => get('/readPlatformOrders', a),
    read_platform_positions: (a: string) => get('/readPlatformPositions', a),
    read_platform_margins: (a: string) => get('/readPlatformMargins', a),
    read_platform_holdings: (a: string) => get('/readPlatformHoldings', a),
  };
}
