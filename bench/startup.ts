import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { freePort } from '../contracts/setup/processes.js';
import { median } from './load.js';
import { BARE_SERVER, requestJson, rssMb, start, stop } from './servers.js';

/**
 * Start-up: `npm start` on a fresh clone (no build output, dependencies already there as after
 * `npm ci`) and again on the tree it built, both to the first 200 on /__sandbox/info; then the
 * built server's cold start beside a bare node:http server's, and its RSS once idle.
 */

/** The built server's entry point: package.json's bin (what `npx tradeapi-sandbox` runs), else dist/mock/cli.js. */
export function builtEntry(root: string): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { bin?: string | Record<string, string> };
  const bin = typeof pkg.bin === 'string' ? pkg.bin : Object.values(pkg.bin ?? {})[0];
  for (const candidate of [bin, 'dist/mock/cli.js']) if (candidate && existsSync(join(root, candidate))) return join(root, candidate);
  return join(root, 'dist/mock/cli.js');
}

/**
 * A clean clone of the repo's HEAD with a node_modules made of links to the repo's packages (as
 * `npm ci` would leave it, without its time): no dist/, no build cache (dot-dirs such as
 * node_modules/.cache are left out).
 */
function freshClone(root: string): { dir: string; repo: string } {
  const dir = mkdtempSync(join(tmpdir(), 'bench-clone-'));
  const repo = join(dir, 'repo');
  execFileSync('git', ['clone', '-q', root, repo], { stdio: 'ignore' });
  rmSync(join(repo, 'dist'), { recursive: true, force: true });
  mkdirSync(join(repo, 'node_modules'));
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (entry.startsWith('.') && entry !== '.bin' && entry !== '.package-lock.json') continue;
    symlinkSync(join(root, 'node_modules', entry), join(repo, 'node_modules', entry));
  }
  return { dir, repo };
}

/** Kills the process group we started (npm, its shell, node, and whatever node spawned), by its leader's PID. */
async function killGroup(pid: number, exited: Promise<unknown>): Promise<void> {
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-pid, s);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
  signal('SIGKILL');
}

/** `npm start -- --port P` in `cwd`: ms from spawn to the first 200 on /__sandbox/info. */
async function npmStart(cwd: string, timeoutMs = 180_000): Promise<number> {
  const port = await freePort();
  // The bench itself may run under `npm run`: its npm_* variables must not leak into this npm.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.toLowerCase().startsWith('npm_')));
  const t0 = performance.now();
  const child = spawn('npm', ['start', '--', '--port', String(port)], { cwd, env, detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise((r) => child.once('exit', r));
  let failed: Error | null = null;
  child.once('error', (error) => (failed = error));
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
  try {
    while (performance.now() - t0 < timeoutMs) {
      if (failed) throw new Error(`npm start could not be spawned: ${(failed as Error).message}`);
      if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}: ${stderr}`);
      try {
        if ((await requestJson('GET', `http://127.0.0.1:${port}/__sandbox/info`)).status === 200) return performance.now() - t0;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error(`npm start gave no answer within ${timeoutMs} ms: ${stderr}`);
  } finally {
    await killGroup(child.pid!, exited);
  }
}

export type Startup = {
  npmFreshMs: number;
  npmBuiltMs: number;
  cloneOf: string;
  entry: string;
  sandboxColdMs: number;
  bareColdMs: number;
  idleRssMb: number;
  bareRssMb: number;
  notes: string[];
};

export async function startupBench(root: string, fixtures: string, reps: number): Promise<Startup> {
  const notes: string[] = [];
  const head = spawnSync('git', ['-C', root, 'rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).stdout.trim();
  const dirty = spawnSync('git', ['-C', root, 'status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).stdout.trim();
  if (dirty) notes.push(`the clone is of HEAD ${head}; uncommitted changes in the working tree are not in it`);
  const fresh: number[] = [];
  const built: number[] = [];
  for (let r = 0; r < reps; r++) {
    const { dir, repo } = freshClone(root);
    try {
      fresh.push(await npmStart(repo));
      built.push(await npmStart(repo));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  const entry = builtEntry(root);
  const cold = async (name: string, command: string, args: (port: number) => string[], ready: string) => {
    const ms: number[] = [];
    const rss: number[] = [];
    for (let r = 0; r < reps; r++) {
      const server = await start(name, command, args, ready);
      await new Promise((resolve) => setTimeout(resolve, 500));
      ms.push(server.coldStartMs);
      rss.push(rssMb(server.child.pid!));
      await stop(server);
    }
    return { ms: median(ms), rss: median(rss) };
  };
  const sandbox = await cold('sandbox', process.execPath, (port) => [entry, '--port', String(port), '--quiet', '--fixtures', fixtures], '/__sandbox/info');
  const bare = await cold('bare', process.execPath, (port) => ['-e', BARE_SERVER, String(port), '{}'], '/__sandbox/info');
  return {
    npmFreshMs: median(fresh),
    npmBuiltMs: median(built),
    cloneOf: head,
    entry: relative(root, entry),
    sandboxColdMs: sandbox.ms,
    bareColdMs: bare.ms,
    idleRssMb: sandbox.rss,
    bareRssMb: bare.rss,
    notes,
  };
}
