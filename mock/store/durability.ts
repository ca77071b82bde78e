/**
 * The durability port: what a store needs from a database to make its batches survive a crash and, for shared stores,
 * to learn what other processes committed. Adapters: sqlite-durability.ts (embedded, one process) and
 * postgres-durability.ts (shared by replicas). The lead moves these types to mock/domain/store.ts when merging.
 */

/** One row image: `row` null means deleted. Rows are plain JSON values. Table names and keys never contain U+0000 (PostgreSQL text cannot hold it). */
export type RowChange = { table: string; key: string; row: unknown | null };
/** Everything a batch makes durable: row changes in order, plus the meta values (rng positions, clock, counters) as they stand after it. */
export type Batch = { changes: RowChange[]; meta: Record<string, unknown> };
export type Loaded = { rows: RowChange[] /* every live row, in first-insertion order per table, tables in the order first seen */; meta: Record<string, unknown>; version: number };
export interface Durability {
  readonly kind: 'embedded' | 'postgres';
  /** Opens (creating if absent; file mode 0600 for embedded, kept 0600) and loads everything. Throws StateError (message names the file/URL and what to do) on corruption, a foreign file, or (embedded) another live process holding it. */
  open(): Promise<Loaded>;
  /** Only for shared stores (postgres): waits for the cross-process write lock for a group of transactions and returns what other processes committed since `version` (batches in commit order) and the new version. Embedded: resolves at once with no batches. */
  begin(version: number): Promise<{ batches: Batch[]; version: number }>;
  /** Makes the batch durable (fsync'ed / committed) and releases the lock begin took. Rejects (the caller rolls memory back) on ENOSPC/EIO/connection loss; after a rejection the store must still accept later commits once the cause is gone. Returns the new version. */
  commit(batch: Batch): Promise<number>;
  /** Releases the lock begin took without writing. */
  release(): Promise<void>;
  /** A corrupted or unreadable store found at open: message says which file and what to do. */
  close(): Promise<void>;
}
export class StateError extends Error {
  override name = 'StateError';
}
