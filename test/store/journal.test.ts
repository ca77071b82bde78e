import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openJournal } from '../../mock/store/journal.js';

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
