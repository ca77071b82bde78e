import { allRoutes } from '../../spec/routes/index.js';

/** Edit distance between two strings (insertions, deletions, substitutions). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

const DOCUMENTED = allRoutes.filter((r) => !r.path.startsWith('/__sandbox')).map((r) => ({ method: r.method.toUpperCase(), path: r.path }));

/**
 * The documented operation nearest to a request no operation serves: the closest path (case
 * ignored, a path parameter standing for the request's segment), the same method breaking ties.
 * Null when nothing is close (more than 30% of the path would have to change).
 */
export function nearestOperation(method: string, path: string): string | null {
  let best: { score: number; name: string } | null = null;
  const wanted = path.toLowerCase();
  const segments = wanted.split('/');
  for (const op of DOCUMENTED) {
    const template = op.path.toLowerCase().split('/');
    // A path parameter takes the request's segment at its place, when the request has as many segments.
    const concrete = template.map((part, i) => (/^\{.+\}$/.test(part) && template.length === segments.length ? segments[i]! : part)).join('/');
    const distance = editDistance(wanted, concrete);
    if (distance > Math.max(2, Math.floor(concrete.length * 0.3))) continue;
    const score = distance * 2 + (op.method === method.toUpperCase() ? 0 : 1);
    if (!best || score < best.score) best = { score, name: `${op.method} ${op.path}` };
  }
  return best?.name ?? null;
}
