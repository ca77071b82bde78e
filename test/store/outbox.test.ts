import { describe, expect, it } from 'vitest';
import type { OutboxDraft, OutboxMessage } from '../../mock/domain/types.js';
import { MemoryStore } from '../../mock/store/memory.js';

const draft = (uid: string, kind: OutboxDraft['kind'] = 'otp-sms'): OutboxDraft => ({
  uid,
  kind,
  channel: kind === 'otp-sms' ? 'sms' : 'email',
  to: 'x',
  subject: 's',
  body: 'b',
  otp: null,
  apiKey: null,
  secretApiKey: null,
  appId: null,
  appName: null,
  challengeId: null,
});

/** Counts every read of uid or kind on the stored messages: a scan reads them all, an index none. */
function countReads(messages: OutboxMessage[]) {
  let reads = 0;
  for (const m of messages) {
    for (const key of ['uid', 'kind'] as const) {
      const value = m[key];
      Object.defineProperty(m, key, {
        enumerable: true,
        get: () => {
          reads++;
          return value;
        },
      });
    }
  }
  return () => reads;
}

/** The domain's retention rule (Outbox), as it runs it: append, then forget the oldest beyond `keep`. */
function keepNewest(store: MemoryStore, keep: number, message: OutboxDraft, at: number) {
  store.appendMessage(message, at);
  while (store.messageCount() > keep) store.deleteMessage(store.oldestMessage()!.id);
}

describe('the outbox (issue 13, item 3)', () => {
  it('reads one account (and kind) through an index: no message of another account is looked at', () => {
    const store = new MemoryStore();
    for (let i = 0; i < 100_000; i++) store.appendMessage(draft(`OTHER${i % 500}`), i);
    store.appendMessage(draft('AB1234'), 1);
    store.appendMessage(draft('AB1234', 'api-key-email'), 2);
    const reads = countReads(store.messages({ limit: 200_000 }));
    expect(store.messages({ uid: 'AB1234' }).map((m) => m.id)).toEqual([100_001, 100_002]);
    expect(store.messages({ uid: 'AB1234', kind: 'api-key-email' }).map((m) => m.id)).toEqual([100_002]);
    expect(store.messages({ uid: 'AB1234', since: 100_001 }).map((m) => m.id)).toEqual([100_002]);
    expect(store.messages({ kind: 'api-key-email', limit: 5 }).map((m) => m.id)).toEqual([100_002]);
    expect(reads()).toBe(0);
  });

  it('keeps the newest N, oldest dropped from every index, and answers newest-last with since and limit', () => {
    const store = new MemoryStore();
    for (let i = 1; i <= 12; i++) keepNewest(store, 5, draft(i % 2 ? 'ODD1' : 'EVEN1', i % 3 ? 'otp-sms' : 'otp-email'), i);
    expect(store.messageCount()).toBe(5);
    expect(store.messages({}).map((m) => m.id)).toEqual([8, 9, 10, 11, 12]);
    expect(store.messages({ uid: 'ODD1' }).map((m) => m.id)).toEqual([9, 11]);
    expect(store.messages({ uid: 'EVEN1', kind: 'otp-email' }).map((m) => m.id)).toEqual([12]);
    expect(store.messages({ kind: 'otp-sms', limit: 2 }).map((m) => m.id)).toEqual([10, 11]);
    expect(store.messages({ since: 10 }).map((m) => m.id)).toEqual([11, 12]);
    expect(store.messages({ uid: 'NOBODY' })).toEqual([]);
    store.clear();
    expect(store.messages({ uid: 'ODD1' })).toEqual([]);
    store.appendMessage(draft('ODD1'), 1);
    expect(store.messages({ uid: 'ODD1' }).map((m) => m.id)).toEqual([1]);
  });

  it('its rows, put back on an empty store, restore the same messages and indexes', () => {
    const store = new MemoryStore();
    for (let i = 1; i <= 15; i++) keepNewest(store, 10, draft(i % 2 ? 'ODD1' : 'EVEN1'), i);
    const copy = new MemoryStore();
    for (const row of store.rows()) copy.applyRow(row);
    expect(copy.messages({ uid: 'ODD1' })).toEqual(store.messages({ uid: 'ODD1' }));
    keepNewest(copy, 10, draft('ODD1'), 16);
    expect(copy.messages({ uid: 'ODD1' }).at(-1)!.id).toBe(16);
    expect(copy.messageCount()).toBe(10);
  });
});
