import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, ROOT, startProcess, stop } from '../../contracts/setup/processes.js';
import { openSandbox, type Sandbox } from '../../mock/server.js';

/** Faults of the disk under `--state`: a full disk, a corrupted file, a second process, the file's mode. */
const dir = mkdtempSync(join(tmpdir(), 'state-faults-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const json = { 'content-type': 'application/json' };
const person = (uid: string) => ({ uid, name: 'Disk Test', password: `pw-${uid}`, yob: '1990', mobile: '9876543210', email: `${uid.toLowerCase()}@example.com` });
const open = (sandbox: Sandbox, uid: string) => sandbox.app.request('/__sandbox/accounts', { method: 'POST', headers: json, body: JSON.stringify(person(uid)) });
const exists = async (sandbox: Sandbox, uid: string) => (await sandbox.app.request(`/__sandbox/accounts/${uid}/apps`)).status === 200;
const CLI = join(ROOT, 'dist/mock/cli.js');

const isRoot = process.getuid?.() === 0;
const canMount = isRoot && spawnSync('mount', ['--version']).status === 0;

describe.skipIf(!canMount)('a full disk under --state (ENOSPC, a small tmpfs)', () => {
  it('refuses each write with a 500 envelope and rolls memory back; once space returns, writes are durable; a restart has exactly the acknowledged ones', async () => {
    const mnt = join(dir, 'tmpfs');
    mkdirSync(mnt);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m', 'tmpfs', mnt]);
    try {
      const file = join(mnt, 'state.db');
      const first = await openSandbox({ state: file, seed: 'disk' });
      const acknowledged: string[] = [];
      for (let i = 0; i < 10; i++) if ((await open(first, `ROOM${i}`)).status === 200) acknowledged.push(`ROOM${i}`);
      // Fill every byte left.
      const ballast = join(mnt, 'ballast');
      const fd = openSync(ballast, 'w');
      const chunk = Buffer.alloc(64 * 1024, 1);
      try {
        for (;;) writeSync(fd, chunk);
      } catch {
        for (;;) {
          try {
            writeSync(fd, chunk.subarray(0, 512));
          } catch {
            break;
          }
        }
      }
      closeSync(fd);
      let refused = 0;
      for (let i = 0; i < 30; i++) {
        const res = await open(first, `FULL${i}`);
        if (res.status === 200) {
          acknowledged.push(`FULL${i}`);
          continue;
        }
        refused++;
        expect(res.status).toBe(500);
        const body = (await res.json()) as { statusMessage: string };
        expect(body.statusMessage).toMatch(/could not save this change/);
        expect(await exists(first, `FULL${i}`)).toBe(false);
      }
      expect(refused).toBeGreaterThan(0);
      rmSync(ballast);
      for (let i = 0; i < 30; i++) {
        const res = await open(first, `BACK${i}`);
        expect(res.status).toBe(200);
        acknowledged.push(`BACK${i}`);
      }
      await first.close();
      const again = await openSandbox({ state: file, seed: 'disk' });
      const recovered = [];
      for (const uid of [...Array.from({ length: 10 }, (_, i) => `ROOM${i}`), ...Array.from({ length: 30 }, (_, i) => `FULL${i}`), ...Array.from({ length: 30 }, (_, i) => `BACK${i}`)]) {
        if (await exists(again, uid)) recovered.push(uid);
      }
      await again.close();
      if (process.env.PERSISTENCE_REPORT) console.log(JSON.stringify({ enospc: { refused, acknowledged: acknowledged.length, recovered: recovered.length } }));
      expect(recovered).toEqual(acknowledged);
    } finally {
      execFileSync('umount', ['-l', mnt]);
    }
  });
});

describe('a corrupted state file', () => {
  it('is refused at start with a message that names the file and what to do; nothing is silently dropped or replaced by fixtures', async () => {
    const file = join(dir, 'corrupt.db');
    const first = await openSandbox({ state: file, seed: 'corrupt' });
    for (let i = 0; i < 60; i++) expect((await open(first, `CORR${String(i).padStart(2, '0')}`)).status).toBe(200);
    await first.close();
    // One byte in the middle of a stored row: an account's name.
    const bytes = readFileSync(file);
    const at = bytes.indexOf(Buffer.from('Disk Test'), Math.floor(bytes.length / 3));
    expect(at).toBeGreaterThan(0);
    bytes[at] = 'X'.charCodeAt(0);
    writeFileSync(file, bytes);
    await expect(openSandbox({ state: file, seed: 'corrupt', fixtures: join(ROOT, 'fixtures/default.json') })).rejects.toThrow(file);
    const cli = spawnSync(process.execPath, [CLI, '--port', '0', '--state', file, '--fixtures', join(ROOT, 'fixtures/default.json')], { encoding: 'utf8', timeout: 60_000 });
    expect(cli.status).toBe(2);
    expect(cli.stderr).toContain(file);
    expect(cli.stderr).toMatch(/checksum|corrupt/i);
  });
});

describe('one state file, two processes', () => {
  it('the second is refused at start with a clear message while the first keeps serving; the file is 0600', async () => {
    const file = join(dir, 'shared.db');
    const port = await freePort();
    const first = await startProcess('state-owner', process.execPath, [CLI, '--port', String(port), '--quiet', '--state', file], port, '/__sandbox/info');
    try {
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const second = spawnSync(process.execPath, [CLI, '--port', '0', '--state', file], { encoding: 'utf8', timeout: 60_000 });
      expect(second.status).toBe(2);
      expect(second.stderr).toContain(file);
      expect(second.stderr).toMatch(/another process|in use|locked/i);
      const res = await fetch(`${first.url}/__sandbox/accounts`, { method: 'POST', headers: json, body: JSON.stringify(person('OWNER1')) });
      expect(res.status).toBe(200);
    } finally {
      await stop(first);
    }
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
