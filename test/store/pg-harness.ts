import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { freePort } from '../../contracts/setup/processes.js';

const run = promisify(execFile);
const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

export type Postgres = {
  /** The cluster's `postgres` database, as superuser `postgres` (trust auth, loopback only). */
  url: string;
  /** Creates an empty database on the cluster (name: letters, digits, underscores) and returns its URL. */
  database(name: string): Promise<string>;
  stop(): Promise<void>;
};

/**
 * A throw-away PostgreSQL cluster for tests: initdb into a temp dir (as the `postgres` user when we are root, since
 * initdb refuses root), pg_ctl start on a free loopback port with the socket in that dir, and `stop` ends that cluster
 * (pg_ctl stop -m fast on its data dir, then its postmaster PID if still alive) and removes the dir.
 * Returns `{ skip }` with the reason when the binaries are absent or initdb cannot run here.
 */
export async function startPostgres(): Promise<Postgres | { skip: string }> {
  if (!existsSync(join(BIN, 'initdb')) || !existsSync(join(BIN, 'pg_ctl'))) return { skip: `PostgreSQL binaries not found in ${BIN} (apt-get install postgresql, or set PG_BIN)` };
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'sandbox-pg-'));
  const as = async (command: string, args: string[]) => (root ? run('runuser', ['-u', 'postgres', '--', join(BIN, command), ...args]) : run(join(BIN, command), args));
  const data = join(dir, 'data');
  try {
    if (root) {
      try {
        chownSync(dir, ...postgresIds());
      } catch (error) {
        rmSync(dir, { recursive: true, force: true });
        return { skip: `running as root but cannot hand a temp dir to the postgres user (${(error as Error).message})` };
      }
    }
    await as('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C', '--no-sync']);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    return { skip: `initdb cannot run here: ${((error as { stderr?: string }).stderr || (error as Error).message).trim().split('\n')[0]}` };
  }
  const port = await freePort();
  try {
    await as('pg_ctl', ['-D', data, '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`, '-l', join(dir, 'log'), '-w', '-t', '60', 'start']);
  } catch (error) {
    const log = existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8').trim().split('\n').slice(-3).join(' | ') : '';
    rmSync(dir, { recursive: true, force: true });
    return { skip: `pg_ctl start failed: ${(error as Error).message.split('\n')[0]} ${log}` };
  }
  const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const url = `postgresql://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    async database(name: string) {
      if (!/^[a-z_][a-z0-9_]*$/i.test(name)) throw new Error(`not a plain database name: ${name}`);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`create database "${name}"`);
      } finally {
        await client.end();
      }
      return url.replace(/\/postgres$/, `/${name}`);
    },
    async stop() {
      await as('pg_ctl', ['-D', data, '-m', 'fast', '-w', '-t', '60', 'stop']).catch(() => undefined);
      if (alive(pid)) process.kill(pid, 'SIGQUIT');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresIds(): [number, number] {
  for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
    const [name, , uid, gid] = line.split(':');
    if (name === 'postgres') return [Number(uid), Number(gid)];
  }
  throw new Error('no postgres user in /etc/passwd');
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
