import docsIndex from './docs-index.json' with { type: 'json' };
import published from './samples.json' with { type: 'json' };

export type PublishedResponse = { status: number; label: string; body: Record<string, unknown> };
export type PublishedRequest = { path?: Record<string, string>; query?: Record<string, string>; body?: unknown };
export type SampleSet = { operation: string; chapter: string; request: PublishedRequest | null; responses: PublishedResponse[] };
export type IndexEntry = { method: string; path: string; chapter: string; listed: 'index' | 'chapter' };

/** The published samples we extracted (contracts/parity/samples.json), by "METHOD /path". */
export function loadSamples(): Map<string, SampleSet> {
  const operations = published.operations as unknown as SampleSet[];
  return new Map(operations.map((s) => [s.operation, s]));
}

/** Every documented operation: the docs index, then the chapters' operations outside it. */
export function loadIndex(): IndexEntry[] {
  return docsIndex.operations as IndexEntry[];
}

/** The texts a sample publishes: statusMessage, message, statusMsg and validationErrors, at any depth. */
export function publishedMessages(set: SampleSet): string[] {
  const out = new Set<string>();
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if ((k === 'statusMessage' || k === 'message' || k === 'statusMsg') && typeof v === 'string') out.add(v);
        else if (k === 'validationErrors' && Array.isArray(v))
          for (const e of v)
            if (typeof e === 'string') out.add(e);
            else walk(v);
      }
    }
  };
  for (const r of set.responses) walk(r.body);
  return [...out];
}

export function publishedErrorCodes(set: SampleSet): string[] {
  return [...new Set(set.responses.map((r) => r.body.errorCode).filter((c): c is string => typeof c === 'string'))];
}
