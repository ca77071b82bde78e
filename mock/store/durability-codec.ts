import { createHash } from 'node:crypto';
import type { Batch, RowChange } from '../domain/store.js';

/** A row's final image in a batch, serialised once. Its position (seq) comes from the adapter: kept if the row exists, else the next of a store-wide counter. */
export type Upsert = { table: string; key: string; json: string };

/** sha-256 of the value's bytes together with what it is stored under, so a value moved to another key fails too. */
export function checksum(...parts: string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\u0000');
  return hash.digest('hex');
}

/** The position is covered too: a changed seq would silently reorder rows on load. */
export const rowSum = (table: string, key: string, seq: number, json: string) => checksum('row', table, key, String(seq), json);
export const metaSum = (key: string, json: string) => checksum('meta', key, json);
export const batchSum = (version: number, json: string) => checksum('batch', String(version), json);
export const stateSum = (format: string, version: number, seq: number) => checksum('state', format, String(version), String(seq));
export const tableSum = (name: string, seq: number) => checksum('table', name, String(seq));

/** The stamp a store writes first, so a database of something else is refused rather than adopted. */
export const FORMAT = 'tradeapi-sandbox-state/1';

/**
 * What a batch leaves behind, as statements can apply it: the keys to delete first (deleted at some point in the batch,
 * so a later re-insert goes to the end like a Map would put it), then the final image of every key written, in the
 * order its final incarnation was first inserted. A key whose last change is a delete is only in `deletes`.
 */
export function collapse(changes: RowChange[]): { deletes: Array<{ table: string; key: string }>; upserts: Upsert[]; tables: string[] } {
  const id = (c: { table: string; key: string }) => `${c.table}\u0000${c.key}`;
  const finals = new Map<string, RowChange>();
  const deleted = new Map<string, { table: string; key: string }>();
  const tables: string[] = [];
  const seen = new Set<string>();
  for (const change of changes) {
    const k = id(change);
    if (change.row === null) {
      finals.delete(k);
      deleted.set(k, { table: change.table, key: change.key });
    } else {
      finals.set(k, change);
      if (!seen.has(change.table)) {
        seen.add(change.table);
        tables.push(change.table);
      }
    }
  }
  const upserts = [...finals.values()].map((c) => ({ table: c.table, key: c.key, json: JSON.stringify(c.row) }));
  return { deletes: [...deleted.values()], upserts, tables };
}

export function encodeBatch(batch: Batch): string {
  return JSON.stringify(batch);
}
