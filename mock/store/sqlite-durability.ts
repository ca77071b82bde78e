import { chmodSync, closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type BetterSqlite3 from 'better-sqlite3';
import { collapse, FORMAT, metaSum, rowSum, stateSum, tableSum } from './durability-codec.js';
import { type Batch, type Durability, type Loaded, type RowChange, StateError } from '../domain/store.js';

type Database = BetterSqlite3.Database;

const SCHEMA = `
  create table if not exists state (id integer primary key check (id = 1), format text not null, version integer not null, seq integer not null, sum text not null);
  create table if not exists tables (name text primary key, seq integer not null, sum text not null) without rowid;
  create table if not exists rows (tbl text not null, key text not null, seq integer not null, json text not null, sum text not null, primary key (tbl, key)) without rowid;
  create table if not exists meta (key text primary key, json text not null, sum text not null) without rowid;
`;

/**
 * The embedded store behind `--state FILE`: one SQLite file (WAL, synchronous=FULL, so a resolved commit is on disk).
 * One process owns it: the connection takes SQLite's exclusive lock at open and keeps it until close (the kernel drops
 * it if the process dies), so a second process is refused instead of diverging from the first one's memory.
 * No batch log: the rows, the meta values and the version are the whole state.
 */
export class SqliteDurability implements Durability {
  readonly kind = 'embedded' as const;
  private db: Database | undefined;
  private version = 0;
  private seq = 0;

  constructor(private readonly file: string) {}

  async open(): Promise<Loaded> {
    if (this.db) throw new Error('already open');
    const Sqlite = createRequire(import.meta.url)('better-sqlite3') as typeof BetterSqlite3;
    let db: Database | undefined;
    try {
      if (!this.looksLikeSqlite()) throw this.foreign('it is not a SQLite database');
      closeSync(openSync(this.file, 'a', 0o600));
      chmodSync(this.file, 0o600);
      db = new Sqlite(this.file, { timeout: 200 });
      // Exclusive before WAL: no shared-memory index, and the lock taken by the first write is held until close.
      db.pragma('locking_mode = EXCLUSIVE');
      const names = db
        .prepare<[], { name: string }>("select name from sqlite_master where type = 'table'")
        .all()
        .map((t) => t.name);
      // Checked before switching to WAL, which would rewrite another application's file header.
      if (names.length > 0 && !names.includes('state')) throw this.foreign('it holds tables of another application');
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.exec('begin immediate; commit');
      const loaded = this.load(db, names);
      this.db = db;
      return loaded;
    } catch (error) {
      db?.close();
      throw this.refusal(error);
    }
  }

  /** An absent or empty file is a new store; anything else must start with SQLite's header before it is touched. */
  private looksLikeSqlite(): boolean {
    if (!existsSync(this.file) || statSync(this.file).size === 0) return true;
    const head = Buffer.alloc(16);
    const fd = openSync(this.file, 'r');
    try {
      readSync(fd, head, 0, 16, 0);
    } finally {
      closeSync(fd);
    }
    return head.toString('latin1') === 'SQLite format 3\u0000';
  }

  private load(db: Database, names: string[]): Loaded {
    const problems = db.pragma('quick_check', { simple: false }) as Array<{ quick_check: string }>;
    if (problems.length !== 1 || problems[0]?.quick_check !== 'ok') throw this.corrupt(`SQLite's check fails: ${problems.map((p) => p.quick_check).join('; ')}`);
    if (names.length === 0) {
      db.transaction(() => {
        db.exec(SCHEMA);
        db.prepare('insert into state (id, format, version, seq, sum) values (1, ?, 0, 0, ?)').run(FORMAT, stateSum(FORMAT, 0, 0));
      })();
      this.version = 0;
      this.seq = 0;
      return { rows: [], meta: {}, version: 0 };
    }
    const state = db.prepare<[], { format: string; version: number; seq: number; sum: string }>('select format, version, seq, sum from state').get();
    if (!state) throw this.corrupt('its state row is missing');
    if (state.format !== FORMAT) throw this.foreign(`its format is ${JSON.stringify(state.format)}, not ${FORMAT}`);
    if (state.sum !== stateSum(state.format, state.version, state.seq)) throw this.corrupt('its state row fails its checksum');
    const tables = db.prepare<[], { name: string; seq: number; sum: string }>('select name, seq, sum from tables').all();
    const position = new Map<string, number>();
    for (const table of tables) {
      if (table.sum !== tableSum(table.name, table.seq)) throw this.corrupt(`table entry ${table.name} fails its checksum`);
      position.set(table.name, table.seq);
    }
    // A plain scan sorted here, not an index: an index SQLite's quick check does not compare with its table cannot reorder rows.
    const stored = db.prepare<[], { tbl: string; key: string; seq: number; json: string; sum: string }>('select tbl, key, seq, json, sum from rows').all();
    for (const row of stored) {
      if (!position.has(row.tbl)) throw this.corrupt(`row ${row.tbl}/${row.key} belongs to no known table`);
      if (row.sum !== rowSum(row.tbl, row.key, row.seq, row.json)) throw this.corrupt(`row ${row.tbl}/${row.key} fails its checksum`);
    }
    stored.sort((a, b) => position.get(a.tbl)! - position.get(b.tbl)! || a.seq - b.seq);
    const rows: RowChange[] = stored.map((row) => ({ table: row.tbl, key: row.key, row: JSON.parse(row.json) }));
    const meta: Record<string, unknown> = {};
    for (const entry of db.prepare<[], { key: string; json: string; sum: string }>('select key, json, sum from meta order by key').all()) {
      if (entry.sum !== metaSum(entry.key, entry.json)) throw this.corrupt(`meta value ${entry.key} fails its checksum`);
      meta[entry.key] = JSON.parse(entry.json);
    }
    this.version = state.version;
    this.seq = state.seq;
    return { rows, meta, version: state.version };
  }

  async begin(_version: number): Promise<{ batches: Batch[]; version: number }> {
    return { batches: [], version: this.version };
  }

  async commit(batch: Batch): Promise<number> {
    const db = this.opened();
    const { deletes, upserts, tables } = collapse(batch.changes);
    const version = this.version + 1;
    let seq = this.seq;
    const write = db.transaction(() => {
      const del = db.prepare('delete from rows where tbl = ? and key = ?');
      for (const d of deletes) del.run(d.table, d.key);
      const known = db.prepare<[string], { n: number }>('select count(*) as n from tables where name = ?');
      const addTable = db.prepare('insert into tables (name, seq, sum) values (?, ?, ?)');
      for (const name of tables) {
        if (known.get(name)!.n === 0) {
          seq += 1;
          addTable.run(name, seq, tableSum(name, seq));
        }
      }
      const existing = db.prepare<[string, string], { seq: number }>('select seq from rows where tbl = ? and key = ?');
      const put = db.prepare('insert or replace into rows (tbl, key, seq, json, sum) values (?, ?, ?, ?, ?)');
      for (const u of upserts) {
        const at = existing.get(u.table, u.key)?.seq ?? ++seq;
        put.run(u.table, u.key, at, u.json, rowSum(u.table, u.key, at, u.json));
      }
      const setMeta = db.prepare('insert into meta (key, json, sum) values (?, ?, ?) on conflict (key) do update set json = excluded.json, sum = excluded.sum');
      for (const [key, value] of Object.entries(batch.meta)) {
        const json = JSON.stringify(value);
        setMeta.run(key, json, metaSum(key, json));
      }
      db.prepare('update state set version = ?, seq = ?, sum = ?').run(version, seq, stateSum(FORMAT, version, seq));
    });
    try {
      write.immediate();
    } catch (error) {
      if (db.inTransaction) db.exec('rollback');
      throw error;
    }
    this.version = version;
    this.seq = seq;
    return version;
  }

  async release(): Promise<void> {}

  async close(): Promise<void> {
    this.db?.close();
    this.db = undefined;
  }

  private opened(): Database {
    if (!this.db) throw new Error(`state file ${this.file} is not open`);
    return this.db;
  }

  private refusal(error: unknown): Error {
    if (error instanceof StateError) return error;
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED')
      return new StateError(`State file ${this.file} is in use by another running sandbox process; stop that process or start this one with another --state file.`);
    if (code === 'SQLITE_NOTADB') return this.foreign('it is not a SQLite database');
    if (code.startsWith('SQLITE_CORRUPT')) return this.corrupt((error as Error).message);
    if (code.startsWith('SQLITE_') || code.startsWith('E'))
      return new StateError(`State file ${this.file} cannot be opened (${(error as Error).message}); check the path, its permissions and the free space.`);
    return error as Error;
  }

  private corrupt(what: string): StateError {
    return new StateError(`State file ${this.file} is corrupted: ${what}. Restore it from a backup, or move it away to start with an empty state; the sandbox does not repair or truncate it.`);
  }

  private foreign(why: string): StateError {
    return new StateError(`File ${this.file} is not a tradeapi-sandbox state file (${why}); give --state a new path or a file this sandbox wrote.`);
  }
}
