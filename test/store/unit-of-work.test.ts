import { describe, expect, it } from 'vitest';
import type { Batch, Durability, Loaded, RowChange } from '../../mock/domain/store.js';
import { StorageUnavailable, UnitOfWork } from '../../mock/domain/unit-of-work.js';
import { MemoryStore } from '../../mock/store/memory.js';
import type { Account } from '../../mock/domain/types.js';
import { makeDomain, openAccount } from '../helpers.js';

const account = (uid: string): Account => ({ uid, name: uid, passwordHash: 'h', yob: '1990', mobile: '9', email: 'e', legacySecretKeyHash: null, standing: 'active' }) as unknown as Account;
const meta = () => {
  let state: Record<string, unknown> = { n: 0 };
  return { snapshot: () => state, restore: (m: Record<string, unknown>) => (state = m) };
};
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** One database for any number of processes: a log of batches and a lock, as PostgreSQL gives them. */
class FakeDatabase {
  batches: Batch[] = [];
  failNext = 0;
  commits = 0;
  private lock: Promise<void> = Promise.resolve();
  connect(kind: 'embedded' | 'postgres'): Durability {
    let release: (() => void) | null = null;
    const db = this;
    return {
      kind,
      open: async (): Promise<Loaded> => ({ rows: [], meta: {}, version: db.batches.length }),
      async begin(version: number) {
        const held = db.lock;
        let free!: () => void;
        db.lock = new Promise<void>((resolve) => {
          free = resolve;
        });
        await held;
        release = free;
        return { batches: db.batches.slice(version), version: db.batches.length };
      },
      async commit(batch: Batch) {
        await tick();
        db.commits++;
        const failing = db.failNext > 0;
        if (failing) db.failNext--;
        release?.();
        release = null;
        if (failing) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        db.batches.push(batch);
        return db.batches.length;
      },
      async release() {
        release?.();
        release = null;
      },
      close: async () => {},
    };
  }
}

const accountsIn = (store: MemoryStore) => [...store.rows()].filter((r: RowChange) => r.table === 'accounts').map((r) => r.key);

