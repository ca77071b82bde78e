import type { Client, ClientConfig } from 'pg';
import { createRequire } from 'node:module';
import { batchSum, collapse, encodeBatch, FORMAT, metaSum, rowSum, stateSum, tableSum } from './durability-codec.js';
import { type Batch, type Durability, type Loaded, type RowChange, StateError } from '../domain/store.js';

/** The key of the advisory lock every replica takes for a group of transactions (any constant; "tradeapi" in ASCII). */
const LOCK = BigInt('0x7472616465617069').toString();

const SCHEMA = `
  create table if not exists sandbox_state (id integer primary key check (id = 1), format text not null, version bigint not null, seq bigint not null, sum text not null);
  create table if not exists sandbox_tables (name text primary key, seq bigint not null, sum text not null);
  create table if not exists sandbox_rows (tbl text not null, key text not null, seq bigint not null, json text not null, sum text not null, primary key (tbl, key));
  create index if not exists sandbox_rows_order on sandbox_rows (tbl, seq);
  create table if not exists sandbox_meta (key text primary key, json text not null, sum text not null);
  create table if not exists sandbox_batches (version bigint primary key, json text not null, sum text not null, at timestamptz not null default now());
`;

export type PostgresOptions = {
  /** Batches older than this are pruned; a replica that fell further behind is refused at begin (it must restart). */
  keepBatchesMinutes?: number;
};

/**
 * The shared store: replicas of the sandbox on one PostgreSQL database. Rows, meta values and a log of committed
 * batches live in `sandbox_*` tables (JSON kept as text so its checksum holds byte for byte). A group of transactions runs
 * inside one database transaction on one dedicated connection, under a transaction-level advisory lock: begin takes it
 * and returns what the other replicas committed since, commit writes and releases it (COMMIT), release rolls back.
 */
export class PostgresDurability implements Durability {
  readonly kind = 'postgres' as const;
  private client: Client | undefined;
  private inTransaction = false;
  private version = 0;
  private seq = 0;
  private commits = 0;
  private readonly keepMinutes: number;

  constructor(
    private readonly url: string,
    options: PostgresOptions = {},
  ) {
    this.keepMinutes = options.keepBatchesMinutes ?? 10;
  }

  async open(): Promise<Loaded> {
    const client = await this.connect();
    try {
      await client.query('begin');
      await client.query('select pg_advisory_xact_lock($1)', [LOCK]);
      await client.query(SCHEMA);
      const state = await this.readState(client);
      if (!state) {
        await client.query('insert into sandbox_state (id, format, version, seq, sum) values (1, $1, 0, 0, $2)', [FORMAT, stateSum(FORMAT, 0, 0)]);
        await client.query('commit');
        this.version = 0;
        this.seq = 0;
        return { rows: [], meta: {}, version: 0 };
      }
      const rows: RowChange[] = [];
      const tables = await client.query<{ name: string; seq: string; sum: string }>('select name, seq, sum from sandbox_tables order by seq');
      for (const table of tables.rows) if (table.sum !== tableSum(table.name, Number(table.seq))) throw this.corrupt(`table entry ${table.name} fails its checksum`);
      const all = await client.query<{ tbl: string; key: string; seq: string; json: string; sum: string }>(
        'select r.tbl, r.key, r.seq, r.json, r.sum from sandbox_rows r left join sandbox_tables t on t.name = r.tbl order by t.seq nulls first, r.seq',
      );
      const known = new Set(tables.rows.map((t) => t.name));
      for (const row of all.rows) {
        if (!known.has(row.tbl)) throw this.corrupt(`row ${row.tbl}/${row.key} belongs to no known table`);
        if (row.sum !== rowSum(row.tbl, row.key, Number(row.seq), row.json)) throw this.corrupt(`row ${row.tbl}/${row.key} fails its checksum`);
        rows.push({ table: row.tbl, key: row.key, row: JSON.parse(row.json) });
      }
      const meta: Record<string, unknown> = {};
      for (const entry of (await client.query<{ key: string; json: string; sum: string }>('select key, json, sum from sandbox_meta order by key')).rows) {
        if (entry.sum !== metaSum(entry.key, entry.json)) throw this.corrupt(`meta value ${entry.key} fails its checksum`);
        meta[entry.key] = JSON.parse(entry.json);
      }
      await client.query('commit');
      this.version = state.version;
      this.seq = state.seq;
      return { rows, meta, version: state.version };
    } catch (error) {
      await this.drop();
      if (error instanceof StateError) throw error;
      throw new StateError(`PostgreSQL state at ${this.where()} cannot be opened (${(error as Error).message}); check that the server is up and the URL, user and database are right.`);
    }
  }

