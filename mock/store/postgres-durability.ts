import type { Client, ClientConfig } from 'pg';
import { randomUUID } from 'node:crypto';
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
  create table if not exists sandbox_replicas (id text primary key, version bigint not null, seen_at timestamptz not null);
`;

export type PostgresOptions = {
  /**
   * A replica that has not begun or committed for this long counts as gone: the batches it has not read may be pruned,
   * and if it comes back it is refused at begin (it must restart to reload). Default 10.
   */
  replicaTimeoutMinutes?: number;
  /** Prune the batch log every this many commits of this replica. Default 64. */
  pruneEvery?: number;
};

/**
 * The shared store: replicas of the sandbox on one PostgreSQL database. Rows, meta values and a log of committed
 * batches live in `sandbox_*` tables (JSON kept as text so its checksum holds byte for byte). A group of transactions runs
 * inside one database transaction on one dedicated connection, under a transaction-level advisory lock: begin takes it
 * and returns what the other replicas committed since, commit writes and releases it (COMMIT), release ends it writing
 * nothing but this replica's heartbeat. The batch log keeps what some live replica (sandbox_replicas) has not read yet.
 */
/** The channel on which a commit is announced to the other replicas (payload: the committing replica's id). */
const CHANNEL = 'sandbox_commits';

export class PostgresDurability implements Durability {
  readonly kind = 'postgres' as const;
  private client: Client | undefined;
  private inTransaction = false;
  private version = 0;
  private seq = 0;
  private commits = 0;
  private readonly timeoutMinutes: number;
  private readonly pruneEvery: number;
  private readonly replica = randomUUID();
  private heartbeat: ReturnType<typeof setInterval> | undefined;
  private listener: Client | undefined;

  constructor(
    private readonly url: string,
    options: PostgresOptions = {},
  ) {
    this.timeoutMinutes = options.replicaTimeoutMinutes ?? 10;
    this.pruneEvery = options.pruneEvery ?? 64;
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
        await this.seen(client, 0);
        await client.query('commit');
        this.version = 0;
        this.seq = 0;
        this.beat();
        return { rows: [], meta: {}, version: 0 };
      }
      const rows: RowChange[] = [];
      const tables = await client.query<{ name: string; seq: string; sum: string }>('select name, seq, sum from sandbox_tables order by seq');
      for (const table of tables.rows) {
        table.name = unescapeText(table.name);
        if (table.sum !== tableSum(table.name, Number(table.seq))) throw this.corrupt(`table entry ${table.name} fails its checksum`);
      }
      const all = await client.query<{ tbl: string; key: string; seq: string; json: string; sum: string }>(
        'select r.tbl, r.key, r.seq, r.json, r.sum from sandbox_rows r left join sandbox_tables t on t.name = r.tbl order by t.seq nulls first, r.seq',
      );
      const known = new Set(tables.rows.map((t) => t.name));
      for (const row of all.rows) {
        row.tbl = unescapeText(row.tbl);
        row.key = unescapeText(row.key);
        if (!known.has(row.tbl)) throw this.corrupt(`row ${row.tbl}/${row.key} belongs to no known table`);
        if (row.sum !== rowSum(row.tbl, row.key, Number(row.seq), row.json)) throw this.corrupt(`row ${row.tbl}/${row.key} fails its checksum`);
        rows.push({ table: row.tbl, key: row.key, row: JSON.parse(row.json) });
      }
      const meta: Record<string, unknown> = {};
      for (const entry of (await client.query<{ key: string; json: string; sum: string }>('select key, json, sum from sandbox_meta order by key')).rows) {
        entry.key = unescapeText(entry.key);
        if (entry.sum !== metaSum(entry.key, entry.json)) throw this.corrupt(`meta value ${entry.key} fails its checksum`);
        meta[entry.key] = JSON.parse(entry.json);
      }
      await this.seen(client, state.version);
      await client.query('commit');
      this.version = state.version;
      this.seq = state.seq;
      this.beat();
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
      await this.seen(client, state.version);
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
          deletes.map((d) => escapeText(d.table)),
          deletes.map((d) => escapeText(d.key)),
        ]);
      if (tables.length > 0) {
        const seqs = tables.map(() => ++seq);
        await client.query('insert into sandbox_tables (name, seq, sum) select * from unnest($1::text[], $2::bigint[], $3::text[]) on conflict (name) do nothing', [
          tables.map(escapeText),
          seqs,
          tables.map((name, i) => tableSum(name, seqs[i]!)),
        ]);
      }
      if (upserts.length > 0) {
        const found = await client.query<{ tbl: string; key: string; seq: string }>(
          'select r.tbl, r.key, r.seq from sandbox_rows r join unnest($1::text[], $2::text[]) as u(tbl, key) on r.tbl = u.tbl and r.key = u.key',
          [upserts.map((u) => escapeText(u.table)), upserts.map((u) => escapeText(u.key))],
        );
        const kept = new Map(found.rows.map((r) => [`${r.tbl}\u0000${r.key}`, Number(r.seq)]));
        const seqs = upserts.map((u) => kept.get(`${escapeText(u.table)}\u0000${escapeText(u.key)}`) ?? ++seq);
        await client.query(
          'insert into sandbox_rows (tbl, key, seq, json, sum) select * from unnest($1::text[], $2::text[], $3::bigint[], $4::text[], $5::text[]) on conflict (tbl, key) do update set json = excluded.json, sum = excluded.sum',
          [upserts.map((u) => escapeText(u.table)), upserts.map((u) => escapeText(u.key)), seqs, upserts.map((u) => u.json), upserts.map((u, i) => rowSum(u.table, u.key, seqs[i]!, u.json))],
        );
      }
      const metaEntries = Object.entries(batch.meta).map(([key, value]) => [key, JSON.stringify(value)] as const);
      if (metaEntries.length > 0)
        await client.query(
          'insert into sandbox_meta (key, json, sum) select * from unnest($1::text[], $2::text[], $3::text[]) on conflict (key) do update set json = excluded.json, sum = excluded.sum',
          [metaEntries.map(([key]) => escapeText(key)), metaEntries.map(([, json]) => json), metaEntries.map(([key, json]) => metaSum(key, json))],
        );
      const json = encodeBatch(batch);
      await client.query('insert into sandbox_batches (version, json, sum) values ($1, $2, $3)', [version, json, batchSum(version, json)]);
      await client.query('update sandbox_state set version = $1, seq = $2, sum = $3', [version, seq, stateSum(FORMAT, version, seq)]);
      await this.seen(client, version);
      // Delivered at COMMIT to every replica listening: they catch up without waiting for a request.
      await client.query('select pg_notify($1, $2)', [CHANNEL, this.replica]);
      if (++this.commits % this.pruneEvery === 0) {
        await client.query('delete from sandbox_replicas where seen_at < now() - make_interval(secs => $1)', [this.timeoutMinutes * 60]);
        await client.query('delete from sandbox_batches where version <= (select min(version) from sandbox_replicas)');
      }
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
      await this.client!.query('commit');
      this.inTransaction = false;
    } catch {
      await this.abandon();
    }
  }

  /**
   * Calls `onRemote` when another replica has committed (LISTEN on a connection of its own), so
   * that this one replays it at once: a price set on one replica reaches the stream of the other.
   */
  async watch(onRemote: () => void): Promise<void> {
    const pg = createRequire(import.meta.url)('pg') as typeof import('pg');
    const listener = new pg.Client({ connectionString: this.url, application_name: 'tradeapi-sandbox-listen' });
    listener.on('error', () => {
      if (this.listener === listener) this.listener = undefined;
      listener.end().catch(() => undefined);
    });
    listener.on('notification', (message) => {
      if (message.payload !== this.replica) onRemote();
    });
    await listener.connect();
    await listener.query(`listen ${CHANNEL}`);
    this.listener = listener;
  }

  async close(): Promise<void> {
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    await this.release();
    // Gone replicas must not hold back the pruning of the batch log.
    await this.client?.query('delete from sandbox_replicas where id = $1', [this.replica]).catch(() => undefined);
    await this.drop();
  }

  /**
   * A replica that serves no request for a while is still alive: refresh its seen_at a few times per timeout, so the batches
   * it has not read yet are kept. The query queues behind whatever the connection is doing; a failure waits for the next beat.
   */
  private beat(): void {
    clearInterval(this.heartbeat);
    this.heartbeat = setInterval(
      () => {
        this.client?.query('update sandbox_replicas set seen_at = now() where id = $1', [this.replica]).catch(() => undefined);
      },
      Math.max(1000, (this.timeoutMinutes * 60_000) / 4),
    );
    this.heartbeat.unref();
  }

  /** This replica has read everything up to `version` (a row of sandbox_replicas, written in the current transaction). */
  private async seen(client: Client, version: number): Promise<void> {
    await client.query('insert into sandbox_replicas (id, version, seen_at) values ($1, $2, now()) on conflict (id) do update set version = excluded.version, seen_at = excluded.seen_at', [
      this.replica,
      version,
    ]);
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

/**
 * PostgreSQL text cannot hold U+0000, which the store's composite keys use as a separator: stored table names and keys
 * write it as `\0` and a backslash as `\\` (anything else, the usual case, is stored as is). Checksums cover the
 * original strings. JSON values need nothing: JSON.stringify already writes U+0000 as an escape.
 */
export function escapeText(text: string): string {
  return text.includes('\\') || text.includes('\u0000') ? text.replaceAll('\\', '\\\\').replaceAll('\u0000', '\\0') : text;
}

export function unescapeText(stored: string): string {
  if (!stored.includes('\\')) return stored;
  let text = '';
  for (let i = 0; i < stored.length; i++) {
    const c = stored[i]!;
    if (c === '\\') text += stored[++i] === '0' ? '\u0000' : '\\';
    else text += c;
  }
  return text;
}
