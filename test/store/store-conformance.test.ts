import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openSandbox, type Sandbox, type SandboxOptions } from '../../mock/server.js';
import { startPostgres } from './pg-harness.js';
import { createApp, openAccount } from '../helpers.js';

/**
 * One suite every store passes, through the whole sandbox (domain, unit of work, adapter):
 * memory, the embedded database (--state) and PostgreSQL (--database-url). A restart is a
 * second sandbox opened on the same place.
 */
const dir = mkdtempSync(join(tmpdir(), 'store-conformance-'));
const postgres = await startPostgres();
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  if (!('skip' in postgres)) await postgres.stop();
});
if ('skip' in postgres) console.log(`skipped: the store conformance suite on PostgreSQL: ${postgres.skip}`);

let databases = 0;

type Place = { durable: boolean; where: () => Promise<SandboxOptions> };
const places: Array<[string, Place | string]> = [
  ['memory', { durable: false, where: async () => ({}) }],
  ['embedded (--state)', { durable: true, where: async () => ({ state: join(dir, `s${++databases}.db`) }) }],
  ['PostgreSQL (--database-url)', 'skip' in postgres ? postgres.skip : { durable: true, where: async () => ({ databaseUrl: await postgres.database(`conformance_${++databases}`) }) }],
];

const rowsOf = (s: Sandbox) => JSON.stringify([...s.domain.store.rows()].filter((r) => r.table !== 'outbox'));

describe.each(places)('the store: %s', (_label, place) => {
  const skip = typeof place === 'string';
  const p = place as Place;

  it.skipIf(skip)('keeps every committed row, index and counter, and nothing of a unit of work that threw halfway', async () => {
    const where = await p.where();
    const first = await openSandbox({ seed: 'conformance', ...where });
    const { uow } = first.domain;
    const account = await uow.run(() => openAccount(first.domain, 'CONF01'));
    const app = await uow.run(() => createApp(first.domain, account, 'Conformance Desk'));
    const before = rowsOf(first);
    await expect(
      uow.run(() => {
        openAccount(first.domain, 'HALF01');
        first.domain.accounts.generateLegacyOtp('CONF01');
        throw new Error('fault halfway');
      }),
    ).rejects.toThrow('fault halfway');
    expect(rowsOf(first)).toBe(before);
    expect(first.domain.store.getAccount('HALF01')).toBeUndefined();
    expect(first.domain.store.appByKeyHash(first.domain.ctx.secrets.hash(app.apiKey))?.id).toBe(app.app.id);
    await first.close();
    if (!p.durable) return;
    const again = await openSandbox({ seed: 'conformance', ...where });
    expect(rowsOf(again)).toBe(before);
    expect(again.domain.store.getAccount('HALF01')).toBeUndefined();
    // Indexes are rebuilt from rows: the API key still finds its app, the next app number follows on.
    expect(again.domain.store.appByKeyHash(again.domain.ctx.secrets.hash(app.apiKey))?.id).toBe(app.app.id);
    const next = await again.domain.uow.run(() => createApp(again.domain, again.domain.store.getAccount('CONF01')!, 'Second Desk'));
    expect(next.app.id).not.toBe(app.app.id);
    await again.close();
  });

  it.skipIf(skip)('a reset deletes every row durably, and the clock never goes back across a restart', async () => {
    const where = await p.where();
    const first = await openSandbox({ seed: 'conformance', ...where });
    await first.domain.uow.run(() => openAccount(first.domain, 'GONE01'));
    await first.domain.uow.run(() => first.domain.reset('empty'));
    const moved = await first.app.request('/__sandbox/clock', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ set: '2099-01-01T00:00:00Z', frozen: true }) });
    expect(moved.status).toBe(200);
    await first.close();
    if (!p.durable) return;
    const again = await openSandbox({ seed: 'conformance', ...where });
    expect(again.domain.store.getAccount('GONE01')).toBeUndefined();
    expect(again.domain.clock.now()).toBe(Date.parse('2099-01-01T00:00:00Z'));
    await again.close();
  });
});
