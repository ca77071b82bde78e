import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openJournal } from '../../mock/store/journal.js';
import { createSandbox } from '../../mock/server.js';

const dir = mkdtempSync(join(tmpdir(), 'journal-mode-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the state file (issue 13, item 12)', () => {
  it('stays 0600 even when a stale F.tmp with mode 0666 is lying there', () => {
    const file = join(dir, 'state.journal');
    writeFileSync(`${file}.tmp`, 'stale');
    chmodSync(`${file}.tmp`, 0o666);
    const journal = openJournal(file);
    journal.close();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = openJournal(file);
    again.close();
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe('the state file keeps the clock (issue 20)', () => {
  it('a restart never moves time back: an expired session stays expired', async () => {
    const file = join(dir, 'clock.journal');
    const first = createSandbox({ state: file, seed: 'clock' });
    const json = { 'content-type': 'application/json' };
    await first.app.request('/__sandbox/accounts', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ uid: 'AB1234', name: 'Ravi Kumar', password: 'pw-secret-1', yob: '1990', mobile: '9876543210', email: 'ravi@example.com' }),
    });
    const moved = await first.app.request('/__sandbox/clock', { method: 'POST', headers: json, body: JSON.stringify({ set: '2099-01-01T00:00:00Z', frozen: false }) });
    expect(moved.status).toBe(200);
    first.journal!.close();
    const again = createSandbox({ state: file, seed: 'clock' });
    const clock = await (await again.app.request('/__sandbox/clock')).json();
    expect(Date.parse(clock.now)).toBeGreaterThanOrEqual(Date.parse('2099-01-01T00:00:00Z'));
    expect(clock.frozen).toBe(false);
    again.journal!.close();
  });

  it('writes no batch for a clock that never moved', () => {
    const file = join(dir, 'still.journal');
    const sandbox = createSandbox({ state: file });
    sandbox.domain.commit();
    sandbox.journal!.close();
    const reopened = openJournal(file);
    reopened.close();
    expect(reopened.replayed).toBe(0);
  });
});
