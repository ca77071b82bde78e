import { OpenAPIHono } from '@hono/zod-openapi';
import { allRoutes } from '../../spec/routes/index.js';
import { buildOpenApiDocument } from '../../spec/document.js';
import type { SandboxDomain } from '../domain/domain.js';
import { controlRoutes } from '../sandbox/control.js';
import { controlGuard } from '../sandbox/guard.js';
import { stateRoutes } from '../sandbox/state.js';
import { dashboardRoutes } from './dashboard.js';
import type { SandboxApp, SandboxEnv } from './deps.js';
import { DOCS_PATHS, docsRoutes } from './docs.js';
import { errorHandler, notFoundHandler, validationHook } from './errors.js';
import { legacyRoutes } from './legacy.js';
import { Reply } from './reply.js';
import { RouteTable } from './route-table.js';
import { intake } from './intake.js';
import { sessionRoutes } from './session.js';
import { orderRoutes } from './orders.js';
import { bracketCoverRoutes } from './bracket-cover.js';
import { bulkRoutes } from './bulk.js';
import { gttOcoRoutes } from './gtt-oco.js';
import { DEFAULT_CLIENT_IP, forwardedIgnored, sourceIpResolver } from './source-ip.js';
import { classifyIp } from '../domain/ip.js';
import { logRequests } from './request-log.js';
import { autotraderRoutes } from './autotrader.js';
import { oauthRoutes } from './oauth.js';
import { journalRecorder, RequestJournal } from '../sandbox/journal.js';
import { WEB_PATHS, webRoutes } from '../web/pages.js';
import { marketDataRoutes } from './market-data.js';
import { marketControlRoutes } from './market-data-control.js';
import { MarketDriver } from '../sandbox/market-driver.js';
import { StreamStatsBoard } from '../stream/stats.js';
import { basketRoutes } from './baskets.js';
import { analyticsRoutes } from './analytics.js';
import { portfolioActionRoutes } from './portfolio-actions.js';
import { StorageUnavailable, type Tx } from '../domain/unit-of-work.js';
import { breakConnection, injectFaults } from './faults.js';
import { createFaultPlan } from '../sandbox/faults/profile.js';
import { faultRoutes } from '../sandbox/faults/routes.js';
import type { FaultProfileData } from '../../spec/schemas/faults.js';
import { StreamFaults } from '../sandbox/faults/stream.js';

const SWEEP_EVERY = 1_000;

export type HttpOptions = {
  /** Largest request body accepted, in bytes (default 64 KiB; fixture uploads get `maxFixtureBytes`). */
  maxBodyBytes?: number;
  maxFixtureBytes?: number;
  /** Check every JSON response against its operation's schema; a drift becomes a logged Error envelope. */
  checkResponses?: boolean;
  log?: (line: string) => void;
  /** Lets non-loopback callers use the control API with this x-sandbox-token; without it, they are refused. */
  controlToken?: string;
  /** Take the source IP from X-Forwarded-For (first entry): only behind a proxy you trust. */
  trustProxy?: boolean;
  /** The public IP a local caller is seen from (default 49.36.200.1): it must be one Samco would let you register. */
  clientIp?: string;
  /** One line per request: method, path, status, time. Never bodies, headers or query strings, which can carry secrets. */
  requestLog?: (line: string) => void;
  /** How many requests the request journal (/__sandbox/requests, the journal page) keeps (default 500). */
  journalSize?: number;
  /** A chaos profile (--faults FILE): fault rules from the start, back after every reset. */
  faults?: FaultProfileData;
  /** The market's timers (walk, timed replays) and the stream's figures; made here when not given. */
  marketRuntime?: MarketRuntime;
};

/** What the market needs beside the app: the walk's and replays' timers, where the stream reports its figures, and the fault rules it asks. */
export type MarketRuntime = { driver: MarketDriver; streamStats: StreamStatsBoard; streamFaults: StreamFaults };
export const createMarketRuntime = (domain: SandboxDomain): MarketRuntime => ({ driver: new MarketDriver(domain), streamStats: new StreamStatsBoard(), streamFaults: new StreamFaults() });

