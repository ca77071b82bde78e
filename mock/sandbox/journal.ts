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
  private seq = 0;

  constructor(readonly size = 500) {}

  add(entry: Omit<JournalEntry, 'id'>) {
    const full = { id: ++this.seq, ...entry };
    this.entries.push(full);
    if (this.entries.length > this.size) this.entries.splice(0, this.entries.length - this.size);
    for (const listener of this.listeners) listener(full);
  }

  /** Calls `listener` with every entry added from now on; returns the function that stops it. */
  subscribe(listener: (entry: JournalEntry) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every kept entry, oldest first. */
  all(): readonly JournalEntry[] {
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
      out.push(e);
    }
    return out;
  }

  clear() {
    this.entries.length = 0;
  }
}

/** Records every request but the journal's own reads; the account is read from the credentials the request carried, never stored. */
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
    return c.get('atUser')?.username ?? null;
  };
  return async (c, next) => {
    if (c.req.path === JOURNAL_PATH) return next();
    const started = performance.now();
    const uid = account(c);
    await next();
    const durationMs = Math.round((performance.now() - started) * 10) / 10;
    journal.add({
      at: domain.clock.now(),
      method: c.req.method,
      path: c.req.path,
      status: c.get('sentStatus') ?? c.res.status,
      durationMs,
      uid: uid ?? account(c),
      srcIp: sourceIp(c),
      query: queryOf(c),
      body: await bodyOf(c),
      fault: c.get('fault') ?? null,
      didYouMean: c.get('didYouMean') ?? null,
    });
  };
}

function queryOf(c: Context<SandboxEnv>): Fields | null {
  const query = c.req.queries();
  const names = Object.keys(query);
  if (names.length === 0) return null;
  return redact(Object.fromEntries(names.map((n) => [n, query[n]!.length === 1 ? query[n]![0] : query[n]]))) as Fields;
}

/** Larger bodies (fixture sets) are not kept: the journal holds the last requests, not uploads. */
const MAX_BODY_CHARS = 16 * 1024;

type BodyCache = { text?: Promise<string>; arrayBuffer?: Promise<ArrayBuffer>; json?: Promise<unknown> };

/** The body as the operation read it (from hono's body cache: a body nobody read is not read here), redacted. */
async function bodyOf(c: Context<SandboxEnv>): Promise<Fields | null> {
  const cache = c.req.bodyCache as BodyCache;
  try {
    let text: string | undefined;
    if (cache.text) text = await cache.text;
    else if (cache.arrayBuffer) text = Buffer.from(await cache.arrayBuffer).toString('utf8');
    else if (cache.json) return asFields(redact(await cache.json));
    if (!text || text.length > MAX_BODY_CHARS) return null;
    const type = c.req.header('content-type') ?? '';
    if (type.includes('application/x-www-form-urlencoded')) return asFields(redact(Object.fromEntries(new URLSearchParams(text))));
    return asFields(redact(JSON.parse(text)));
  } catch {
    return null;
  }
}

const asFields = (value: unknown): Fields | null => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Fields) : null);
