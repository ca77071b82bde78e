import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../contracts/setup/processes.js';
import { StateError } from '../../mock/domain/store.js';
import { SqliteDurability } from '../../mock/store/sqlite-durability.js';
import { killMidway, startChild } from './durability-process.js';

const dir = mkdtempSync(join(tmpdir(), 'embedded-durability-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const built = existsSync(join(ROOT, 'dist/mock/store/sqlite-durability.js'));

describe.skipIf(!built)('embedded (SQLite) store across processes', () => {
  it('a second process on the same file refuses to start with a StateError naming the file, and starts once the first is gone (even killed -9)', async () => {
    const file = join(dir, 'shared.db');
    const first = new SqliteDurability(file);
    await first.open();
    await first.commit({ changes: [{ table: 't', key: 'a', row: 1 }], meta: {} });
    const second = startChild('sqlite', file, 'hold');
    const refused = JSON.parse(await second.waitFor((line) => line.startsWith('{')));
    expect(await second.exited).toBe(3);
    expect(refused.refused).toBe('StateError');
    expect(refused.message).toContain(`State file ${file} is in use by another running sandbox process`);
    await first.close();

    const holder = startChild('sqlite', file, 'hold');
    expect(JSON.parse(await holder.waitFor((line) => line.startsWith('{')))).toEqual({ opened: 1 });
    const blocked = new SqliteDurability(file);
    await expect(blocked.open()).rejects.toThrow(StateError);
    holder.child.kill('SIGKILL');
    await holder.exited;
    const after = new SqliteDurability(file);
    expect((await after.open()).rows).toEqual([{ table: 't', key: 'a', row: 1 }]);
    await after.close();
  });

  it('SIGKILL at a random moment loses no acknowledged commit (three rounds on one file)', async () => {
    const file = join(dir, 'killed.db');
    let acknowledged = 0;
    for (let round = 0; round < 3; round++) {
      const child = startChild('sqlite', file, 'loop');
      acknowledged = await killMidway(child, acknowledged + 20);
      const d = new SqliteDurability(file);
      const loaded = await d.open();
      await d.close();
      console.log(`embedded kill round ${round + 1}: acknowledged up to v${acknowledged}, recovered v${loaded.version}`);
      expect(loaded.version).toBeGreaterThanOrEqual(acknowledged);
      expect(loaded.version).toBeLessThanOrEqual(acknowledged + 1);
      expect(loaded.rows.map((r) => r.key)).toEqual(Array.from({ length: loaded.version }, (_, i) => `v${i + 1}`));
      expect(loaded.meta).toEqual({ last: loaded.version });
      acknowledged = loaded.version;
    }
  });
});

const root = process.getuid?.() === 0;
const skipFull = root ? '' : 'not root: cannot mount a small tmpfs';
if (skipFull) console.log(`ENOSPC test skipped: ${skipFull}`);

describe.skipIf(!root)('embedded (SQLite) store on a full disk', () => {
  it('a commit that finds no space rejects and writes nothing; once space is freed commits succeed and a reopen shows exactly the acknowledged batches', async () => {
    const mount = join(dir, 'full');
    mkdirSync(mount);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mount]);
    try {
      const file = join(mount, 'state.db');
      const d = new SqliteDurability(file);
      await d.open();
      const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ table: 'orders', key: `k${from + i}`, row: { orderId: `ORD${from + i}`, note: 'x'.repeat(300) } }));
      expect(await d.commit({ changes: rows(0, 10), meta: { step: 1 } })).toBe(1);
      const ballast = join(mount, 'ballast');
      const fd = openSync(ballast, 'w');
      const chunk = Buffer.alloc(16 * 1024, 1);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (error) {
        expect((error as NodeJS.ErrnoException).code).toBe('ENOSPC');
      } finally {
        closeSync(fd);
      }
      const failure = await d.commit({ changes: rows(10, 2000), meta: { step: 2 } }).then(
        () => undefined,
        (e: unknown) => e as { code?: string; message: string },
      );
      expect(failure?.code).toMatch(/^SQLITE_(FULL|IOERR)/);
      rmSync(ballast);
      expect(await d.commit({ changes: rows(5000, 5), meta: { step: 3 } })).toBe(2);
      await d.close();
      const again = new SqliteDurability(file);
      const loaded = await again.open();
      await again.close();
      expect(loaded.version).toBe(2);
      expect(loaded.meta).toEqual({ step: 3 });
      expect(loaded.rows.map((r) => r.key)).toEqual([...rows(0, 10), ...rows(5000, 5)].map((r) => r.key));
    } finally {
      execFileSync('umount', [mount]);
    }
  });
});