  async begin(version: number): Promise<{ batches: Batch[]; version: number }> {
    if (this.inTransaction) throw new Error('begin called twice without commit or release');
    const client = await this.connect();
    try {
      await client.query('begin');
      this.inTransaction = true;
      await client.query('select pg_advisory_xact_lock($1)', [LOCK]);
      const state = await this.readState(client);
      if (!state) throw this.corrupt('its sandbox_state row is missing');
      if (state.version < version)
        throw new StateError(`PostgreSQL state at ${this.where()} is at version ${state.version}, behind this replica's ${version}: it was reset or restored; restart every replica.`);
      const logged = await client.query<{ version: string; json: string; sum: string }>('select version, json, sum from sandbox_batches where version > $1 order by version', [version]);
      const batches: Batch[] = [];
      let expected = version + 1;
      for (const entry of logged.rows) {
        const v = Number(entry.version);
        if (v !== expected) break;
        if (entry.sum !== batchSum(v, entry.json)) throw this.corrupt(`batch ${v} fails its checksum`);
        batches.push(JSON.parse(entry.json) as Batch);
        expected += 1;
      }
      if (expected !== state.version + 1)
        throw new StateError(`PostgreSQL state at ${this.where()}: the batches after version ${expected - 1} were pruned before this replica read them; restart this replica to reload the state.`);
      this.version = state.version;
      this.seq = state.seq;
      return { batches, version: state.version };
    } catch (error) {
      await this.abandon();
      throw error;
    }
  }

  async commit(batch: Batch): Promise<number> {
    if (!this.inTransaction) {
      const caught = await this.begin(this.version);
      if (caught.batches.length > 0) {
        await this.release();
        throw new Error('commit without begin while other replicas committed: call begin first and apply its batches');
      }
    }
    const client = this.client!;
    try {
      const { deletes, upserts, tables } = collapse(batch.changes);
      const version = this.version + 1;
      let seq = this.seq;
      if (deletes.length > 0)
        await client.query('delete from sandbox_rows r using unnest($1::text[], $2::text[]) as d(tbl, key) where r.tbl = d.tbl and r.key = d.key', [
          deletes.map((d) => d.table),
          deletes.map((d) => d.key),
        ]);
      if (tables.length > 0) {
        const seqs = tables.map(() => ++seq);
        await client.query('insert into sandbox_tables (name, seq, sum) select * from unnest($1::text[], $2::bigint[], $3::text[]) on conflict (name) do nothing', [
          tables,
          seqs,
          tables.map((name, i) => tableSum(name, seqs[i]!)),
        ]);
      }
      if (upserts.length > 0) {
        const found = await client.query<{ tbl: string; key: string; seq: string }>(
          'select r.tbl, r.key, r.seq from sandbox_rows r join unnest($1::text[], $2::text[]) as u(tbl, key) on r.tbl = u.tbl and r.key = u.key',
          [upserts.map((u) => u.table), upserts.map((u) => u.key)],
        );
        const kept = new Map(found.rows.map((r) => [`${r.tbl}\u0000${r.key}`, Number(r.seq)]));
        const seqs = upserts.map((u) => kept.get(`${u.table}\u0000${u.key}`) ?? ++seq);
        await client.query(
          'insert into sandbox_rows (tbl, key, seq, json, sum) select * from unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[]) on conflict (tbl, key) do update set json = excluded.json, sum = excluded.sum',
          [upserts.map((u) => u.table), upserts.map((u) => u.key), seqs, upserts.map((u) => u.json), upserts.map((u, i) => rowSum(u.table, u.key, seqs[i]!, u.json))],
        );
      }
      const metaEntries = Object.entries(batch.meta).map(([key, value]) => [key, JSON.stringify(value)] as const);
      if (metaEntries.length > 0)
        await client.query(
          'insert into sandbox_meta (key, json, sum) select * from unnest($1::text[], $2::text[], $3::text[]) on conflict (key) do update set json = excluded.json, sum = excluded.sum',
          [metaEntries.map(([key]) => key), metaEntries.map(([, json]) => json), metaEntries.map(([key, json]) => metaSum(key, json))],
        );
      const json = encodeBatch(batch);
      await client.query('insert into sandbox_batches (version, json, sum) values ($1, $2, $3)', [version, json, batchSum(version, json)]);
      await client.query('update sandbox_state set version = $1, seq = $2, sum = $3', [version, seq, stateSum(FORMAT, version, seq)]);
      if (++this.commits % 64 === 0) await client.query('delete from sandbox_batches where at < now() - make_interval(mins => $1)', [this.keepMinutes]);
      await client.query('commit');
      this.inTransaction = false;
      this.version = version;
      this.seq = seq;
      return version;
    } catch (error) {
      await this.abandon();
      throw error;
    }
  }

