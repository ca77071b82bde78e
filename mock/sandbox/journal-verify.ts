import { compileMatcher } from './faults/pattern.js';
import type { JournalEntry } from './journal.js';

export type VerifyQuery = {
  method?: string | undefined;
  path: string;
  account?: string | undefined;
  fields?: Record<string, string | number | boolean | null> | undefined;
  exactly?: number | undefined;
  atLeast?: number | undefined;
  atMost?: number | undefined;
  since?: number | undefined;
};

export type Verdict = { verified: boolean; count: number; expected: string; requestIds: number[] };

/** A field's value as text, so that "10" (a form, a query) and 10 (JSON) compare equal. */
const asText = (value: unknown) => (value === null || value === undefined ? String(value) : typeof value === 'object' ? JSON.stringify(value) : String(value));

/** The expectation a query states, or null when it states none or more than one. */
export function expectationOf(q: VerifyQuery): { text: string; holds: (n: number) => boolean } | null {
  const given = [q.exactly, q.atLeast, q.atMost].filter((v) => v !== undefined).length;
  if (given !== 1) return null;
  if (q.exactly !== undefined) return { text: `exactly ${q.exactly}`, holds: (n) => n === q.exactly };
  if (q.atLeast !== undefined) return { text: `at least ${q.atLeast}`, holds: (n) => n >= q.atLeast! };
  return { text: `at most ${q.atMost}`, holds: (n) => n <= q.atMost! };
}

/** Counts the journal entries (oldest first) that match the pattern, account and fields. */
export function verifyJournal(entries: readonly JournalEntry[], q: VerifyQuery): Verdict | null {
  const expectation = expectationOf(q);
  if (!expectation) return null;
  const test = compileMatcher(q);
  const requestIds: number[] = [];
  for (const e of entries) {
    if (q.since !== undefined && e.id <= q.since) continue;
    if (!test(e.method, e.path)) continue;
    if (q.account && e.uid?.toUpperCase() !== q.account.toUpperCase()) continue;
    if (q.fields) {
      const sent = { ...e.query, ...e.body };
      if (!Object.entries(q.fields).every(([name, value]) => name in sent && asText(sent[name]) === asText(value))) continue;
    }
    requestIds.push(e.id);
  }
  return { verified: expectation.holds(requestIds.length), count: requestIds.length, expected: expectation.text, requestIds };
}
