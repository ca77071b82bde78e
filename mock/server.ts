import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FixtureSetData } from '../spec/schemas/fixtures.js';
import { readFixtureFile } from './fixture-file.js';
import { SandboxClock } from './domain/clock.js';
import { SandboxDomain } from './domain/domain.js';
import { createHttpApp, createMarketRuntime, type HttpOptions, type MarketRuntime } from './http/app.js';
import type { SandboxApp } from './http/deps.js';
import type { Durability, Store } from './domain/store.js';
import { MemoryStore } from './store/memory.js';
import { openDurability } from './store/open.js';

export type SandboxOptions = HttpOptions & {
  /** Same seed, same OTPs, keys, ids and msgIds. Unseeded: cryptographic randomness. */
  seed?: string | number | null;
  /** A fixture set, or the path of a fixture JSON file, loaded at start and on every reset. */
  fixtures?: FixtureSetData | string | null;
  store?: Store;
  clock?: SandboxClock;
  /** The rate limits (AutoTrader's API limits, the OTP send limit): on by default; off for load tests. */
  rateLimits?: boolean;
  /** How many outbox messages are kept, newest first (default 10,000). */
  outboxRetention?: number;
  /** Keep state in this file (an embedded database): every acknowledged change survives a restart, even a kill. Needs openSandbox. */
  state?: string;
  /** Keep state in this PostgreSQL database, shared by every replica started on it. Needs openSandbox. */
  databaseUrl?: string;
};

/** How the state was found at start, for the banner. */
export type Persistence = { kind: 'embedded' | 'postgres'; where: string; rows: number; fixturesLoaded: boolean; durability: Durability };

export type Sandbox = { app: SandboxApp; domain: SandboxDomain; persistence?: Persistence; close(): Promise<void>; market?: MarketRuntime };

/** fixtures/default.json of this package (the set `npm start` loads), from the source tree, dist/ or an installed copy. */
function findDefaultFixtures(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'fixtures', 'default.json');
    if (existsSync(candidate)) return candidate;
  }
  return join(from, '..', '..', 'fixtures', 'default.json');
}

/** The path of the default fixture set: its accounts, and its apps' API keys and secrets, are what README uses. */
export const DEFAULT_FIXTURES = findDefaultFixtures(import.meta.dirname);

/**
 * The sandbox in-process, state in memory: `app.request('/session/token', ...)` works without a
 * port, and `domain` exposes the state for assertions. Response checking is on unless turned off.
 * A durable state (--state, --database-url) needs openSandbox, which loads it first.
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  if (options.state || options.databaseUrl) throw new Error('a durable state is loaded asynchronously: use openSandbox(options)');
  const fixtures = fixturesOf(options);
  const domain = new SandboxDomain({
    seed: options.seed,
    store: options.store ?? new MemoryStore(),
    outboxRetention: options.outboxRetention,
    clock: options.clock,
    fixtures,
    rateLimits: options.rateLimits,
  });
  const market = options.marketRuntime ?? createMarketRuntime(domain);
  const app = createHttpApp(domain, { checkResponses: true, ...options, marketRuntime: market });
  return { app, domain, market, close: async () => market.driver.stop() };
}

/**
 * The sandbox with its state in an embedded database file (`state`) or a shared PostgreSQL
 * database (`databaseUrl`): loads what is there (checking every row), or starts from the
 * fixtures when there is nothing, durably, before it answers anything. Without either, the
 * same as createSandbox.
 */
export async function openSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  if (!options.state && !options.databaseUrl) return createSandbox(options);
  const fixtures = fixturesOf(options);
  const durability = await openDurability({ state: options.state, databaseUrl: options.databaseUrl });
  let loaded: Awaited<ReturnType<Durability['open']>>;
  try {
    loaded = await durability.open();
  } catch (error) {
    await durability.close().catch(() => {});
    throw error;
  }
  const store = options.store ?? new MemoryStore();
  for (const row of loaded.rows) store.applyRow(row);
  const domain = new SandboxDomain({
    seed: options.seed,
    store,
    durability,
    outboxRetention: options.outboxRetention,
    loadFixturesNow: false,
    clock: options.clock,
    fixtures,
    rateLimits: options.rateLimits,
  });
  // The random streams, the clock and the keyed-hash pepper (the stored hashes were made with it) are the state's.
  domain.restoreMeta(loaded.meta);
  domain.uow.loaded(loaded.version);
  // A new state gets the fixtures, durably, before anything is answered; decided inside a unit of
  // work, so that of two replicas started at once on a new database only the first loads them.
  let fresh = false;
  await domain.uow.run(() => {
    fresh = domain.uow.durableVersion === 0;
    if (fresh) domain.loadStartupFixtures();
  });
  await domain.uow.watchRemote();
  const market = options.marketRuntime ?? createMarketRuntime(domain);
  const app = createHttpApp(domain, { checkResponses: true, ...options, marketRuntime: market });
  const where = options.databaseUrl ? redactUrl(options.databaseUrl) : options.state!;
  return {
    app,
    domain,
    market,
    persistence: { kind: durability.kind, where, rows: loaded.rows.length, fixturesLoaded: fresh && fixtures !== null, durability },
    close: async () => {
      market.driver.stop();
      await domain.uow.settled();
      await durability.close();
    },
  };
}

function fixturesOf(options: SandboxOptions): FixtureSetData | null {
  return typeof options.fixtures === 'string' ? readFixtureFile(options.fixtures) : (options.fixtures ?? null);
}

/** A database URL without its password, for banners and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the database URL';
  }
}

export { SandboxDomain, SandboxClock, readFixtureFile };
export type { FixtureSetData };
