import type { OutboxMessage } from '../domain/types.js';

/** Messages in id order; the oldest leaves from the front in O(1) (an array's shift moves every element). */
class Fifo {
  private items: OutboxMessage[] = [];
  private head = 0;

  get length() {
    return this.items.length - this.head;
  }

  /** Puts a message in id order: at the end (a new one) or the front (a restored oldest) in O(1), elsewhere by a copy. */
  insert(message: OutboxMessage) {
    const last = this.items[this.items.length - 1];
    if (this.length === 0 || last!.id < message.id) this.items.push(message);
    else if (this.items[this.head]!.id > message.id) {
      if (this.head > 0) this.items[--this.head] = message;
      else this.items.unshift(message);
    } else {
      const at = this.search(message.id);
      this.items.splice(at, 0, message);
    }
  }

  /** Takes a message out: the oldest or the newest in O(1), others by a copy. */
  remove(id: number) {
    if (this.length === 0) return;
    if (this.items[this.head]!.id === id) {
      this.items[this.head++] = undefined as unknown as OutboxMessage;
      if (this.head > 1024 && this.head * 2 > this.items.length) {
        this.items = this.items.slice(this.head);
        this.head = 0;
      }
    } else if (this.items[this.items.length - 1]!.id === id) this.items.pop();
    else {
      const at = this.search(id);
      if (this.items[at]?.id === id) this.items.splice(at, 1);
    }
  }

  first(): OutboxMessage | undefined {
    return this.length === 0 ? undefined : this.items[this.head];
  }

  /** Index of the first message with an id >= `id`. */
  private search(id: number, from = this.head): number {
    let lo = from;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.items[mid]!.id < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The newest `limit` messages with an id above `since`, oldest first: a binary search, then a copy of what is returned. */
  newest(since: number | undefined, limit: number): OutboxMessage[] {
    let lo = Math.max(this.head, this.items.length - limit);
    if (since !== undefined) lo = Math.max(lo, this.search(since + 1, lo));
    return this.items.slice(lo);
  }
}

/**
 * The outbox, indexed by account, by kind and by both: a read costs the size of its answer (plus a
 * binary search), whatever the number of messages kept. How many are kept is the domain's rule.
 */
export class OutboxIndex {
  private all = new Fifo();
  private lists = new Map<string, Fifo>();

  get size() {
    return this.all.length;
  }

  insert(message: OutboxMessage) {
    this.all.insert(message);
    for (const key of keysOf(message.uid, message.kind)) {
      let list = this.lists.get(key);
      if (!list) this.lists.set(key, (list = new Fifo()));
      list.insert(message);
    }
  }

  remove(message: OutboxMessage) {
    this.all.remove(message.id);
    for (const key of keysOf(message.uid, message.kind)) {
      const list = this.lists.get(key);
      if (!list) continue;
      list.remove(message.id);
      if (list.length === 0) this.lists.delete(key);
    }
  }

  oldest(): OutboxMessage | undefined {
    return this.all.first();
  }

  find(filter: { uid?: string; kind?: string; since?: number }, limit: number): OutboxMessage[] {
    const list = filter.uid === undefined && filter.kind === undefined ? this.all : this.lists.get(keyOf(filter.uid, filter.kind));
    return list ? list.newest(filter.since, limit) : [];
  }
}

const keyOf = (uid: string | undefined, kind: string | undefined) => `${uid ?? ''}\0${kind ?? ''}`;
const keysOf = (uid: string, kind: string) => [keyOf(uid, undefined), keyOf(undefined, kind), keyOf(uid, kind)];