export function createHttpApp(domain: SandboxDomain, options: HttpOptions = {}): SandboxApp {
  const log = options.log ?? (() => {});
  const clientIp = options.clientIp ?? DEFAULT_CLIENT_IP;
  const kind = classifyIp(clientIp);
  if (!kind.public) throw new Error(`client IP: ${kind.reason}; give a public IPv4 address, one Samco would let you register`);
  const reply = new Reply(domain);
  const app = new OpenAPIHono<SandboxEnv>({ defaultHook: validationHook(reply) });

  // Outermost: every request is one unit of work. A thrown fault rolls its changes back; with a
  // durable store the answer leaves only once its changes are durable, and a failed write
  // becomes a 500 after memory went back to the last durable state.
  const { uow } = domain;
  const unsaved = (c: Parameters<typeof reply.fail>[0], error: unknown) => {
    if (!(error instanceof StorageUnavailable)) throw error;
    log(`state: ${error.message}`);
    c.res = undefined;
    c.res = reply.fail(c, { code: 'INTERNAL', message: `The sandbox could not save this change: ${error.message}. Retry once the state is writable again.` });
  };
  let requests = 0;
  app.use('*', async (c, next) => {
    let tx: Tx;
    try {
      // In memory a unit of work begins and commits synchronously: no promise to wait for.
      const begun = uow.begin();
      tx = begun instanceof Promise ? await begun : begun;
    } catch (error) {
      return unsaved(c, error);
    }
    await uow.within(tx, next);
    if (c.error) uow.rollback(tx);
    else {
      try {
        const committed = uow.commit(tx);
        if (committed) await committed;
      } catch (error) {
        unsaved(c, error);
      }
    }
    // A fault that breaks the connection after the operation does so outside its unit of work, once committed.
    const broken = c.get('breakAfterCommit');
    if (broken) c.res = await breakConnection(c, broken, c.res);
    // Every SWEEP_EVERY requests, what can no longer matter is swept out, as a unit of work of its own.
    if (++requests % SWEEP_EVERY === 0) uow.run(() => domain.sweep()).catch((error) => log(`sweep: ${(error as Error).message}`));
  });

  const routes = new RouteTable();
  for (const route of allRoutes) routes.add(route.method, route.path, route);
  for (const path of DOCS_PATHS) routes.add('GET', path);
  for (const path of WEB_PATHS) routes.add('GET', path);

  const trustProxy = options.trustProxy ?? false;
  const sourceIp = sourceIpResolver({ trustProxy, clientIp });
  const requestLog = options.requestLog;
  if (requestLog) app.use('*', logRequests(requestLog, sourceIp, trustProxy));

  const journal = new RequestJournal(options.journalSize);
  app.use('*', journalRecorder(journal, domain, sourceIp));
  // A reset starts the market over: the walk and timed replays stop with it.
  const market = options.marketRuntime ?? createMarketRuntime(domain);
  app.use('/__sandbox/reset', async (c, next) => {
    await next();
    if (c.res.status === 200) market.driver.stop();
  });

  // Before any body is read: a refused caller's body is never looked at.
  app.use('/__sandbox/*', controlGuard(reply, options.controlToken));
  const faults = createFaultPlan(domain, options.faults);
  app.use('*', injectFaults(faults, domain, reply));
  market.streamFaults.attach(faults, journal, domain, clientIp);

  app.use(
    '*',
    intake(routes, domain, reply, {
      maxBodyBytes: options.maxBodyBytes ?? 64 * 1024,
      maxFixtureBytes: options.maxFixtureBytes ?? 64 * 1024 * 1024,
      checkResponses: options.checkResponses ?? false,
      log,
    }),
  );

  const deps = { domain, reply, sourceIp, forwardedIgnored: (c: Parameters<typeof sourceIp>[0]) => forwardedIgnored(c, trustProxy) };
  legacyRoutes(app, deps);
  sessionRoutes(app, deps);
  orderRoutes(app, deps);
  bracketCoverRoutes(app, deps);
  bulkRoutes(app, deps);
  gttOcoRoutes(app, deps);
  oauthRoutes(app, deps);
  dashboardRoutes(app, deps);
  controlRoutes(app, deps, journal);
  stateRoutes(app, deps);
  webRoutes(app, deps);
  autotraderRoutes(app, deps);
  faultRoutes(app, deps, faults, journal);
  marketDataRoutes(app, deps);
  marketControlRoutes(app, deps, market.driver, market.streamStats);
  basketRoutes(app, deps);
  analyticsRoutes(app, deps);
  portfolioActionRoutes(app, deps);

  let spec: object | undefined;
  docsRoutes(app, () => (spec ??= buildOpenApiDocument()));

  app.onError(errorHandler(reply, routes, log));
  app.notFound(notFoundHandler(reply, routes));
  return app;
}