describe('the unit of work (issue 12)', () => {
  it('a fault thrown halfway rolls back every write of the unit, indexes included', async () => {
    const store = new MemoryStore();
    const uow = new UnitOfWork(store, meta());
    await uow.run(() => store.putAccount(account('KEEP01')));
    await expect(
      uow.run(() => {
        store.putAccount(account('GONE01'));
        store.putLoginCode({ codeHash: 'c1', uid: 'KEEP01', expiresAt: 1, usedAt: null } as never);
        store.putAccount({ ...account('KEEP01'), name: 'changed' });
        throw new Error('fault');
      }),
    ).rejects.toThrow('fault');
    expect(accountsIn(store)).toEqual(['KEEP01']);
    expect(store.getAccount('KEEP01')!.name).toBe('KEEP01');
    expect(store.loginCodeOf('KEEP01')).toBeUndefined();
  });

  it('a second holder of a unique index value is refused and the unit rolls back', async () => {
    const store = new MemoryStore();
    const uow = new UnitOfWork(store, meta());
    const order = (uid: string) => ({ uid, orderNumber: '2612010001', openOn: null }) as never;
    await uow.run(() => store.putOrder(order('AAA111')));
    await expect(uow.run(() => store.putOrder(order('BBB222')))).rejects.toThrow(/unique index orders.orderNumber/);
    expect(store.ordersOf('BBB222')).toEqual([]);
  });

  it('group commit: 50 concurrent units share far fewer durable writes, and each answer waits for its own', async () => {
    const db = new FakeDatabase();
    const store = new MemoryStore();
    const uow = new UnitOfWork(store, meta(), db.connect('embedded'));
    const done = await Promise.all(Array.from({ length: 50 }, (_, i) => uow.run(() => store.putAccount(account(`AC${i}`))).then(() => db.batches.length)));
    expect(done.every((n) => n >= 1)).toBe(true);
    expect(db.commits).toBeLessThan(10);
    expect(db.batches.flatMap((b) => b.changes).filter((c) => c.table === 'accounts')).toHaveLength(50);
  });

  it('a failed durable write (ENOSPC) rolls memory back to the last durable state and refuses every unit not yet durable; later writes are durable', async () => {
    const db = new FakeDatabase();
    const store = new MemoryStore();
    const uow = new UnitOfWork(store, meta(), db.connect('embedded'));
    await uow.run(() => store.putAccount(account('BEFORE')));
    db.failNext = 1;
    const results = await Promise.allSettled(Array.from({ length: 20 }, (_, i) => uow.run(() => store.putAccount(account(`LOST${i}`)))));
    const refused = results.filter((r) => r.status === 'rejected');
    for (const r of refused) expect((r as PromiseRejectedResult).reason).toBeInstanceOf(StorageUnavailable);
    const acknowledged = results.length - refused.length;
    expect(refused.length).toBeGreaterThan(0);
    // Exactly what was acknowledged is in memory and durable; nothing refused is anywhere.
    const durable = db.batches
      .flatMap((b) => b.changes)
      .filter((c) => c.table === 'accounts')
      .map((c) => c.key);
    expect(accountsIn(store).sort()).toEqual(durable.sort());
    expect(durable).toHaveLength(1 + acknowledged);
    await uow.run(() => store.putAccount(account('AFTER')));
    expect(db.batches.at(-1)!.changes.map((c) => c.key)).toContain('AFTER');
  });

  it('replicas on one shared store: each unit runs after catching up, so a write on one is read by the next unit on the other', async () => {
    const db = new FakeDatabase();
    const [a, b] = [new MemoryStore(), new MemoryStore()];
    const [ua, ub] = [new UnitOfWork(a, meta(), db.connect('postgres')), new UnitOfWork(b, meta(), db.connect('postgres'))];
    await ua.run(() => a.putAccount(account('ONA001')));
    expect(await ub.run(() => b.getAccount('ONA001')?.uid)).toBe('ONA001');
    // A race: 40 units split over both, each taking the next number only if free; exactly 40 numbers, none twice.
    const take = (store: MemoryStore, uow: UnitOfWork) =>
      uow.run(() => {
        let n = 1;
        while (store.getAccount(`N${n}`)) n++;
        store.putAccount(account(`N${n}`));
      });
    await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 ? take(a, ua) : take(b, ub))));
    await ua.run(() => {});
    await ub.run(() => {});
    const numbered = (s: MemoryStore) =>
      accountsIn(s)
        .filter((k) => k.startsWith('N'))
        .sort();
    expect(numbered(a)).toHaveLength(40);
    expect(numbered(a)).toEqual(numbered(b));
  });
});

describe('a request is one unit of work (issue 12)', () => {
  it('a fault thrown halfway through an OTP verify leaves nothing half-applied', async () => {
    const domain = makeDomain();
    const acc = openAccount(domain);
    const before = JSON.stringify([...domain.store.rows()]);
    const store = domain.store;
    const append = store.appendMessage.bind(store);
    let calls = 0;
    store.appendMessage = (draft, at) => {
      // The SMS goes, then the e-mail fails: the challenge and the SMS must go with it.
      if (++calls === 2) throw new Error('mail server fault');
      return append(draft, at);
    };
    await expect(domain.uow.run(() => domain.accounts.generateLegacyOtp(acc.uid))).rejects.toThrow('mail server fault');
    store.appendMessage = append;
    expect(JSON.stringify([...domain.store.rows()])).toBe(before);
  });
});

describe('unique indexes of the store (issue 12)', () => {
  it('a static IP is held by one client: another account putting it is refused by the store itself, the same account may share it between apps', () => {
    const store = new MemoryStore();
    const reg = (uid: string, appId: string) => ({ uid, appId, primaryIp: '49.36.1.1', secondaryIp: null, primaryChangedAt: 0, secondaryChangedAt: null }) as never;
    store.putIps(reg('AAA111', 'app-1'));
    store.putIps(reg('AAA111', 'app-2'));
    expect(() => store.putIps(reg('BBB222', 'app-3'))).toThrow(/unique index ips/);
    expect(store.ipHolders('49.36.1.1').map((r) => r.appId)).toEqual(['app-1', 'app-2']);
  });
});
