import { marketControl as routes } from '../../spec/routes/index.js';
import type { Listing } from '../domain/market/instruments.js';
import type { MarketDriver } from '../sandbox/market-driver.js';
import { parseReplayCsv } from '../sandbox/market-driver.js';
import type { StreamStatsSource } from '../stream/stats.js';
import type { HttpDeps, SandboxApp } from './deps.js';

/** The control API's market driving: walk, replay, index values, the stream's figures. */
export function marketControlRoutes(app: SandboxApp, { domain, reply }: HttpDeps, driver: MarketDriver, stream: StreamStatsSource) {
  app.openapi(routes.sandboxMarketWalk, (c) => {
    const body = c.req.valid('json');
    if (body.action === 'stop') {
      driver.stopWalk();
      return c.json(reply.success('Walk stopped', { walk: driver.walkState() }), 200);
    }
    const listings: Listing[] = [];
    for (const symbol of body.symbols ?? []) {
      const listing = domain.market.bySymbolCode(symbol);
      if (!listing) return reply.fail(c, { code: 'MARKET_SYMBOL_NOT_FOUND', message: `No Symbol found for ${symbol}: give ScripMaster symbolCodes (3045_NSE) or index ids (-21).` });
      listings.push(listing);
    }
    const chosen = body.symbols ? listings : [...domain.market.instruments(), ...domain.market.indices()];
    driver.startWalk(body.intervalMs ?? 1000, chosen, body.symbols ?? []);
    return c.json(reply.success('Walk started', { walk: driver.walkState() }), 200);
  });

  app.openapi(routes.sandboxMarketReplay, (c) => {
    const body = c.req.valid('json');
    const parsed = parseReplayCsv(domain, body.csv);
    if (!parsed.ok) return reply.fail(c, parsed.error);
    const result = driver.replay(parsed.value, body.intervalMs ?? 0);
    if (!result.ok) return reply.fail(c, result.error);
    return c.json(reply.success(`${result.value.trades} tick(s) replayed`, { lines: parsed.value.length, trades: result.value.trades, fills: result.value.fills }), 200);
  });

  app.openapi(routes.sandboxSetIndexValue, (c) => {
    const { indexName, value } = c.req.valid('json');
    const result = domain.market.setIndexValue(indexName, value);
    if (!result.ok) return reply.fail(c, result.error);
    return c.json(reply.success(`${indexName} at ${result.value.state.ltp}`, { indexName, value: result.value.state.ltp }), 200);
  });

  app.openapi(routes.sandboxStream, (c) => c.json(reply.success('Stream', { stream: stream.stats() }), 200));
}