  async release(): Promise<void> {
    if (!this.inTransaction) return;
    try {
      await this.client!.query('rollback');
      this.inTransaction = false;
    } catch {
      await this.abandon();
    }
  }

  async close(): Promise<void> {
    await this.release();
    await this.drop();
  }

  private async readState(client: Client): Promise<{ version: number; seq: number } | undefined> {
    const found = await client.query<{ format: string; version: string; seq: string; sum: string }>('select format, version, seq, sum from sandbox_state');
    const state = found.rows[0];
    if (!state) return undefined;
    if (state.format !== FORMAT)
      throw new StateError(`PostgreSQL database at ${this.where()} holds another format (${JSON.stringify(state.format)}, not ${FORMAT}); use an empty database for the sandbox.`);
    const version = Number(state.version);
    const seq = Number(state.seq);
    if (state.sum !== stateSum(state.format, version, seq)) throw this.corrupt('its sandbox_state row fails its checksum');
    return { version, seq };
  }

  /** A failed statement leaves the connection in an unknown state (aborted transaction, lost socket): start over with a new one. */
  private async abandon(): Promise<void> {
    this.inTransaction = false;
    const client = this.client;
    if (!client) return;
    try {
      await client.query('rollback');
    } catch {
      await this.drop();
    }
  }

  private async connect(): Promise<Client> {
    if (this.client) return this.client;
    const pg = createRequire(import.meta.url)('pg') as typeof import('pg');
    const config: ClientConfig = { connectionString: this.url, application_name: 'tradeapi-sandbox' };
    const client = new pg.Client(config);
    // A lost connection is reported on the next statement; without a listener it would crash the process.
    client.on('error', () => {
      if (this.client === client) this.client = undefined;
      client.end().catch(() => undefined);
    });
    await client.connect();
    this.client = client;
    return client;
  }

  private async drop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.inTransaction = false;
    if (client) await client.end().catch(() => undefined);
  }

  private corrupt(what: string): StateError {
    return new StateError(`PostgreSQL state at ${this.where()} is corrupted: ${what}. Restore the database from a backup, or point the sandbox at an empty one; it does not repair or drop data.`);
  }

  /** The URL without its password, for messages. */
  private where(): string {
    try {
      const url = new URL(this.url);
      url.password = '';
      return url.toString();
    } catch {
      return 'the configured URL';
    }
  }
}
