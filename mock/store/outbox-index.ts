import type { OutboxMessage } from '../domain/types.js';

/** Messages in id order; the oldest leaves from the front in O(1) (an array's shift moves every element). */
class Fifo {
  private items: OutboxMessage[] = [];
  private head = 0;

  get length() {
    return this.items.length - this.head;
  }

  push(message: OutboxMessage) {
    this.items.push(message);
  }

  shift() {
    const message = this.items[this.head++];
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return message;
  }

  /** The newest `limit` messages with an id above `since`, oldest first: a binary search, then a copy of what is returned. */
  newest(since: number | undefined, limit: number): OutboxMessage[] {
    let lo = Math.max(this.head, this.items.length - limit);
    if (since !== undefined) {
      let hi = this.items.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (this.items[mid]!.id <= since) lo = mid + 1;
        else hi = mid;
      }
    }
    return this.items.slice(lo);
  }

  *[Symbol.iterator]() {
    for (let i = this.head; i < this.items.length; i++) yield this.items[i]!;
  }
}

/**
 * The outbox, indexed by account, by kind and by both: a read costs the size of its answer (plus a
 * binary search), whatever the number of messages retained. The newest `retention` are kept.
 */
export class OutboxIndex {
  private all = new Fifo();
  private lists = new Map<string, Fifo>();

  constructor(private readonly retention: number) {}

  get size() {
    return this.all.length;
  }

  add(message: OutboxMessage) {
    this.all.push(message);
    for (const key of keysOf(message.uid, message.kind)) {
      let list = this.lists.get(key);
      if (!list) this.lists.set(key, (list = new Fifo()));
      list.push(message);
    }
    while (this.all.length > this.retention) this.dropOldest();
  }

  private dropOldest() {
    const oldest = this.all.shift()!;
    // The oldest of all is the oldest of each of its lists too.
    for (const key of keysOf(oldest.uid, oldest.kind)) {
      const list = this.lists.get(key)!;
      list.shift();
      if (list.length === 0) this.lists.delete(key);
    }
  }

  find(filter: { uid?: string; kind?: string; since?: number }, limit: number): OutboxMessage[] {
    const list = filter.uid === undefined && filter.kind === undefined ? this.all : this.lists.get(keyOf(filter.uid, filter.kind));
    return list ? list.newest(filter.since, limit) : [];
  }

  /** Every message, oldest first. */
  messages(): Iterable<OutboxMessage> {
    return this.all;
  }

  clear() {
    this.all = new Fifo();
    this.lists.clear();
  }
}

const keyOf = (uid: string | undefined, kind: string | undefined) => `${uid ?? ''}\0${kind ?? ''}`;
const keysOf = (uid: string, kind: string) => [keyOf(uid, undefined), keyOf(undefined, kind), keyOf(uid, kind)];
