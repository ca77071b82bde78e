import type { ClockState } from '../domain/clock.js';
import { closeSync, existsSync, fchmodSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, truncateSync, writeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname } from 'node:path';
import { MemoryStore } from './memory.js';
import type { Store } from './store.js';

type Op = [string, ...unknown[]];
type Header = { format: 'tradeapi-sandbox-journal'; version: 1; pepper: string };

/** Store calls that change state: each is recorded, then replayed on start. */
const MUTATORS = new Set([
  'putAccount',
  'putApp',
  'nextAppSeq',
  'putChallenge',
  'putSession',
  'putGrant',
  'putRefreshToken',
  'putLoginCode',
  'deleteLoginCode',
  'putDashboardSession',
  'deleteDashboardSession',
  'appendMessage',
  'putIps',
  'deleteIps',
  'putAccessToken',
  'putLtp',
  'putOrder',
  'putAtUser',
  'putAtOrder',
  'clear',
  'restoreMessage',
  'setCounters',
  'sweep',
  'putBasket',
  'deleteBasket',
  'putBasketItem',
  'deleteBasketItem',
  'nextBasketSeq',
  'setBasketSeqs',
  'putConversion',
]);
/** After this many batches the journal is rewritten as one snapshot, so it stays bounded. */
const COMPACT_EVERY = 5_000;

export type OpenedJournal = {
  store: Store;
  /** The keyed-hash pepper the stored hashes were made with. */
  pepper: Buffer;
  /** Where the seeded random streams stood at the last commit. */
  rng: Record<string, number> | null;
  /** Where the clock stood at the last commit (absent in files written before the clock was kept). */
  clock: ClockState | null;
  /** True when the file held no state: the start-up fixtures should be loaded. */
  empty: boolean;
  /** Batches replayed, and whether a torn last batch was dropped. */
  replayed: number;
  droppedTornBatch: boolean;
  close(): void;
};

/**
 * Durable state as an append-only journal of store calls: one JSON line per committed batch
 * (a request's changes), written and fsync'ed before the response goes out. A line cut short by
 * a crash fails to parse and is dropped whole on the next start, so no request is ever half
 * there. Every COMPACT_EVERY batches (and at each start) the file is rewritten as a snapshot
 * through a temporary file and an atomic rename. Chosen over SQLite: no native module to build,
 * and the batches map one-to-one onto the requests that were acknowledged.
 */
export function openJournal(path: string, outboxRetention?: number): OpenedJournal {
  const memory = new MemoryStore(outboxRetention);
  let header: Header;
  let rng: Record<string, number> | null = null;
  let clock: ClockState | null = null;
  let replayed = 0;
  let droppedTornBatch = false;

  if (existsSync(path)) {
    const text = readFileSync(path, 'utf8');
    let offset = text.indexOf('\n') + 1;
    header = JSON.parse(text.slice(0, offset)) as Header;
    if (header.format !== 'tradeapi-sandbox-journal' || header.version !== 1) throw new Error(`${path} is not a tradeapi-sandbox state file`);
    while (offset < text.length) {
      const end = text.indexOf('\n', offset);
      let batch: { ops: Op[]; rng: Record<string, number>; clock?: ClockState } | null = null;
      if (end >= 0) {
        try {
          batch = JSON.parse(text.slice(offset, end));
        } catch {
          batch = null;
        }
      }
      if (!batch) {
        droppedTornBatch = true;
        truncateSync(path, Buffer.byteLength(text.slice(0, offset)));
        break;
      }
      apply(memory, batch.ops);
      rng = batch.rng;
      clock = batch.clock ?? clock;
      replayed++;
      offset = end + 1;
    }
  } else {
    header = { format: 'tradeapi-sandbox-journal', version: 1, pepper: randomBytes(32).toString('base64') };
  }
  const empty = memory.accountCount() === 0 && memory.atUserCount() === 0;

  let fd = -1;
  let batches = 0;
  let pending: Op[] = [];
  // The real time, as a clock that was never moved stands: no batch until it moves.
  let clockLine = JSON.stringify(clock ?? { offset: 0, frozenAt: null });
  const compact = (positions: Record<string, number> | null, at: ClockState | null) => {
    const tmp = `${path}.tmp`;
    // A create mode applies only to a new file: a stale tmp (any mode) goes first, and the mode is set again.
    rmSync(tmp, { force: true });
    const out = openSync(tmp, 'wx', 0o600);
    fchmodSync(out, 0o600);
    writeSync(out, `${JSON.stringify(header)}\n`);
    if (!empty || replayed > 0 || at) writeSync(out, `${JSON.stringify({ ops: memory.snapshot(), rng: positions ?? {}, ...(at ? { clock: at } : {}) })}\n`);
    fsyncSync(out);
    closeSync(out);
    if (fd >= 0) closeSync(fd);
    renameSync(tmp, path);
    const dir = openSync(dirname(path), 'r');
    fsyncSync(dir);
    closeSync(dir);
    fd = openSync(path, 'a', 0o600);
    batches = 0;
  };
  compact(rng, clock);

  const store = new Proxy(memory, {
    get(target, prop, receiver) {
      if (prop === 'commit') {
        return (positions: Record<string, number>, at?: ClockState) => {
          // A clock move changes no record, yet must survive a restart: time never goes back.
          const atLine = JSON.stringify(at ?? null);
          if (pending.length === 0 && atLine === clockLine) return;
          clockLine = atLine;
          const line = `${JSON.stringify({ ops: pending, rng: positions, ...(at ? { clock: at } : {}) })}\n`;
          pending = [];
          writeSync(fd, line);
          fsyncSync(fd);
          if (++batches >= COMPACT_EVERY) compact(positions, at ?? null);
        };
      }
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      if (typeof prop === 'string' && MUTATORS.has(prop)) {
        return (...args: unknown[]) => {
          pending.push([prop, ...args]);
          return value.apply(target, args);
        };
      }
      return value.bind(target);
    },
  }) as unknown as Store;

  return {
    store,
    pepper: Buffer.from(header.pepper, 'base64'),
    rng,
    clock,
    empty,
    replayed,
    droppedTornBatch,
    close: () => {
      if (fd >= 0) closeSync(fd);
      fd = -1;
    },
  };
}

function apply(memory: MemoryStore, ops: Op[]) {
  for (const [name, ...args] of ops) {
    if (!MUTATORS.has(name)) throw new Error(`unknown journal operation ${name}`);
    (memory as unknown as Record<string, (...a: unknown[]) => unknown>)[name]!(...args);
  }
}
