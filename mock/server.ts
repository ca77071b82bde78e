import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FixtureSet, type FixtureSetData } from '../spec/schemas/fixtures.js';
import { SandboxClock } from './domain/clock.js';
import { SandboxDomain } from './domain/domain.js';
import { createHttpApp, createMarketRuntime, type HttpOptions, type MarketRuntime } from './http/app.js';
import type { SandboxApp } from './http/deps.js';
import type { Store } from './store/store.js';
import { MemoryStore } from './store/memory.js';
import { openJournal, type OpenedJournal } from './store/journal.js';
import { SecretHasher } from './domain/secrets.js';

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
  /** Keep state in this file (a journal): every acknowledged change survives a restart, even a kill. */
  state?: string;
};

export type Sandbox = { app: SandboxApp; domain: SandboxDomain; journal?: OpenedJournal; market?: MarketRuntime };

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

/** Reads and validates a fixture file; throws with the file name and the first problems. */
export function readFixtureFile(path: string): FixtureSetData {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read fixture file ${path}: ${(error as Error).message}`);
  }
  const parsed = FixtureSet.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Fixture file ${path} is not a fixture set: ${issues.join('; ')}`);
  }
  return parsed.data;
}

/**
 * The sandbox in-process: `app.request('/session/token', ...)` works without a port, and
 * `domain` exposes the state for assertions. Response checking is on unless turned off.
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const fixtures = typeof options.fixtures === 'string' ? readFixtureFile(options.fixtures) : (options.fixtures ?? null);
  const journal = options.state ? openJournal(options.state, options.outboxRetention) : null;
  const domain = new SandboxDomain({
    seed: options.seed,
    store: journal?.store ?? options.store ?? new MemoryStore(options.outboxRetention),
    secrets: journal ? new SecretHasher(journal.pepper) : undefined,
    loadFixturesNow: journal ? journal.empty : true,
    clock: options.clock,
    fixtures,
    rateLimits: options.rateLimits,
  });
  if (journal?.rng) domain.random.restore(journal.rng);
  if (journal?.clock) domain.clock.restore(journal.clock);
  domain.commit();
  const market = options.marketRuntime ?? createMarketRuntime(domain);
  const app = createHttpApp(domain, { checkResponses: true, ...options, marketRuntime: market });
  return { app, domain, market, ...(journal ? { journal } : {}) };
}

export { SandboxDomain, SandboxClock };
export type { FixtureSetData };
