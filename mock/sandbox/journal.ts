import type { Context, MiddlewareHandler } from 'hono';
import type { SandboxDomain } from '../domain/domain.js';
import type { SandboxEnv } from '../http/deps.js';
import { header } from '../http/header.js';

export type JournalEntry = { id: number; at: number; method: string; path: string; status: number; durationMs: number; uid: string | null; srcIp: string };
export type JournalFilter = { since?: number; limit?: number; method?: string; path?: string; status?: string; uid?: string; control?: boolean };

/** The path whose own answers are not recorded: the journal page polls it. */
export const JOURNAL_PATH = '/__sandbox/requests';

/**
 * The last N requests the sandbox answered, for the control API and its journal page: method,
 * path (never the query string), status, duration, the account the credentials named, and the
 * source IP. Never a body, a header value or a token. A transport record, kept beside the domain.
 */
export class RequestJournal {
  private readonly entries: JournalEntry[] = [];
  private seq = 0;

  constructor(readonly size = 500) {}

  add(entry: Omit<JournalEntry, 'id'>) {
    this.entries.push({ id: ++this.seq, ...entry });
    if (this.entries.length > this.size) this.entries.splice(0, this.entries.length - this.size);
  }

  /** Newest first. */
  find({ since, limit = 200, method, path, status, uid, control = true }: JournalFilter): JournalEntry[] {
    const out: JournalEntry[] = [];
    for (let i = this.entries.length - 1; i >= 0 && out.length < limit; i--) {
      const e = this.entries[i]!;
      if (since !== undefined && e.id <= since) break;
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
    journal.add({ at: domain.clock.now(), method: c.req.method, path: c.req.path, status: c.res.status, durationMs, uid: uid ?? account(c), srcIp: sourceIp(c) });
  };
}
