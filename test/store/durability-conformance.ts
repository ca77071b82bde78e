import { describe, expect, it } from 'vitest';
import type { Batch, Durability, Loaded } from '../../mock/domain/store.js';

/** Makes a fresh, empty store location and returns how to open an adapter on it (a new instance per call). */
export type Fresh = () => Promise<() => Durability>;

const order = (i: number) => ({ orderId: `ORD${i}`, qty: i, status: 'open', legs: [{ price: '2450.55', side: 'BUY' }] });

async function reopen(make: () => Durability): Promise<Loaded> {
  const d = make();
  try {
    return await d.open();
  } finally {
    await d.close();
  }
}

async function commitAll(d: Durability, batches: Batch[]): Promise<number[]> {
  const versions: number[] = [];
  for (const batch of batches) {
    const { version } = await d.begin(versions.at(-1) ?? 0);
    expect(version).toBe(versions.at(-1) ?? 0);
    versions.push(await d.commit(batch));
  }
  return versions;
}

/** What every Durability adapter must do, whatever it stores in (design: one conformance suite every adapter passes). */
export function durabilityConformance(label: string, fresh: Fresh) {
  describe(`${label}: the Durability port`, () => {
    it('opens empty, then reloads committed rows and meta after a restart, tables in the order first seen and rows in first-insertion order', async () => {
      const make = await fresh();
      const d = make();
      expect(await d.open()).toEqual({ rows: [], meta: {}, version: 0 });
      const versions = await commitAll(d, [
        {
          changes: [
            { table: 'orders', key: 'b', row: order(2) },
            { table: 'accounts', key: 'DV1', row: { uid: 'DV1' } },
            { table: 'orders', key: 'a', row: order(1) },
          ],
          meta: { clock: 100, rng: [1, 2] },
        },
        {
          changes: [
            { table: 'orders', key: 'b', row: order(22) },
            { table: 'orders', key: 'c', row: order(3) },
          ],
          meta: { clock: 200 },
        },
        {
          changes: [
            { table: 'sessions', key: 'é/"x\\0\\\u0000🙂', row: 'a string row' },
            { table: 'counters', key: 'n', row: 0 },
          ],
          meta: { counters: { orders: 3 }, 'ip\u0000index': ['a\u0000b'] },
        },
      ]);
      expect(versions).toEqual([1, 2, 3]);
      await d.close();
      expect(await reopen(make)).toEqual({
        rows: [
          { table: 'orders', key: 'b', row: order(22) },
          { table: 'orders', key: 'a', row: order(1) },
          { table: 'orders', key: 'c', row: order(3) },
          { table: 'accounts', key: 'DV1', row: { uid: 'DV1' } },
          { table: 'sessions', key: 'é/"x\\0\\\u0000🙂', row: 'a string row' },
          { table: 'counters', key: 'n', row: 0 },
        ],
        meta: { clock: 200, rng: [1, 2], counters: { orders: 3 }, 'ip\u0000index': ['a\u0000b'] },
        version: 3,
      });
    });

    it('deletes rows; a row deleted and written again goes to the end of its table, also within one batch', async () => {
      const make = await fresh();
      const d = make();
      await d.open();
      await commitAll(d, [
        { changes: ['a', 'b', 'c', 'd'].map((key, i) => ({ table: 't', key, row: order(i) })), meta: {} },
        {
          changes: [
            { table: 't', key: 'a', row: null },
            { table: 't', key: 'missing', row: null },
            { table: 't', key: 'b', row: null },
          ],
          meta: {},
        },
        {
          changes: [
            { table: 't', key: 'b', row: order(20) },
            { table: 't', key: 'c', row: null },
            { table: 't', key: 'c', row: order(30) },
            { table: 't', key: 'd', row: order(40) },
          ],
          meta: {},
        },
        {
          changes: [
            { table: 't', key: 'e', row: order(5) },
            { table: 't', key: 'e', row: null },
          ],
          meta: {},
        },
      ]);
      await d.close();
      const loaded = await reopen(make);
      expect(loaded.rows).toEqual([
        { table: 't', key: 'd', row: order(40) },
        { table: 't', key: 'b', row: order(20) },
        { table: 't', key: 'c', row: order(30) },
      ]);
      expect(loaded.version).toBe(4);
    });

    it('release writes nothing and keeps the version; later commits still work', async () => {
      const make = await fresh();
      const d = make();
      await d.open();
      await commitAll(d, [{ changes: [{ table: 't', key: 'k', row: 1 }], meta: { m: 1 } }]);
      expect((await d.begin(1)).version).toBe(1);
      await d.release();
      expect((await d.begin(1)).batches).toEqual([]);
      expect(await d.commit({ changes: [{ table: 't', key: 'k', row: 2 }], meta: {} })).toBe(2);
      await d.close();
      expect(await reopen(make)).toEqual({ rows: [{ table: 't', key: 'k', row: 2 }], meta: { m: 1 }, version: 2 });
    });

    it('commits a 5,000-row batch in one go and reloads it in order', async () => {
      const make = await fresh();
      const d = make();
      await d.open();
      const changes = Array.from({ length: 5000 }, (_, i) => ({ table: i % 2 ? 'odd' : 'even', key: `k${i}`, row: order(i) }));
      await d.begin(0);
      expect(await d.commit({ changes, meta: { n: 5000 } })).toBe(1);
      await d.close();
      const loaded = await reopen(make);
      expect(loaded.rows.map((r) => r.key)).toEqual([...changes.filter((c) => c.table === 'even'), ...changes.filter((c) => c.table === 'odd')].map((c) => c.key));
      expect(loaded.meta).toEqual({ n: 5000 });
    });
  });
}
