import { sandbox } from '../../spec/routes/index.js';
import type { HttpDeps, SandboxApp } from '../http/deps.js';
import { iso } from '../http/present.js';
import { SPEC_VERSION } from '../../spec/document.js';
import { formatServerTime } from '../domain/ist.js';
import type { Quote } from '../domain/market/market.js';
import { CLOCK_RANGE, inClockRange } from '../domain/clock.js';
import type { RequestJournal } from './journal.js';

/** The control API under /__sandbox: what a test needs that the real service has no endpoint for. */
export function controlRoutes(app: SandboxApp, { domain, reply }: HttpDeps, journal: RequestJournal) {
  app.openapi(sandbox.sandboxInfo, (c) => {
    const collect = (globalThis as { gc?: () => void }).gc;
    if (c.req.valid('query').gc === 'true' && collect) collect();
    return c.json(
      reply.success('tradeapi-sandbox is running', {
        name: 'tradeapi-sandbox' as const,
        version: SPEC_VERSION,
        seeded: domain.random.seeded,
        now: iso(domain.clock.now()),
        counts: domain.counts(),
        memory: { rssBytes: process.memoryUsage.rss(), heapUsedBytes: process.memoryUsage().heapUsed },
      }),
      200,
    );
  });

  app.openapi(sandbox.sandboxOutbox, (c) => {
    const messages = domain.store.messages(c.req.valid('query')).map((m) => ({ ...m, sentAt: iso(m.sentAt) }));
    return c.json(reply.success(`${messages.length} message(s)`, { messages }), 200);
  });

  app.openapi(sandbox.sandboxReset, (c) => {
    const mode = c.req.valid('json').mode ?? 'fixtures';
    domain.reset(mode);
    // Starting over includes time: the clock moves forward only, so a reset is the one way back.
    domain.clock.realTime();
    return c.json(reply.success(mode === 'empty' ? 'Sandbox reset to empty' : 'Sandbox reset to its start-up fixtures', { counts: domain.counts() }), 200);
  });

  app.openapi(sandbox.sandboxLoadFixtures, (c) => {
    const result = domain.load(c.req.valid('json'));
    if (!result.ok) return reply.fail(c, result.error);
    return c.json(
      reply.success('Fixture set loaded', {
        accountsLoaded: result.value.accounts,
        appsLoaded: result.value.apps,
        autotraderUsersLoaded: result.value.autotraderUsers,
        counts: domain.counts(),
      }),
      200,
    );
  });

  app.openapi(sandbox.sandboxCreateAccount, (c) => {
    const account = c.req.valid('json');
    const result = domain.load({ accounts: [account] });
    if (!result.ok) return reply.fail(c, result.error);
    return c.json(reply.success('Account created', { uid: account.uid, apps: result.value.apps }), 200);
  });

  app.openapi(sandbox.sandboxCreateAtUser, (c) => {
    const user = c.req.valid('json');
    const result = domain.load({ accounts: [], autotraderUsers: [user] });
    if (!result.ok) return reply.fail(c, result.error);
    return c.json(reply.success('AutoTrader user registered; view its API key with its password', { username: user.username, accounts: user.accounts.length }), 200);
  });

  const clockBody = () => {
    const now = domain.clock.now();
    return { now: iso(now), serverTime: formatServerTime(now), frozen: domain.clock.frozen };
  };

  app.openapi(sandbox.sandboxClock, (c) => c.json(reply.success('Sandbox clock', clockBody()), 200));

  app.openapi(sandbox.sandboxSetClock, (c) => {
    const body = c.req.valid('json');
    const moves = [body.set, body.advanceMs, body.real].filter((v) => v !== undefined).length;
    if (moves > 1 || (moves === 0 && body.frozen === undefined)) {
      return reply.fail(c, { code: 'VALIDATION', message: 'Invalid request: send one of set, advanceMs or real (frozen may go with set, or alone).' });
    }
    const now = domain.clock.now();
    const target = body.set !== undefined ? Date.parse(body.set) : body.advanceMs !== undefined ? now + body.advanceMs : body.real ? domain.clock.realNow() : null;
    if (target !== null && !inClockRange(target)) {
      const range = `from ${iso(CLOCK_RANGE.from)} up to, not including, ${iso(CLOCK_RANGE.until)}`;
      return reply.fail(c, { code: 'CLOCK_OUT_OF_RANGE', message: `Clock out of range: ${iso(target)} is outside what the sandbox can write in its answers; the clock runs ${range}.` });
    }
    if (target !== null && domain.clock.isBackward(target)) {
      const to = body.real ? `the real time, ${iso(target)},` : iso(target);
      const message = `The sandbox clock moves forward only: ${to} is before where it stands, ${iso(now)}, and what expired stays expired. POST /__sandbox/reset starts over at the real time.`;
      return reply.fail(c, { code: 'CLOCK_BACKWARDS', message });
    }
    if (body.real) domain.clock.realTime();
    else if (body.set !== undefined) domain.clock.set(Date.parse(body.set), body.frozen ?? true);
    else if (body.advanceMs !== undefined) domain.clock.advance(body.advanceMs);
    if (body.set === undefined && body.frozen !== undefined) {
      if (body.frozen) domain.clock.freeze();
      else domain.clock.resume();
    }
    return c.json(reply.success('Sandbox clock set', clockBody()), 200);
  });

  app.openapi(sandbox.sandboxSetStanding, (c) => {
    const result = domain.accounts.setStanding(c.req.valid('param').uid, c.req.valid('json').standing);
    if (!result.ok) return reply.fail(c, result.error);
    return c.json(reply.success(`Account ${result.value.uid} is now ${result.value.standing}`, { uid: result.value.uid, standing: result.value.standing }), 200);
  });

  app.openapi(sandbox.sandboxTradingBackend, (c) => {
    domain.tradingBackend.setDelay(c.req.valid('json').delayMs);
    return c.json(reply.success('Trading backend delay set', { delayMs: domain.tradingBackend.delay }), 200);
  });

  const instrumentJson = (quote: Quote) => ({
    exchange: quote.instrument.exchange,
    symbolName: quote.instrument.symbolName,
    tradingSymbol: quote.instrument.tradingSymbol,
    autotraderSymbol: quote.instrument.atSymbol,
    instrument: quote.instrument.instrument,
    lotSize: quote.instrument.lotSize,
    tickSize: quote.instrument.tickSize,
    previousClose: quote.previousClose,
    lastTradedPrice: quote.ltp,
    lowerBand: quote.lowerBand,
    upperBand: quote.upperBand,
  });

  app.openapi(sandbox.sandboxMarket, (c) => c.json(reply.success('Simulated market', { instruments: domain.market.instruments().map((i) => instrumentJson(domain.market.quote(i))) }), 200));

  app.openapi(sandbox.sandboxSetPrice, (c) => {
    const { exchange, symbolName, price, volume } = c.req.valid('json');
    const result = domain.market.setPrice(exchange ?? 'NSE', symbolName, price, volume ?? null);
    if (!result.ok) return reply.fail(c, result.error);
    return c.json(
      reply.success(`${symbolName} traded at ${result.value.quote.ltp}: ${result.value.fills} fill(s)`, { instrument: instrumentJson(result.value.quote), fills: result.value.fills }),
      200,
    );
  });

  app.openapi(sandbox.sandboxRequests, (c) => {
    const { control, faulted, ...query } = c.req.valid('query');
    const requests = journal.find({ ...query, control: control !== 'false', faulted: faulted === 'true' }).map((e) => ({ ...e, at: iso(e.at) }));
    return c.json(reply.success(`${requests.length} request(s)`, { size: journal.size, requests }), 200);
  });
}
