import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type Sample = { rps: number; p50: number; p99: number; non2xx: number };

const dir = mkdtempSync(join(tmpdir(), 'bench-'));

function ms(text: string): number {
  const m = text.match(/([\d.]+)(us|ms|s)/);
  if (!m) return NaN;
  const n = Number(m[1]);
  return m[2] === 'us' ? n / 1000 : m[2] === 's' ? n * 1000 : n;
}

/** One wrk run (one thread, so the server keeps the other core): requests/s and p50/p99 in ms. */
export function wrk(url: string, request: { method: string; body?: string; headers?: Record<string, string> }, connections: number, seconds: number): Sample {
  const script = join(dir, `r${Math.random().toString(36).slice(2)}.lua`);
  const lines = [`wrk.method = ${JSON.stringify(request.method)}`];
  if (request.body) lines.push(`wrk.body = ${JSON.stringify(request.body)}`);
  for (const [k, v] of Object.entries(request.headers ?? {})) lines.push(`wrk.headers[${JSON.stringify(k)}] = ${JSON.stringify(v)}`);
  writeFileSync(script, `${lines.join('\n')}\n`);
  const out = execFileSync('wrk', ['-t1', `-c${connections}`, `-d${seconds}s`, '--latency', '-s', script, url], { encoding: 'utf8' });
  const rps = Number(out.match(/Requests\/sec:\s+([\d.]+)/)?.[1]);
  const p50 = ms(out.match(/^\s+50%\s+(\S+)/m)?.[1] ?? '');
  const p99 = ms(out.match(/^\s+99%\s+(\S+)/m)?.[1] ?? '');
  const non2xx = Number(out.match(/Non-2xx or 3xx responses: (\d+)/)?.[1] ?? 0);
  if (!Number.isFinite(rps)) throw new Error(`cannot read wrk's output:\n${out}`);
  return { rps, p50, p99, non2xx };
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median of each figure over `runs` repetitions. */
export function medianOf(runs: Sample[]): Sample {
  return { rps: median(runs.map((r) => r.rps)), p50: median(runs.map((r) => r.p50)), p99: median(runs.map((r) => r.p99)), non2xx: median(runs.map((r) => r.non2xx)) };
}

export function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}
