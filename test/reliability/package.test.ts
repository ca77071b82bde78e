import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../../contracts/setup/processes.js';
import { readmeBlock } from './readme.js';

const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/**
 * The package as a user gets it: packed (npm runs its prepare script, the build), installed into
 * an empty folder from the tarball, then README's in-process snippet run as pasted, the bin run,
 * and the type declarations resolved by TypeScript. Dependencies come from npm's cache.
 */
describe('the package, installed elsewhere (issue 20)', () => {
  let packs: string;
  let user: string;
  beforeAll(() => {
    packs = mkdtempSync(join(tmpdir(), 'sandbox-pack-'));
    user = mkdtempSync(join(tmpdir(), 'sandbox-user-'));
    npm(['pack', '--silent', '--pack-destination', packs], ROOT);
    const tarball = readdirSync(packs).find((f) => f.endsWith('.tgz'))!;
    writeFileSync(join(user, 'package.json'), JSON.stringify({ name: 'user-project', version: '1.0.0', private: true }));
    npm(['install', '--prefer-offline', '--no-audit', '--no-fund', join(packs, tarball)], user);
  }, 300_000);
  afterAll(() => {
    rmSync(packs, { recursive: true, force: true });
    rmSync(user, { recursive: true, force: true });
  });

  it("runs README's in-process snippet as pasted", () => {
    writeFileSync(join(user, 'main.mjs'), readmeBlock('In-process, no port', 'js'));
    const out = execFileSync(process.execPath, ['main.mjs'], { cwd: user, encoding: 'utf8' });
    expect(out.trim()).toBe('200 Session token generated successfully');
  });

  it('installs the tradeapi-sandbox command', () => {
    const out = execFileSync(join(user, 'node_modules', '.bin', 'tradeapi-sandbox'), ['--help'], { encoding: 'utf8' });
    expect(out).toContain('--client-ip');
  });

  it('ships type declarations that TypeScript finds through the exports', () => {
    writeFileSync(
      join(user, 'check.mts'),
      "import { createSandbox, DEFAULT_FIXTURES, type Sandbox } from 'tradeapi-sandbox';\nconst sandbox: Sandbox = createSandbox({ fixtures: DEFAULT_FIXTURES, seed: 1 });\nexport const status: Promise<number> = Promise.resolve(sandbox.app.request('/__sandbox/info')).then((r) => r.status);\n",
    );
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const args = ['--noEmit', '--strict', '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2022', '--skipLibCheck'];
    execFileSync(process.execPath, [tsc, ...args, '--typeRoots', join(ROOT, 'node_modules', '@types'), '--types', 'node', 'check.mts'], { cwd: user, encoding: 'utf8' });
  });

  it('holds what it needs and nothing of the tests', () => {
    const root = join(user, 'node_modules', 'tradeapi-sandbox');
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    expect(pkg.private).toBeUndefined();
    expect(readdirSync(root).sort()).toEqual(['LICENSE', 'README.md', 'dist', 'fixtures', 'package.json', 'spec']);
    expect(readdirSync(join(root, 'dist')).sort()).toEqual(['contracts', 'fixtures', 'mock', 'spec']);
  });
});
