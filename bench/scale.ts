import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSandbox } from '../mock/server.js';
import { writeBigFixture } from './big-fixture.js';
import { median, medianOf, wrk, type Sample } from './load.js';
import { requestJson, rssMb, start, stop } from './servers.js';

export const SCALE_ACCOUNTS = 100_000;
export const SCALE_APPS_EACH = 5;
export const SCALE_APPS = SCALE_ACCOUNTS * SCALE_APPS_EACH;

export type ScaleResult = {
  /** rows[name][connections] */
  rows: Record<string, Record<number, Sample>>;
  emptyRss: number;
  loadedRss: number;
  loadMs: number;
  bytesPerApp: number;
  /** scaled / empty req/s at 50 connections */
  ratio: number;
};

/**
 * Scale: getLimits on the default fixtures and on 100,000 accounts with 500,000 apps, one server
 * at a time; memory per app from the two servers' RSS right after start.
 */
export async function scaleBench(cli: string, fixtures: string, app: { apiKey: string; apiSecret: string }, seconds: number, reps: number): Promise<ScaleResult> {
  const bigFile = join(tmpdir(), `bench-scale-${process.pid}.json`);
  const rows: ScaleResult['rows'] = {};
  const rss: number[] = [];
  let loadMs = 0;
  try {
    const creds = await writeBigFixture(bigFile, SCALE_ACCOUNTS, SCALE_APPS_EACH);
    for (const [name, file, key] of [
      ['default fixtures (12 accounts, 30 apps)', fixtures, app],
      [`${SCALE_ACCOUNTS.toLocaleString('en-US')} accounts, ${SCALE_APPS.toLocaleString('en-US')} apps`, bigFile, creds],
    ] as const) {
      const server = await start(name, process.execPath, (port) => [cli, '--port', String(port), '--quiet', '--fixtures', file], '/__sandbox/info', 600_000);
      try {
        await new Promise((r) => setTimeout(r, 500));
        rss.push(rssMb(server.child.pid!));
        loadMs = server.coldStartMs;
        const res = await requestJson('POST', `${server.url}/session/token`, key);
        if (res.status !== 200) throw new Error(`no session on ${name}: ${JSON.stringify(res.body)}`);
        const request = { method: 'GET', headers: { 'x-session-token': res.body.sessionToken as string } };
        rows[name] = Object.fromEntries([10, 50].map((c) => [c, medianOf(Array.from({ length: reps }, () => wrk(`${server.url}/limit/getLimits`, request, c, seconds)))]));
      } finally {
        await stop(server);
      }
    }
  } finally {
    rmSync(bigFile, { force: true });
  }
  const [empty, big] = Object.values(rows);
  return {
    rows,
    emptyRss: rss[0]!,
    loadedRss: rss[1]!,
    loadMs,
    bytesPerApp: ((rss[1]! - rss[0]!) * 1024 * 1024) / SCALE_APPS,
    ratio: big![50]!.rps / empty![50]!.rps,
  };
}

/** In-process: app.request() with no socket, getLimits sequentially, for `seconds`, median of reps. */
export async function inProcess(fixtures: string, app: { apiKey: string; apiSecret: string }, checkResponses: boolean, seconds: number, reps: number): Promise<number> {
  const { app: hono } = createSandbox({ fixtures, checkResponses });
  const res = await hono.request('/session/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(app) });
  const token = ((await res.json()) as { sessionToken: string }).sessionToken;
  const rates: number[] = [];
  for (let r = 0; r < reps; r++) {
    let n = 0;
    const began = performance.now();
    const end = began + seconds * 1000;
    while (performance.now() < end) {
      for (let i = 0; i < 100; i++) await (await hono.request('/limit/getLimits', { headers: { 'x-session-token': token } })).arrayBuffer();
      n += 100;
    }
    rates.push(n / ((performance.now() - began) / 1000));
  }
  return median(rates);
}
