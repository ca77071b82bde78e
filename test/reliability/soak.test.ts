import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freePort, ROOT, startProcess, stop } from '../../contracts/setup/processes.js';
import { client } from './http-client.js';

/**
 * A bounded soak: SOAK_SECONDS (20 in the test run; `npm run soak` runs 180) of mixed traffic on
 * loopback against a sandbox with a state file and a small outbox, 16 requests in flight, then
 * it stops by itself. Reports resident memory at start and end; checks that the outbox stays at
 * its cap, the journal is compacted, and nothing answered 5xx.
 */
const SECONDS = Number(process.env.SOAK_SECONDS ?? 20);
const RETENTION = 2_000;

function rssKb(pid: number): number {
  const line = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Number(line?.match(/(\d+)/)?.[1] ?? 0);
}

describe('soak', () => {
  it(`${SECONDS} s of mixed traffic: bounded outbox and journal, no 5xx`, { timeout: (SECONDS + 60) * 1000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'soak-'));
    const file = join(dir, 'soak.journal');
    const port = await freePort();
    const args = [
      '--expose-gc',
      join(ROOT, 'dist/mock/cli.js'),
      '--port',
      String(port),
      '--quiet',
      '--no-rate-limits',
      '--state',
      file,
      '--outbox-retention',
      String(RETENTION),
      '--fixtures',
      'fixtures/default.json',
    ];
    const server = await startProcess('soak', process.execPath, args, port, '/__sandbox/info');
    const api = client(server.url);
    const fixtures = JSON.parse(readFileSync(join(ROOT, 'fixtures/default.json'), 'utf8')) as {
      accounts: Array<{ uid: string; password: string; apps?: Array<{ status: string; apiKey: string; apiSecret: string }> }>;
    };
    const active = fixtures.accounts.flatMap((a) => (a.apps ?? []).filter((x) => x.status === 'Active'));
    const statuses: Record<number, number> = {};
    let requests = 0;
    const count = (status: number) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
      requests++;
    };
    try {
      for (let i = 0; i < 200; i++) count((await api.call('GET', '/__sandbox/info')).status);
      const startRss = rssKb(server.child.pid!);
      const startHeap = ((await api.call('GET', '/__sandbox/info?gc=true')).body.memory.heapUsedBytes / 1024 / 1024).toFixed(1);
      const deadline = Date.now() + SECONDS * 1000;
      const worker = async (w: number) => {
        for (let i = 0; Date.now() < deadline; i++) {
          const account = fixtures.accounts[(w + i) % fixtures.accounts.length]!;
          const app = active[(w + i) % active.length]!;
          switch (i % 6) {
            case 0:
              count((await api.call('POST', '/otp/generateOtp', { uid: account.uid })).status);
              break;
            case 1:
              count((await api.call('POST', '/otp/secretKeyGenerator', { uid: account.uid, otp: '000000' })).status);
              break;
            case 2: {
              const s = await api.call('POST', '/session/token', { apiKey: app.apiKey, apiSecret: app.apiSecret });
              count(s.status);
              count((await api.call('GET', '/limit/getLimits', undefined, { 'x-session-token': s.body.sessionToken })).status);
              count((await api.call('DELETE', '/logout', undefined, { 'x-session-token': s.body.sessionToken })).status);
              break;
            }
            case 3:
              count((await api.call('POST', '/app/api/login', { userId: account.uid, password: 'wrong' })).status);
              break;
            case 4:
              count((await api.call('GET', `/__sandbox/outbox?uid=${account.uid}&limit=5`)).status);
              break;
            default:
              count((await api.call('POST', '/session/token', { apiKey: 'nope', apiSecret: 'nope' })).status);
          }
        }
      };
      await Promise.all(Array.from({ length: 16 }, (_, w) => worker(w)));
      const endRss = rssKb(server.child.pid!);
      const info = (await api.call('GET', '/__sandbox/info?gc=true')).body;
      const heapMb = (info.memory.heapUsedBytes / 1024 / 1024).toFixed(1);
      const journalBytes = statSync(file).size;
      console.log(
        `soak ${SECONDS}s: ${requests} requests, statuses ${JSON.stringify(statuses)}; RSS start ${(startRss / 1024).toFixed(1)} MB, end ${(endRss / 1024).toFixed(1)} MB (heap after GC ${startHeap} -> ${heapMb} MB); sessions ${info.counts.activeSessions} active; outbox ${info.counts.outbox}; journal ${(journalBytes / 1024 / 1024).toFixed(1)} MB`,
      );
      expect(Object.keys(statuses).filter((s) => Number(s) >= 500)).toEqual([]);
      expect(info.counts.outbox).toBeLessThanOrEqual(RETENTION);
      if (requests > 20_000) expect(info.counts.outbox).toBe(RETENTION);
      // Live data after GC stays small: growth per request would be a leak (two were found this way).
      expect(info.memory.heapUsedBytes - Number(startHeap) * 1024 * 1024).toBeLessThan(64 * 1024 * 1024);
    } finally {
      await stop(server);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
