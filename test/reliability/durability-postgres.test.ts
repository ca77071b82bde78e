import { existsSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../contracts/setup/processes.js';
import type { Batch } from '../../mock/domain/store.js';
import { StateError } from '../../mock/domain/store.js';
import { PostgresDurability } from '../../mock/store/postgres-durability.js';
import { durabilityConformance } from '../store/durability-conformance.js';
import { startPostgres } from '../store/pg-harness.js';
import { killMidway, startChild } from './durability-process.js';

const server = await startPostgres();
if ('skip' in server) console.log(`PostgreSQL durability tests skipped: ${server.skip}`);
const cluster = 'skip' in server ? undefined : server;
afterAll(async () => cluster?.stop());

let n = 0;
/** A new empty database on the throw-away cluster, and its URL. */
const database = () => cluster!.database(`sandbox_${process.pid}_${++n}`);

async function sql(url: string, text: string, values: unknown[] = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

const settled = <T>(p: Promise<T>) =>
  p.then(
    (value) => ({ value }),
    (error: unknown) => ({ error: error as Error }),
  );

if (cluster) {
  durabilityConformance('shared (PostgreSQL)', async () => {
    const url = await database();
    return () => new PostgresDurability(url);
  });
}

describe.skipIf(!cluster)('shared (PostgreSQL) store', () => {
  const batch = (key: string, row: unknown): Batch => ({ changes: [{ table: 'orders', key, row }], meta: { last: key } });

  it("two instances on one database: begin on A blocks begin on B until A commits, and B catches up with A's batch", async () => {
    const url = await database();
    const a = new PostgresDurability(url);
    const b = new PostgresDurability(url);
    await a.open();
    await b.open();
    expect(await a.begin(0)).toEqual({ batches: [], version: 0 });
    let bBegan = false;
    const bBegin = b.begin(0).then((r) => {
      bBegan = true;
      return r;
    });
    // B is waiting on the advisory lock; nothing A does can let it through before A's COMMIT.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(bBegan).toBe(false);
    const first = batch('ORD1', { qty: 1 });
    expect(await a.commit(first)).toBe(1);
    expect(await bBegin).toEqual({ batches: [first], version: 1 });
    const second = batch('ORD2', { qty: 2 });
    expect(await b.commit(second)).toBe(2);
    expect(await a.begin(1)).toEqual({ batches: [second], version: 2 });
    await a.release();
    await a.close();
    await b.close();
    const c = new PostgresDurability(url);
    const loaded = await c.open();
    await c.close();
    expect(loaded).toEqual({ rows: [...first.changes, ...second.changes], meta: { last: 'ORD2' }, version: 2 });
  });

  it('a changed row is refused at open with a StateError naming the URL (without its password) and the row', async () => {
    const url = await database();
    const d = new PostgresDurability(url);
    await d.open();
    await d.commit(batch('ORD1', { qty: 1 }));
    await d.commit(batch('ORD2', { qty: 2 }));
    await d.close();
    await sql(url, "update sandbox_rows set json = replace(json, '2', '9') where key = 'ORD2'");
    const withPassword = url.replace('postgres@', 'postgres:s3cret@');
    const error = await settled(new PostgresDurability(withPassword).open());
    expect('error' in error && error.error).toBeInstanceOf(StateError);
    const message = 'error' in error ? error.error.message : '';
    expect(message).toContain('orders/ORD2 fails its checksum');
    expect(message).toContain(url.split('@')[1]);
    expect(message).not.toContain('s3cret');
  });

  it('a changed batch in the log is refused at begin; a database of another format is refused at open', async () => {
    const url = await database();
    const a = new PostgresDurability(url);
    const b = new PostgresDurability(url);
    await a.open();
    await b.open();
    await a.commit(batch('ORD1', { qty: 1 }));
    await sql(url, "update sandbox_batches set json = replace(json, 'ORD1', 'ORD7')");
    await expect(b.begin(0)).rejects.toThrow(/batch 1 fails its checksum/);
    await a.close();
    await b.close();
    await sql(url, "update sandbox_state set format = 'someone-else/3'");
    await expect(new PostgresDurability(url).open()).rejects.toThrow(/holds another format/);
  });

  it('a lost connection rejects the commit; the next begin reconnects, and a reopen shows exactly the acknowledged batches', async () => {
    const url = await database();
    const d = new PostgresDurability(url);
    await d.open();
    await d.begin(0);
    expect(await d.commit(batch('ORD1', { qty: 1 }))).toBe(1);
    await d.begin(1);
    await sql(url, "select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'tradeapi-sandbox' and pid <> pg_backend_pid()");
    await expect(d.commit(batch('ORD2', { qty: 2 }))).rejects.toThrow();
    expect(await d.begin(1)).toEqual({ batches: [], version: 1 });
    expect(await d.commit(batch('ORD3', { qty: 3 }))).toBe(2);
    await d.close();
    const again = new PostgresDurability(url);
    const loaded = await again.open();
    await again.close();
    expect(loaded.rows.map((r) => r.key)).toEqual(['ORD1', 'ORD3']);
    expect(loaded.version).toBe(2);
  });

  it('the batch log keeps what a live replica has not read, prunes what every replica has read, and refuses a replica that was gone too long', async () => {
    const url = await database();
    const count = async () => Number((await sql(url, 'select count(*) as n from sandbox_batches')).rows[0].n);
    const a = new PostgresDurability(url, { pruneEvery: 1 });
    const b = new PostgresDurability(url, { pruneEvery: 1 });
    await a.open();
    await b.open();
    for (let i = 1; i <= 3; i++) await a.commit(batch(`ORD${i}`, { qty: i }));
    expect(await count()).toBe(3);
    expect((await b.begin(0)).batches.map((x) => x.meta.last)).toEqual(['ORD1', 'ORD2', 'ORD3']);
    await b.release();
    await a.commit(batch('ORD4', { qty: 4 }));
    expect(await count()).toBe(1);
    expect(await b.begin(3)).toEqual({ batches: [batch('ORD4', { qty: 4 })], version: 4 });
    await b.release();
    await b.close();
    await a.close();

    const c = new PostgresDurability(url, { replicaTimeoutMinutes: 0, pruneEvery: 1 });
    const stale = new PostgresDurability(url);
    await stale.open();
    await c.open();
    await c.commit(batch('ORD5', { qty: 5 }));
    await expect(stale.begin(4)).rejects.toThrow(/were pruned before this replica read them; restart this replica/);
    await stale.close();
    await c.close();
  });

  it('an idle replica stays alive by its heartbeat: the batches it has not read are kept past the timeout', async () => {
    const url = await database();
    const idle = new PostgresDurability(url, { replicaTimeoutMinutes: 0.05 });
    const writer = new PostgresDurability(url, { replicaTimeoutMinutes: 0.05, pruneEvery: 1 });
    await idle.open();
    await writer.open();
    // Twice the 3 s timeout without a request on the idle replica; its heartbeat (every second here) refreshes it.
    await new Promise((resolve) => setTimeout(resolve, 6000));
    await writer.commit(batch('ORD1', { qty: 1 }));
    expect(await idle.begin(0)).toEqual({ batches: [batch('ORD1', { qty: 1 })], version: 1 });
    await idle.close();
    await writer.close();
  });

  it('SIGKILL at a random moment loses no acknowledged commit', async () => {
    if (!existsSync(join(ROOT, 'dist/mock/store/postgres-durability.js'))) return;
    const url = await database();
    let acknowledged = 0;
    for (let round = 0; round < 2; round++) {
      const child = startChild('postgres', url, 'loop');
      acknowledged = await killMidway(child, acknowledged + 20);
      const d = new PostgresDurability(url);
      const loaded = await d.open();
      await d.close();
      console.log(`postgres kill round ${round + 1}: acknowledged up to v${acknowledged}, recovered v${loaded.version}`);
      expect(loaded.version).toBeGreaterThanOrEqual(acknowledged);
      expect(loaded.version).toBeLessThanOrEqual(acknowledged + 1);
      expect(loaded.rows.map((r) => r.key)).toEqual(Array.from({ length: loaded.version }, (_, i) => `v${i + 1}`));
      acknowledged = loaded.version;
    }
  });
});
