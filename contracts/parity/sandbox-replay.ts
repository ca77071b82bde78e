import type { RouteConfig } from '@hono/zod-openapi';
import { ERRORS, type ErrorCode } from '../../spec/errors.js';
import { allRoutes } from '../../spec/routes/index.js';
import { SandboxClock } from '../../mock/domain/clock.js';
import { declaredCodes } from '../../mock/sandbox/faults/declared.js';
import { createSandbox } from '../../mock/server.js';
import { messageShape } from './formats.js';
import { NOTES } from './notes.js';
import { buildRow, type Replayed, type Row } from './report.js';
import { type IndexEntry, loadIndex, loadSamples, type PublishedRequest, type SampleSet } from './samples.js';

/** A Wednesday, 10:00 IST: the market is open and no session is near its 08:00 IST end. */
const REPLAY_AT = Date.UTC(2025, 11, 17, 4, 30, 0);
const BASE = 'http://127.0.0.1:4010';
const CALLBACK = 'https://your-app.example.com/callback';
/** An order the replays of order numbers act on: below IDEA's price, so it rests. */
const RESTING = { symbolName: 'IDEA', exchange: 'NSE', transactionType: 'BUY', orderType: 'L', quantity: '1', price: '13.30', orderValidity: 'DAY', productType: 'CNC' };
const UNREGISTERED_IP = '198.51.100.7';
const SECONDARY_IP = '49.36.201.11';
const DAY = 24 * 60 * 60 * 1000;
/** Legacy IP calls: registration, then an update after the 7-day rule, each with addresses of its own. */
const LEGACY_IPS: Record<string, { primaryIp: string; secondaryIp: string }> = {
  '/ip/ipRegistration': { primaryIp: '49.36.201.30', secondaryIp: '49.36.201.31' },
  '/ip/ipUpdate': { primaryIp: '49.36.201.40', secondaryIp: '49.36.201.41' },
};

type Json = Record<string, any>;

/** Operations whose sample names a derivative contract by symbolName: replayed with a listed one when the published contract is not listed. */
const CONTRACT_BY_NAME = new Set(['/marketDepth', '/quote/getQuote', '/gttoco/addGtt', '/gttoco/modifyGtt']);

const routeOf = (method: string, path: string): RouteConfig | undefined => allRoutes.find((r) => r.method.toUpperCase() === method && r.path === path);

/** The message shapes and errorCodes of the refusals an operation declares (spec/errors.ts through its responses). */
function declared(route: RouteConfig | undefined) {
  const messages = new Set<string>();
  const codes = new Set<string>();
  for (const code of route ? declaredCodes(route) : []) {
    const entry = ERRORS[code as ErrorCode] as { message: string; errorCode?: string } | undefined;
    if (!entry) continue;
    messages.add(messageShape(entry.message));
    if (entry.errorCode) codes.add(entry.errorCode);
  }
  return { declaredMessages: messages, declaredCodes: codes };
}

/** Deep copy of a published request with placeholders replaced by what the scenario holds. */
function substitute(value: unknown, map: Record<string, string>): unknown {
  if (typeof value === 'string') return map[value] ?? value;
  if (Array.isArray(value)) return value.map((v) => substitute(v, map));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, map)]));
  return value;
}

/**
 * Replays every published request against an in-process sandbox, in the chapters' order, as one
 * client going through the docs: an account (the samples' DV99999) with an app whose redirect URL
 * is the samples' callback and whose static IP is the caller's; the values a sample leaves as
 * placeholders (<AES_ENCRYPTED_API_KEY>, the OAuth code, the Login Code, the legacy OTP and keys,
 * order numbers) are the ones the earlier steps produced, as a client would use them.
 */
