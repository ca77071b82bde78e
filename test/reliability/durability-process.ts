import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../../contracts/setup/processes.js';

export type Child = { child: ChildProcess; lines: string[]; exited: Promise<number | null>; waitFor(test: (line: string) => boolean): Promise<string> };

/** Starts test/reliability/durability-child.mjs (on the build) and collects its stdout lines. */
export function startChild(kind: 'sqlite' | 'postgres', where: string, mode: 'hold' | 'loop'): Child {
  const child = spawn(process.execPath, [join(ROOT, 'test/reliability/durability-child.mjs'), kind, where, mode], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines: string[] = [];
  const waiters: Array<() => void> = [];
  let rest = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop()!;
    lines.push(...parts);
    for (const wake of waiters.splice(0)) wake();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = async (test: (line: string) => boolean) => {
    for (;;) {
      const found = lines.find(test);
      if (found !== undefined) return found;
      if (child.exitCode !== null || child.signalCode !== null) throw new Error(`child exited (${child.exitCode ?? child.signalCode}) after: ${lines.join(' | ')}`);
      await Promise.race([new Promise<void>((wake) => waiters.push(wake)), exited]);
    }
  };
  return { child, lines, exited, waitFor };
}

/** Lets a child commit for a random while, kills it with SIGKILL, and returns the highest version it acknowledged. */
export async function killMidway(child: Child, minAcks: number): Promise<number> {
  await child.waitFor((line) => line === `ack ${minAcks}` || Number(line.split(' ')[1]) >= minAcks);
  await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 300)));
  child.child.kill('SIGKILL');
  await child.exited;
  const acks = child.lines.filter((line) => line.startsWith('ack ')).map((line) => Number(line.slice(4)));
  return Math.max(...acks);
}
