import type { Context, MiddlewareHandler } from 'hono';
import type { SandboxDomain } from '../domain/domain.js';
import type { SandboxEnv } from '../http/deps.js';
import { header } from '../http/header.js';
import type { FiredFaultData } from '../../spec/schemas/faults.js';
import { redact } from './redact.js';

type Fields = Record<string, unknown>;
export type JournalEntry = {
  id: number;
  at: number;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  uid: string | null;
  srcIp: string;
  /** The query and body fields, every credential redacted (null: none, or not JSON or a form). */
  query: Fields | null;
  body: Fields | null;
  /** The fault rule that fired on the request. */
  fault: FiredFaultData | null;
  /** For a request no operation serves: the nearest documented one. */
  didYouMean: string | null;
};
export type JournalFilter = { since?: number; before?: number; limit?: number; method?: string; path?: string; status?: string; uid?: string; control?: boolean; faulted?: boolean };

/** The path whose own answers are not recorded: the journal page polls it. */
export const JOURNAL_PATH = '/__sandbox/requests';

/**
 * The last N requests the sandbox answered, for the control API and its journal page: method,
 * path, status, duration, the account the credentials named, the source IP, the query and body
 * fields with every credential redacted (so that a test can verify what a client sent), the
 * fault that fired and, for a 404, the nearest documented operation. Never a header value or a
 * token. A transport record, kept beside the domain.
 */
export class RequestJournal {
  private readonly entries: JournalEntry[] = [];
  private readonly listeners = new Set<(entry: JournalEntry) => void>();
  private readonly pending = new WeakMap<JournalEntry, RawFields>();
  private seq = 0;

  constructor(readonly size = 500) {}

  /**
   * Records an entry. `raw` holds what the request sent (its query string and body, unparsed): they
   * are parsed and redacted only when somebody reads the entry, never on the request's path.
   */
  add(entry: Omit<JournalEntry, 'id'>, raw?: RawFields) {
    const full = { id: ++this.seq, ...entry };
    if (raw) this.pending.set(full, raw);
    this.entries.push(full);
    // shift: V8 trims the front of the array in place, where splice copies it.
    while (this.entries.length > this.size) this.entries.shift();
    for (const listener of this.listeners) listener(this.read(full));
  }

  /** The entry with its query and body fields parsed and redacted (once). */
  private read(entry: JournalEntry): JournalEntry {
    const raw = this.pending.get(entry);
    if (raw) {
      this.pending.delete(entry);
      entry.query = queryFields(raw.query);
      entry.body = bodyFields(raw);
    }
    return entry;
  }

  /** Calls `listener` with every entry added from now on; returns the function that stops it. */
  subscribe(listener: (entry: JournalEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every kept entry, oldest first. */
  all(): readonly JournalEntry[] {
    for (const entry of this.entries) this.read(entry);
    return this.entries;
  }

  /** The id of the oldest entry still kept (entries before it were dropped), or null when none were dropped. */
  get droppedBefore(): number | null {
    const first = this.entries[0];
    return first && first.id > 1 ? first.id : null;
  }

  /** Newest first; `before` pages back (entries with a smaller id). */
  find({ since, before, limit = 200, method, path, status, uid, control = true, faulted }: JournalFilter): JournalEntry[] {
    const out: JournalEntry[] = [];
    for (let i = this.entries.length - 1; i >= 0 && out.length < limit; i--) {
      const e = this.entries[i]!;
      if (since !== undefined && e.id <= since) break;
      if (before !== undefined && e.id >= before) continue;
      if (faulted && !e.fault) continue;
      if (method && e.method !== method.toUpperCase()) continue;
      if (path && !e.path.includes(path)) continue;
      if (status && String(e.status)[0] !== status[0]) continue;
      if (uid && e.uid?.toUpperCase() !== uid.toUpperCase()) continue;
      if (!control && e.path.startsWith('/__sandbox/')) continue;
      out.push(this.read(e));
    }
    return out;
  }

  clear() {
    this.entries.length = 0;
  }
}

/** Records every request but the journal's own reads; the account is the one the credentials named, never a credential. */
export function journalRecorder(journal: RequestJournal, domain: SandboxDomain, sourceIp: (c: Context<SandboxEnv>) => string): MiddlewareHandler<SandboxEnv> {
  const account = (c: Context<SandboxEnv>): string | null => {
    const dashboard = header(c, 'x-dashboard-token');
    if (dashboard) {
      const a = domain.accounts.dashboardAccount(dashboard);
      if (a.ok) return a.value.uid;
    }
    const session = header(c, 'x-session-token');
    if (session) {
      const s = domain.sessions.authenticate(session);
      if (s.ok) return s.value.account.uid;
    }
    return null;
  };
  return async (c, next) => {
    if (c.req.path === JOURNAL_PATH) return next();
    const started = performance.now();
    await next();
    const durationMs = Math.round((performance.now() - started) * 10) / 10;
    const url = c.req.url;
    const mark = url.indexOf('?');
    journal.add(
      {
        at: domain.clock.now(),
        method: c.req.method,
        path: c.req.path,
        status: c.get('sentStatus') ?? c.res.status,
        durationMs,
        // Whoever authenticated the request named the account (a logout's session is gone by now).
        uid: c.get('account') ?? c.get('atUser')?.username ?? account(c),
        srcIp: sourceIp(c),
        query: null,
        body: null,
        fault: c.get('fault') ?? null,
        didYouMean: c.get('didYouMean') ?? null,
      },
      { query: mark === -1 ? null : url.slice(mark + 1), body: await bodyOf(c), form: header(c, 'content-type')?.includes('application/x-www-form-urlencoded') ?? false },
    );
  };
}

/** What a request sent, as it came: parsed and redacted when read. */
type RawFields = { query: string | null; body: string | object | null; form: boolean };

function queryFields(query: string | null): Fields | null {
  if (!query) return null;
  const fields: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(query)) {
    const seen = fields[name];
    fields[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return Object.keys(fields).length ? (redact(fields) as Fields) : null;
}

/** Larger bodies (fixture sets) are not kept: the journal holds the last requests, not uploads. */
const MAX_BODY_CHARS = 16 * 1024;

type BodyCache = { text?: Promise<string>; arrayBuffer?: Promise<ArrayBuffer>; json?: Promise<unknown> };

/** The body as the operation read it (from hono's body cache: a body nobody read is not read here). */
async function bodyOf(c: Context<SandboxEnv>): Promise<string | object | null> {
  const cache = c.req.bodyCache as BodyCache;
  try {
    if (cache.text) return kept(await cache.text);
    if (cache.arrayBuffer) {
      const bytes = await cache.arrayBuffer;
      return bytes.byteLength > MAX_BODY_CHARS ? null : Buffer.from(bytes).toString('utf8');
    }
    if (cache.json) return (await cache.json) as object;
  } catch {
    return null;
  }
  return null;
}

const kept = (text: string) => (text.length > MAX_BODY_CHARS ? null : text);

function bodyFields({ body, form }: RawFields): Fields | null {
  if (body === null) return null;
  try {
    if (typeof body !== 'string') return asFields(redact(body));
    if (!body) return null;
    if (form) return asFields(redact(Object.fromEntries(new URLSearchParams(body))));
    return asFields(redact(JSON.parse(body)));
  } catch {
    return null;
  }
}

const asFields = (value: unknown): Fields | null => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : null);
