import { buildRow, type Replayed, type Row } from './report.js';
import { loadIndex, loadSamples } from './samples.js';

export type TargetOptions = { target: string; sessionToken?: string; includeWrites?: boolean; timeoutMs?: number };

/**
 * Replays the published requests against any backend (verify --target URL --report): reads
 * always, writing calls only with includeWrites (against Samco's service they would trade). The
 * requests go as published, with the given session token; the answers are compared with the
 * published samples: status, fields added or removed, value formats changed.
 */
export async function replayTarget(options: TargetOptions): Promise<Row[]> {
  const base = options.target.replace(/\/+$/, '');
  const samples = loadSamples();
  const rows: Row[] = [];
  for (const entry of loadIndex()) {
    const set = samples.get(`${entry.method} ${entry.path}`);
    if (entry.method === 'WSS' || !set || set.request === undefined) {
      rows.push(buildRow({ entry, samples: set, served: null, replays: [], note: entry.method === 'WSS' ? 'the stream is not replayed by verify' : 'no published request to replay' }, base));
      continue;
    }
    if (entry.method !== 'GET' && !options.includeWrites) {
      rows.push(buildRow({ entry, samples: set, served: null, replays: [], note: 'a writing call: not replayed (--include-writes replays it)' }, base));
      continue;
    }
    const published = set.request ?? {};
    const path = entry.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(published.path?.[name] ?? ''));
    const url = path + (published.query ? `?${new URLSearchParams(published.query)}` : '');
    const headers: Record<string, string> = { accept: 'application/json' };
    if (published.body !== undefined) headers['content-type'] = 'application/json';
    if (options.sessionToken) headers['x-session-token'] = options.sessionToken;
    const replay: Replayed = { request: { method: entry.method, path: url, body: published.body, headers }, status: null, body: null };
    try {
      const res = await fetch(`${base}${url}`, {
        method: entry.method,
        headers,
        body: published.body === undefined ? undefined : JSON.stringify(published.body),
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
      replay.status = res.status;
      const text = await res.text();
      try {
        replay.body = JSON.parse(text);
      } catch {
        replay.body = null;
      }
    } catch (error) {
      replay.error = (error as Error).message;
    }
    const served = replay.status !== null && replay.status !== 404 && replay.status !== 405;
    rows.push(buildRow({ entry, samples: set, served, replays: [replay], note: replay.error ? `no answer: ${replay.error}` : '' }, base));
  }
  return rows;
}
