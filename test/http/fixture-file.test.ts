import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_FIXTURES, readFixtureFile } from '../../mock/server.js';
import { readStreamed } from '../../mock/fixture-file.js';
import { FixtureSet } from '../../spec/schemas/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'fixture-file-'));
let n = 0;
const file = (text: string) => {
  const path = join(dir, `set-${n++}.json`);
  writeFileSync(path, text);
  return path;
};
/** What reading the whole file at once gives (or the error it throws): the account-by-account reader must agree. */
const plain = (path: string) => FixtureSet.parse(JSON.parse(readFileSync(path, 'utf8')));
/** Read account by account, not by the fallback. */
const streamed = (path: string) => {
  const set = readStreamed(path);
  expect(set).not.toBeNull();
  return set;
};
const committed = JSON.parse(readFileSync(DEFAULT_FIXTURES, 'utf8'));
const account = (uid: string, extra: Record<string, unknown> = {}) => ({ ...committed.accounts[1], uid, ...extra });

describe('reading a fixture file account by account', () => {
  it('gives what the plain reading gives: the default set, compact or indented, any key order', () => {
    for (const text of [readFileSync(DEFAULT_FIXTURES, 'utf8'), JSON.stringify(committed), JSON.stringify({ accounts: committed.accounts, seed: 1, name: 'x' })]) {
      const path = file(text);
      expect(readFixtureFile(path)).toEqual(plain(path));
      expect(streamed(path)).toEqual(plain(path));
    }
  });

  it('keeps braces, brackets, quotes and non-ASCII inside strings, and AutoTrader users beside the accounts', () => {
    const set = {
      autotraderUsers: [{ username: 'u[1]', password: 'p{', name: 'N "q"', accounts: [] }],
      accounts: [account('AB12345', { name: 'A } ] { [ \\ " ₹ नमस्ते' }), account('AB12346'), account('AB12347', { apps: [] })],
      name: 'strings',
    };
    const path = file(` \n${JSON.stringify(set, null, 1)}\n`);
    const read = readFixtureFile(path);
    expect(read).toEqual(plain(path));
    expect(streamed(path)).toEqual(read);
    expect(read.accounts.map((a) => a.uid)).toEqual(['AB12345', 'AB12346', 'AB12347']);
    expect(read.accounts[0]!.name).toBe('A } ] { [ \\ " ₹ नमस्ते');
    expect(read.autotraderUsers![0]!.username).toBe('u[1]');
  });

  it('an empty accounts array, and a repeated accounts key (the last one counts, as JSON.parse has it)', () => {
    expect(streamed(file('{"accounts":[ ]}'))).toEqual({ accounts: [] });
    const path = file(`{"accounts":[${JSON.stringify(account('AB12345'))}],"accounts":[${JSON.stringify(account('AB12346'))}]}`);
    expect(readFixtureFile(path).accounts.map((a) => a.uid)).toEqual(['AB12346']);
  });

  it('refuses what the plain reading refuses, in the same words', () => {
    const bad = [
      `{"accounts":[${JSON.stringify(account('AB12345'))},]}`,
      `{"accounts":[${JSON.stringify(account('AB12345'))} x]}`,
      `{"accounts":[${JSON.stringify(account('AB12345'))}`,
      `{"accounts":[${JSON.stringify(account('AB12345', { email: 'not an e-mail' }))}]}`,
      `{"accounts":[1]}`,
      `{"accounts":[${JSON.stringify(account('AB12345'))}],"other":1}`,
      `[{"accounts":[]}]`,
      '\uFEFF{"accounts":[]}',
    ];
    for (const text of bad) {
      const path = file(text);
      let plainError = '';
      try {
        JSON.parse(readFileSync(path, 'utf8'));
        const parsed = FixtureSet.safeParse(JSON.parse(readFileSync(path, 'utf8')));
        const issues = parsed.error!.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`);
        plainError = `Fixture file ${path} is not a fixture set: ${issues.join('; ')}`;
      } catch (error) {
        plainError = `Cannot read fixture file ${path}: ${(error as Error).message}`;
      }
      expect(() => readFixtureFile(path), text).toThrow(plainError);
    }
  });

  it('reads a set larger than one read chunk (1 MiB)', () => {
    const accounts = Array.from({ length: 3000 }, (_, i) => account(`AB${String(10000 + i)}`, { name: `Account ${'x'.repeat(i % 90)}`, email: `a${i}${'y'.repeat(i % 200)}@example.com` }));
    const path = file(JSON.stringify({ name: 'big', accounts }));
    expect(readFileSync(path).length).toBeGreaterThan(1 << 20);
    expect(streamed(path)).toEqual(plain(path));
  });
});
