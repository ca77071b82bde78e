import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { StateError } from '../../mock/domain/store.js';
import { SqliteDurability } from '../../mock/store/sqlite-durability.js';
import { durabilityConformance } from './durability-conformance.js';

const dir = mkdtempSync(join(tmpdir(), 'sqlite-durability-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const freshFile = () => join(dir, `state-${++n}.db`);

durabilityConformance('embedded (SQLite)', async () => {
  const file = freshFile();
  return () => new SqliteDurability(file);
});

async function written(file: string, rows: number) {
  const d = new SqliteDurability(file);
  await d.open();
  await d.begin(0);
  await d.commit({ changes: Array.from({ length: rows }, (_, i) => ({ table: 'orders', key: `k${i}`, row: { orderId: `ORD${i}`, note: 'x'.repeat(200) } })), meta: { clock: 1 } });
  await d.close();
}

const refusal = async (file: string) => {
  const d = new SqliteDurability(file);
  const error = await d.open().then(
    () => undefined,
    (e: unknown) => e,
  );
  await d.close();
  return error;
};

describe('embedded (SQLite): the state file', () => {
  it('is created with mode 0600 and kept 0600, its WAL too', async () => {
    const file = freshFile();
    await written(file, 3);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    chmodSync(file, 0o644);
    const d = new SqliteDurability(file);
    await d.open();
    await d.commit({ changes: [{ table: 'orders', key: 'x', row: 1 }], meta: {} });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(`${file}-wal`).mode & 0o777).toBe(0o600);
    await d.close();
  });

  it('a row whose stored JSON was changed behind its back fails its checksum at open: StateError naming the file and the row', async () => {
    const file = freshFile();
    await written(file, 10);
    const raw = new Database(file);
    raw.prepare("update rows set json = replace(json, 'ORD7', 'ORD8') where key = 'k7'").run();
    raw.close();
    const error = await refusal(file);
    expect(error).toBeInstanceOf(StateError);
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toContain('orders/k7 fails its checksum');
  });

  it('a changed position (seq) fails the checksum too, so rows are never silently reordered', async () => {
    const file = freshFile();
    await written(file, 10);
    const raw = new Database(file);
    raw.prepare("update rows set seq = 1000 where key = 'k2'").run();
    raw.close();
    const error = await refusal(file);
    expect(error).toBeInstanceOf(StateError);
    expect((error as Error).message).toContain('orders/k2 fails its checksum');
  });

  it('a flipped byte anywhere in the rows is refused at open, never loaded as other data', async () => {
    const file = freshFile();
    await written(file, 300);
    const bytes = readFileSync(file);
    const at = bytes.indexOf('ORD150');
    expect(at).toBeGreaterThan(0);
    bytes[at + 4] = '9'.charCodeAt(0);
    writeFileSync(file, bytes);
    const error = await refusal(file);
    expect(error).toBeInstanceOf(StateError);
    expect((error as Error).message).toContain(`State file ${file} is corrupted`);
  });

  it('a flipped byte in the middle of a 10,000-row file is refused at open', async () => {
    const file = freshFile();
    await written(file, 10_000);
    const bytes = readFileSync(file);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = bytes[at]! ^ 0xff;
    writeFileSync(file, bytes);
    const error = await refusal(file);
    expect(error).toBeInstanceOf(StateError);
    expect((error as Error).message).toMatch(/corrupted|not a tradeapi-sandbox state file/);
  });

  it('a file that is not ours is refused, not adopted: a text file, another SQLite database', async () => {
    const text = freshFile();
    writeFileSync(text, 'orders,qty\nORD1,10\n'.repeat(100));
    const a = await refusal(text);
    expect(a).toBeInstanceOf(StateError);
    expect((a as Error).message).toContain(`File ${text} is not a tradeapi-sandbox state file`);
    expect(readFileSync(text, 'utf8')).toBe('orders,qty\nORD1,10\n'.repeat(100));
    const other = freshFile();
    const raw = new Database(other);
    raw.exec('create table invoices (id integer primary key)');
    raw.close();
    const b = await refusal(other);
    expect((b as Error).message).toContain('another application');
    const untouched = new Database(other);
    expect(untouched.pragma('journal_mode', { simple: true })).toBe('delete');
    untouched.close();
  });

  it('a path that cannot be created is a StateError naming it', async () => {
    const file = join(dir, 'no-such-dir', 'state.db');
    const error = await refusal(file);
    expect(error).toBeInstanceOf(StateError);
    expect((error as Error).message).toContain(`State file ${file} cannot be opened`);
  });

  it('a second opener in the same process is refused while the first holds the file', async () => {
    const file = freshFile();
    const first = new SqliteDurability(file);
    await first.open();
    const error = await refusal(file);
    expect(error).toBeInstanceOf(StateError);
    expect((error as Error).message).toContain('in use by another running sandbox process');
    await first.close();
    const again = new SqliteDurability(file);
    expect((await again.open()).version).toBe(0);
    await again.close();
  });
});