export async function replaySandbox(): Promise<Row[]> {
  const clock = new SandboxClock();
  clock.set(REPLAY_AT);
  const { app } = createSandbox({ seed: 'parity', clock });
  const send = async (method: string, path: string, init: { body?: unknown; headers?: Record<string, string>; srcIp?: string } = {}): Promise<Replayed> => {
    const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const res = await app.request(path, { method, headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) }, init.srcIp ? { srcIp: init.srcIp } : undefined);
    const text = await res.text();
    let body: unknown = null;
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
    return { request: { method, path, body: init.body, headers }, status: res.status, body };
  };
  const json = async (method: string, path: string, init: Parameters<typeof send>[2] = {}) => (await send(method, path, init)).body as Json;
  const outbox = async (kind: string) => ((await json('GET', `/__sandbox/outbox?uid=DV99999&kind=${kind}`)).messages as Json[]).at(-1)!;

  // The client of the samples: account DV99999 (password abc1234), one app, its static IP registered.
  await json('POST', '/__sandbox/accounts', { body: { uid: 'DV99999', name: 'John Doe', password: 'abc1234', yob: '1990', mobile: '9876543210', email: 'john@example.com' } });
  const signIn = async () => ({ 'x-dashboard-token': (await json('POST', '/app/api/login', { body: { userId: 'DV99999', password: 'abc1234' } })).dashboardToken as string });
  let dashboard = await signIn();
  const verify = async (challengeId: string) => json('POST', `/app/api/challenges/${challengeId}/verify`, { headers: dashboard, body: { otp: (await outbox('otp-sms')).otp } });
  const created = await json('POST', '/app/api/apps', { headers: dashboard, body: { appName: 'Parity Replay', redirectUrl: CALLBACK } });
  const verified = await verify(created.challenge.challengeId);
  const apiSecret = verified.apiSecret as string;
  const apiKey = (await outbox('api-key-email')).apiKey as string;
  const yourIp = (await json('GET', '/app/api/static-ips', { headers: dashboard })).yourIp as string;
  const setIp = async (ipType: string, ipAddress: string) =>
    verify((await json('POST', '/app/api/static-ips', { headers: dashboard, body: { appId: verified.app.appId, ipType, ipAddress } })).challenge.challengeId);
  await setIp('PRIMARY', yourIp);
  // The samples show both IPs set: the SECONDARY after the 7-day rule lets the account change again.
  clock.advance(8 * DAY);
  dashboard = await signIn();
  await setIp('SECONDARY', SECONDARY_IP);
  const newSession = async () => (await json('POST', '/session/token', { body: { apiKey, apiSecret } })).sessionToken as string;
  // A holding, as the holdings sample has: a CNC buy filled yesterday settles today.
  await json('POST', '/order/placeOrder', { headers: { 'x-session-token': await newSession() }, body: { ...RESTING, price: '13.40' } });
  clock.advance(DAY);
  const session = { 'x-session-token': await newSession() };
  const instruments = (await json('GET', '/__sandbox/market')).instruments as Json[];
  /** A resting BUY order the published price fits (within the band, below the last price), else IDEA's. */
  const restingOrder = async (price: unknown) => {
    const p = Number(price);
    const fit = instruments.find((i) => i.exchange === 'NSE' && i.lotSize === 1 && p >= i.lowerBand && p < i.lastTradedPrice);
    const body = fit ? { ...RESTING, symbolName: fit.symbolName, price: p.toFixed(2) } : RESTING;
    return (await json('POST', '/order/placeOrder', { headers: session, body })).orderNumber as string;
  };

  /** Samco's ids the steps answered (orders, GTTs, baskets), by what they name. */
  const kept: Record<'bracket' | 'gtt' | 'oco' | 'basket' | 'basketOrder', string | undefined> = {
    bracket: undefined,
    gtt: undefined,
    oco: undefined,
    basket: undefined,
    basketOrder: undefined,
  };
  const held: Record<string, string> = { '<AES_ENCRYPTED_API_KEY>': apiKey, '<AES_ENCRYPTED_API_SECRET>': apiSecret };
  const samples = loadSamples();
  const rows: Row[] = [];
  for (const entry of loadIndex()) {
    const set = samples.get(`${entry.method} ${entry.path}`);
    const route = routeOf(entry.method, entry.path);
    const served = entry.method === 'WSS' ? streamServed() : route !== undefined;
    const replays: Replayed[] = [];
    if (served && set?.request !== undefined) {
      const request = await prepare(entry, set, await idsFor(entry));
      const usesSession = JSON.stringify(route?.security ?? []).includes('sessionToken');
      const headers = !usesSession ? {} : entry.path === '/logout' ? { 'x-session-token': await newSession() } : session;
      replays.push(await send(entry.method, request.url, { body: request.body, headers }));
      remember(entry, replays[0]!.body as Json);
      if (entry.path === '/ip/whoami') replays.push(await send('GET', request.url, { headers, srcIp: UNREGISTERED_IP }));
    }
    rows.push(buildRow({ entry, samples: set, served, replays, ...declared(route), note: NOTES[`${entry.method} ${entry.path}`] }, BASE));
  }
  return rows;

  /**
   * The fields a sample fills with an id of Samco's own (an order, a GTT, a basket) and the ids this
   * client holds for them: what an earlier step answered (exitBO takes the bracket order
   * placeOrderBO placed), or what a setup call makes when the step would use up the earlier one
   * (deleteBasket deletes a basket of its own, so the basket-order steps keep theirs).
   */
  async function idsFor(entry: IndexEntry): Promise<Record<string, unknown>> {
    const basket = { basketId: kept.basket };
    switch (entry.path) {
      case '/order/getTriggerOrders':
        return { orderNumber: (kept.bracket ??= await filledEntry('BO')) };
      case '/order/exitBO':
        return { orderNumber: kept.bracket ?? (await filledEntry('BO')) };
      case '/order/exitCO':
        return { orderNumber: await filledEntry('CO') };
      case '/gttoco/modifyGtt':
      case '/gttoco/deleteGtt':
        return { gttSummaryId: kept.gtt };
      case '/gttoco/modifyOco':
      case '/gttoco/deleteOco':
        return { gttSummaryId: kept.oco };
      case '/gttoco/listGttOco': {
        // The earlier steps deleted their GTT and OCO: the client lists with a GTT standing, as the sample's is (addGtt as replayed above).
        const add = loadIndex().find((e) => e.path === '/gttoco/addGtt');
        const set = samples.get('POST /gttoco/addGtt');
        if (add && set) await json('POST', '/gttoco/addGtt', { headers: session, body: (await prepare(add, set, {})).body });
        return {};
      }
      case '/basket/modifyBasket':
      case '/basket/executeBasketOrder':
      case '/basket/listBasketOrder':
      case '/basket/spanCalculator':
        return basket;
      case '/basket/createOrder':
        return { basketID: kept.basket };
      case '/basket/deleteBasket':
        return { basketId: await newBasket('Parity Spare') };
      case '/basket/modifyBasketOrder':
        return { ...basket, basketOrderId: kept.basketOrder };
      case '/basket/deleteBasketOrder':
        return { ...basket, basketOrderId: await newBasketOrder(kept.basket) };
      case '/basket/rearrangeBasketOrder': {
        // A basket of its own with two orders: the main one was executed a step earlier.
        const id = await newBasket('Parity Rearrange');
        const orders = [await newBasketOrder(id), await newBasketOrder(id)];
        return { basketId: id, basketOrderId: orders.reverse() };
      }
      default:
        return {};
    }
  }

  /**
   * A bracket (BO) or cover (CO) order whose entry filled, so its legs stand: the chapter's
   * placeOrderBO/CO sample at a marketable price inside the day's band (the sample's price is far
   * below the listed RELIANCE's band, so placing it as published is rejected), a CO's stop-loss
   * trigger a little below it.
   */
  async function filledEntry(kind: 'BO' | 'CO'): Promise<string | undefined> {
    const sample = samples.get(`POST /order/placeOrder${kind}`)?.request?.body as Json | undefined;
    const listed = sample && instruments.find((i) => i.exchange === (sample.exchange ?? 'NSE') && i.symbolName === sample.symbolName);
    if (!sample || !listed) return undefined;
    const tick = (n: number) => (Math.round(n / listed.tickSize) * listed.tickSize).toFixed(2);
    const price = Math.min(listed.upperBand, listed.lastTradedPrice * 1.005);
    const body = { ...sample, price: tick(price), ...(kind === 'CO' ? { triggerPrice: tick(Math.max(listed.lowerBand, listed.lastTradedPrice * 0.99)) } : {}) };
    const answer = await json('POST', `/order/placeOrder${kind}`, { headers: session, body });
    return answer.orderNumber as string | undefined;
  }

  async function newBasket(basketName: string): Promise<string | undefined> {
    const body = await json('POST', '/basket/createBasket', { headers: session, body: { basketName } });
    return body.basketDetails?.basketId === undefined ? undefined : String(body.basketDetails.basketId);
  }

  /** An order in a basket: the chapter's first createOrder sample. */
  async function newBasketOrder(basketId: string | undefined): Promise<string | undefined> {
    const sample = samples.get('POST /basket/createOrder')?.request?.body as Json | undefined;
    if (!sample || basketId === undefined) return undefined;
    const body = await json('POST', '/basket/createOrder', { headers: session, body: { ...sample, basketID: basketId } });
    return body.basketDetails?.basketOrderId === undefined ? undefined : String(body.basketDetails.basketOrderId);
  }

  /**
   * The published contract when the sandbox lists it, else a listed one of the same exchange and
   * kind (CE, PE or FUT), of the same underlying when there is one: Samco's samples name contracts
   * long expired.
   */
  function listedContract(exchange: string, tradingSymbol: string): string {
    const onExchange = instruments.filter((i) => i.exchange === exchange);
    if (onExchange.some((i) => i.tradingSymbol === tradingSymbol)) return tradingSymbol;
    const underlying = /^[A-Z&-]+?(?=\d)/.exec(tradingSymbol)?.[0];
    const kind = tradingSymbol.endsWith('FUT') ? 'FUT' : tradingSymbol.slice(-2);
    const ofKind = onExchange.filter((i) => i.instrument !== 'EQ' && i.tradingSymbol.endsWith(kind));
    const fit = ofKind.find((i) => underlying && new RegExp(`^${underlying}\\d`).test(i.tradingSymbol)) ?? ofKind[0];
    return fit ? fit.tradingSymbol : tradingSymbol;
  }

  /** Sets the fields `ids` names where the published request has them, in the published value's JSON type. */
  function withIds<T>(published: T, ids: Record<string, unknown>): T {
    if (!published || typeof published !== 'object' || Array.isArray(published)) return published;
    const out: Json = { ...published };
    for (const [key, id] of Object.entries(ids)) {
      if (id === undefined || !(key in out)) continue;
      const typed = (v: unknown) => (typeof out[key] === 'number' || (Array.isArray(out[key]) && typeof out[key][0] === 'number') ? Number(v) : String(v));
      out[key] = Array.isArray(id) ? id.map(typed) : typed(id);
    }
    return out as T;
  }

  /** The published request with what the scenario holds in place of placeholders and sample ids. */
  async function prepare(entry: IndexEntry, set: SampleSet, ids: Record<string, unknown>): Promise<{ url: string; body?: unknown }> {
    const given: PublishedRequest = set.request ?? {};
    const published: PublishedRequest = { ...given, query: withIds(given.query, ids), body: withIds(given.body, ids) };
    if (published.query === undefined) delete published.query;
    if (published.body === undefined) delete published.body;
    const map = { ...held };
    if ((published.path?.orderNumber || published.query?.orderNumber) && ids.orderNumber === undefined) {
      const n = await restingOrder((published.body as Json | undefined)?.price);
      for (const v of [published.path?.orderNumber, published.query?.orderNumber]) if (v) map[v] = n;
    }
    if (entry.path === '/otp/secretKeyGenerator') map['1234'] = (await outbox('otp-sms')).otp;
    if (entry.path === '/accessToken/token') map.XXXXXXXXXXXXkUM9 = (await outbox('secret-key-email')).secretApiKey;
    let body = published.body === undefined ? undefined : substitute(published.body, map);
    if (CONTRACT_BY_NAME.has(entry.path)) {
      const named = (published.body ?? published.query) as Json;
      const listed = listedContract(named.exchange ?? 'NSE', named.symbolName);
      const lot = instruments.find((i) => i.tradingSymbol === listed && i.exchange === (named.exchange ?? 'NSE'))?.lotSize ?? 1;
      const quantity = Number((body as Json | undefined)?.quantity);
      // The published quantity is whole lots of the published contract: the nearest whole lots of the listed one.
      const lots = Number.isFinite(quantity) && quantity % lot !== 0 ? { quantity: String(lot * Math.max(1, Math.round(quantity / lot))) } : {};
      if (body) body = { ...(body as Json), symbolName: listed, ...lots };
      else published.query = { ...published.query, symbolName: listed };
    }
    if (entry.path === '/spanMargin')
      body = { ...(body as Json), request: ((body as Json).request as Json[]).map((item) => ({ ...item, tradingSymbol: listedContract(item.exchange, item.tradingSymbol) })) };
    if (entry.path === '/contractsAnalyser') {
      const analysed = body as Json;
      body = { ...analysed, contracts: (analysed.contracts as Json[]).map((leg) => ({ ...leg, tradingSymbol: listedContract(analysed.exchange, leg.tradingSymbol) })) };
    }
    const ips = LEGACY_IPS[entry.path];
    if (ips) {
      clock.advance(8 * DAY);
      body = { ...(body as Json), ...ips };
    }
    const path = entry.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(substitute(published.path?.[name] ?? '', map))));
    const query = published.query ? `?${new URLSearchParams(substitute(published.query, map) as Record<string, string>)}` : '';
    return { url: path + query, ...(body !== undefined ? { body } : {}) };
  }

  /** What a step's answer gives the later ones, as a client keeps it. */
  function remember(entry: IndexEntry, body: Json | null) {
    if (!body) return;
    const id = (v: unknown) => (v === undefined || v === null || v === '' ? undefined : String(v));
    if (entry.path === '/order/placeOrderBO' && body.exchangeOrderStatus !== 'REJECTED') kept.bracket = id(body.orderNumber);
    if (entry.path === '/gttoco/addGtt' || entry.path === '/gttoco/modifyGtt') kept.gtt = id(body.gttSummaryId) ?? kept.gtt;
    if (entry.path === '/gttoco/addOco' || entry.path === '/gttoco/modifyOco') kept.oco = id(body.gttSummaryId) ?? kept.oco;
    if (entry.path === '/basket/createBasket') kept.basket = id(body.basketDetails?.basketId) ?? kept.basket;
    if (entry.path === '/basket/createOrder') kept.basketOrder = id(body.basketDetails?.basketOrderId) ?? kept.basketOrder;
    const redirectTo = body.data?.redirectTo as string | undefined;
    if (entry.path === '/oauth/authenticate' && redirectTo) held['<AUTH_CODE_FROM_STEP_3>'] = new URL(redirectTo).searchParams.get('code') ?? '';
    if (entry.path === '/oauth/token' && body.data?.access_token) held['<ACCESS_TOKEN_OR_REFRESH_TOKEN>'] = body.data.access_token;
    if (entry.path === '/webSecretCode' && body.data?.OTP) held.NUWL3586 = body.data.OTP;
    if (entry.path === '/accessToken/token' && body.accessToken) held['***************'] = body.accessToken;
  }
}

/** The stream is served once the spec documents it: a WebSocket upgrade (a 101 answer), or the control API's stream page (/__sandbox/stream). */
function streamServed(): boolean {
  return allRoutes.some((r) => r.path === '/__sandbox/stream' || Object.keys(r.responses ?? {}).includes('101'));
}
