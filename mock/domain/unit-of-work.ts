import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import { AT_REST, type Batch, type Durability, type RowChange, type Store, type TableName, type TrackedChange } from './store.js';

/** One unit of work: the row changes it made, in order. */
export type Tx = { changes: TrackedChange[]; epoch: Epoch | null; after?: Array<() => void> };

/** The changes could not be made durable: memory was rolled back to the last durable state. */
export class StorageUnavailable extends Error {}

/** What goes with every batch besides rows: where the random streams and the clock stand. */
export type MetaSource = { snapshot(): Record<string, unknown>; restore(meta: Record<string, unknown>): void };

type Waiter = { tx: Tx; resolve: () => void; reject: (error: Error) => void };

/** A group of units of work run while this process holds a shared store's write lock. */
type Epoch = { members: Waiter[]; active: number; admitting: boolean; ready: Promise<void>; readyAt: number; finished: Promise<void>; finish: () => void };

/** A shared store's lock is held for at most this many units of work, or this long, before the group commits. */
const EPOCH_MAX_TXS = 256;
const EPOCH_MAX_OPEN_MS = 20;

/**
 * Every request, and every change the market makes on its own, runs as one unit of work over the
 * store: its row changes are recorded; a thrown fault rolls them back; a durable store writes
 * them before the answer leaves. Durability is group commit: units finished while a write is
 * under way go together in the next one, so one fsync (or one database commit) serves many
 * requests. When a write fails (disk full, I/O error, lost database), memory goes back to the
 * last durable state, and every unit of work not yet durable is told so (StorageUnavailable).
 *
 * A shared store (replicas on one database) is also serialised across processes: groups of
 * units of work run while this process holds the database's lock, after replaying what the other
 * replicas committed, so every rule sees the whole state.
 */
export class UnitOfWork {
  private readonly als = new AsyncLocalStorage<Tx>();
  private ambient: Tx | null = null;
  private version = 0;
  private lastMeta = '';
  private readonly queue: Waiter[] = [];
  private flushing: Promise<void> | null = null;
  private epoch: Epoch | null = null;
  private lastEpoch: Promise<void> = Promise.resolve();
  private followers: Array<(changes: RowChange[]) => void> = [];
  private catchUpQueued = false;

  constructor(
    private readonly store: Store,
    private readonly meta: MetaSource,
    private readonly durability: Durability | null = null,
  ) {
    store.onChange((change) => {
      // Outside a unit of work, a memory-only state has nothing to roll back or make durable: not recorded (a large fixture load would hold a change per row).
      const tx = this.als.getStore() ?? (this.durability ? this.ambientTx() : null);
      tx?.changes.push(change);
    });
  }

  /** How many batches the durable state has (0: nothing was ever written, a new state). */
  get durableVersion(): number {
    return this.version;
  }

  /** Where the durable state stood when it was loaded (and the meta then): set once at start. */
  loaded(version: number) {
    this.version = version;
    this.lastMeta = JSON.stringify(this.meta.snapshot());
  }

  /**
   * Calls `follower` with the row changes other replicas committed, once they are applied here
   * (after the replay, outside any unit of work): what changed elsewhere, to publish here.
   */
  follow(follower: (changes: RowChange[]) => void) {
    this.followers.push(follower);
  }

  /** With a shared store: replays what other replicas commit as soon as they announce it, not only at the next request. */
  async watchRemote(): Promise<void> {
    await this.durability?.watch?.(() => {
      if (this.catchUpQueued) return;
      this.catchUpQueued = true;
      this.run(() => {}).catch(() => {});
    });
  }

  /** Starts a unit of work; with a shared store, once this process holds the lock and has caught up. */
  begin(): Tx | Promise<Tx> {
    if (this.durability?.kind !== 'postgres') return { changes: [], epoch: null };
    return this.join();
  }

  /** Runs `fn` with its writes recorded in `tx`. */
  within<T>(tx: Tx, fn: () => T): T {
    return this.als.run(tx, fn);
  }

  /** Undoes what `tx` wrote, newest first; a row another unit of work has since rewritten keeps that newer image. */
  rollback(tx: Tx) {
    this.undo(tx);
    tx.changes = [];
    tx.after = undefined;
    this.leave(tx, null);
  }

  /**
   * Runs `fn` once the current unit of work is committed (durably, with a durable store), and
   * never if it rolls back: what leaves the domain as an event (a price change to the stream)
   * never tells of a change that did not happen. Outside a unit of work, at once.
   */
  afterCommit(fn: () => void) {
    const tx = this.als.getStore();
    if (tx) (tx.after ??= []).push(fn);
    else fn();
  }

  /** Ends `tx`: at once in memory; otherwise when its changes (and everything it may have read) are durable. */
  commit(tx: Tx): Promise<void> | undefined {
    const done = this.settle(tx);
    if (!tx.after) return done;
    const after = tx.after;
    tx.after = undefined;
    if (!done) {
      for (const fn of after) fn();
      return undefined;
    }
    return done.then(() => {
      for (const fn of after) fn();
    });
  }

  private settle(tx: Tx): Promise<void> | undefined {
    if (!this.durability) return undefined;
    if (tx.epoch) return new Promise<void>((resolve, reject) => this.leave(tx, { tx, resolve, reject }));
    if (tx.changes.length === 0 && !this.metaMoved()) return this.flushing ?? undefined;
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ tx, resolve, reject });
      this.flushing ??= this.flushSoon();
    });
  }

  /**
   * Starts the write after the event loop's current turn: every request that turn finishes joins
   * the same batch (an embedded engine's commit blocks the loop while it syncs, so starting at
   * once would write one unit at a time).
   */
  private async flushSoon(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    return this.flush();
  }

  /** Runs `fn` as one unit of work: rolled back if it throws, durable before the promise resolves. */
  async run<T>(fn: () => T | Promise<T>): Promise<T> {
    const tx = await this.begin();
    let result: T;
    try {
      result = await this.within(tx, fn);
    } catch (error) {
      this.rollback(tx);
      throw error;
    }
    await this.commit(tx);
    return result;
  }

  /** Resolves when everything committed so far is durable. */
  async settled(): Promise<void> {
    while (this.flushing) await this.flushing.catch(() => {});
    await this.lastEpoch;
  }

  /** Writes made outside any unit of work (start-up, a timer) commit together at the end of the current tick. */
  private ambientTx(): Tx {
    if (this.ambient) return this.ambient;
    const tx: Tx = { changes: [], epoch: null };
    this.ambient = tx;
    queueMicrotask(() => {
      this.ambient = null;
      this.commit(tx)?.catch(() => {});
    });

    return tx;
  }

  private metaMoved(): boolean {
    return JSON.stringify(this.meta.snapshot()) !== this.lastMeta;
  }

  private batchOf(waiters: Waiter[]): Batch {
    const changes: RowChange[] = [];
    // A shared database keeps the outbox as sent: every replica must show the OTP a user reads.
    const redact = this.durability?.kind === 'embedded';
    for (const { tx } of waiters) {
      for (const { table, key, row } of tx.changes) {
        const atRest = row === null || !redact ? undefined : AT_REST[table as TableName];
        changes.push({ table, key, row: atRest ? atRest(row) : row });
      }
    }
    const meta = this.meta.snapshot();
    this.lastMeta = JSON.stringify(meta);
    return { changes, meta };
  }

  /** Group commit for a store of this process alone: whatever finished during a write goes in the next. */
  private async flush(): Promise<void> {
    while (this.queue.length > 0) {
      const group = this.queue.splice(0);
      try {
        this.version = await this.durability!.commit(this.batchOf(group));
        for (const waiter of group) waiter.resolve();
      } catch (error) {
        // Back to the last durable state: this group and everything committed after it, newest first.
        const undone = [...group, ...this.queue.splice(0)];
        this.fail(undone, error);
      }
    }
    this.flushing = null;
  }

  private fail(undone: Waiter[], cause: unknown) {
    for (let i = undone.length - 1; i >= 0; i--) this.undo(undone[i]!.tx);
    this.lastMeta = '';
    const error = new StorageUnavailable(`the state could not be written (${(cause as Error).message}); nothing was changed`);
    for (const waiter of undone) waiter.reject(error);
  }

  private undo(tx: Tx) {
    for (let i = tx.changes.length - 1; i >= 0; i--) {
      const change = tx.changes[i]!;
      if (this.store.rowOf(change.table, change.key) === (change.row ?? undefined)) this.store.applyRow({ table: change.table, key: change.key, row: change.before });
    }
  }

  /** Joins the open group of a shared store, or the next one. */
  private async join(): Promise<Tx> {
    let epoch = this.epoch;
    if (epoch && epoch.readyAt > 0 && performance.now() - epoch.readyAt > EPOCH_MAX_OPEN_MS) epoch.admitting = false;
    if (!epoch?.admitting) epoch = this.openEpoch();
    epoch.active++;
    if (epoch.members.length + epoch.active >= EPOCH_MAX_TXS) epoch.admitting = false;
    const tx: Tx = { changes: [], epoch };
    try {
      await epoch.ready;
    } catch (error) {
      throw new StorageUnavailable(`the shared state could not be reached (${(error as Error).message}); nothing was changed`);
    }
    return tx;
  }

  private openEpoch(): Epoch {
    const previous = this.lastEpoch;
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const epoch: Epoch = { members: [], active: 0, admitting: true, readyAt: 0, ready: Promise.resolve(), finished, finish };
    epoch.ready = previous.then(async () => {
      this.catchUpQueued = false;
      const caughtUp = await this.durability!.begin(this.version);
      for (const batch of caughtUp.batches) {
        for (const change of batch.changes) this.store.applyRow(change);
        this.meta.restore(batch.meta);
      }
      if (caughtUp.batches.length > 0 && this.followers.length > 0) {
        const changes = caughtUp.batches.flatMap((b) => b.changes);
        for (const follower of this.followers) follower(changes);
      }
      this.version = caughtUp.version;
      this.lastMeta = JSON.stringify(this.meta.snapshot());
      epoch.readyAt = performance.now();
    });
    // A lock that could not be taken fails every member; the next group tries again.
    epoch.ready.catch(() => {
      epoch.admitting = false;
      if (this.epoch === epoch) this.epoch = null;
      epoch.finish();
    });
    this.epoch = epoch;
    this.lastEpoch = epoch.finished;
    void epoch.finished.then(() => {
      if (this.epoch === epoch) this.epoch = null;
    });
    return epoch;
  }

  /** A member of a group is done (committed: `waiter`; rolled back: null); the last one commits the group. */
  private leave(tx: Tx, waiter: Waiter | null) {
    const epoch = tx.epoch;
    if (!epoch) return;
    if (waiter) epoch.members.push(waiter);
    epoch.active--;
    if (epoch.active > 0) return;
    epoch.admitting = false;
    const members = epoch.members;
    const write = members.some((m) => m.tx.changes.length > 0) || this.metaMoved();
    const done = write ? this.durability!.commit(this.batchOf(members)) : this.durability!.release().then(() => this.version);
    done.then(
      (version) => {
        this.version = version;
        for (const member of members) member.resolve();
        epoch.finish();
      },
      (error) => {
        this.fail(members, error);
        // Released or not, the connection's transaction is over: the next group starts afresh.
        this.durability!.release().catch(() => {});
        epoch.finish();
      },
    );
  }
}
