import { compareBodies, type Drift, leafPaths, messageShape } from './formats.js';
import { type IndexEntry, publishedErrorCodes, publishedMessages, type SampleSet } from './samples.js';

/** One request as the replay sends it, and what came back (or why nothing did). */
export type Replayed = {
  request: { method: string; path: string; body?: unknown; headers: Record<string, string> };
  status: number | null;
  body: unknown;
  error?: string;
};

/** What the row of one operation is judged from. */
export type RowInput = {
  entry: IndexEntry;
  samples: SampleSet | undefined;
  /** null: not asked (a writing call not replayed against another backend). */
  served: boolean | null;
  replays: Replayed[];
  /** Message shapes and errorCodes of the refusals the operation declares (the sandbox's table; empty for another backend). */
  declaredMessages?: Set<string>;
  declaredCodes?: Set<string>;
  note?: string;
};

export type Count = { n: number; m: number };
export type Row = {
  operation: string;
  chapter: string;
  listed: 'index' | 'chapter';
  served: boolean | null;
  accepted: boolean | null;
  fields: Count;
  messages: Count;
  errorCodes: Count;
  drift: Drift[];
  complete: boolean;
  note: string;
  curl: string | null;
};

/** The answer refuses the request's shape (not its content): not accepted. */
export function shapeRefused(r: Replayed): boolean {
  if (r.status === null) return true;
  if (r.status === 404 || r.status === 405 || r.status === 415) return true;
  if (r.status !== 400) return false;
  const text = JSON.stringify(r.body ?? '');
  return /Invalid request:|Malformed JSON|Unsupported Media Type/.test(text);
}

function messagesOf(body: unknown): string[] {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if ((k === 'statusMessage' || k === 'message' || k === 'statusMsg') && typeof v === 'string') out.push(v);
        else if (k === 'validationErrors' && Array.isArray(v)) out.push(...v.filter((e): e is string => typeof e === 'string'));
        else walk(v);
      }
    }
  };
  walk(body);
  return out;
}

const shellQuote = (s: string) => `'${s.replaceAll("'", "'\\''")}'`;

/** A curl line that sends the request again (a session token as $SAMCO_SESSION_TOKEN, never its value). */
export function curlOf(base: string, r: Replayed['request']): string {
  const parts = ['curl -s', `-X ${r.method}`, shellQuote(`${base}${r.path}`)];
  for (const [name, value] of Object.entries(r.headers)) {
    if (name === 'x-session-token') parts.push('-H "x-session-token: $SAMCO_SESSION_TOKEN"');
    else parts.push(`-H ${shellQuote(`${name}: ${value}`)}`);
  }
  if (r.body !== undefined) parts.push(`-d ${shellQuote(JSON.stringify(r.body))}`);
  return parts.join(' ');
}

export function buildRow(input: RowInput, base: string): Row {
  const { entry, samples, replays } = input;
  const operation = `${entry.method} ${entry.path}`;
  const first = replays[0];
  const accepted = !input.served || !samples ? null : first ? !shapeRefused(first) : null;
  const published = samples?.responses.find((r) => r.status === 200);
  const success = replays.find((r) => r.status === 200 && r.body && typeof r.body === 'object');
  let fields: Count = { n: 0, m: 0 };
  let drift: Drift[] = [];
  if (published) {
    const m = leafPaths(published.body).length;
    drift = success ? compareBodies(published.body, success.body) : [];
    const broken = success ? drift.filter((d) => d.kind !== 'field-added').length : m;
    fields = { n: m - broken, m };
    if (!success && first && first.status !== null) drift = [{ kind: 'status', path: '', published: '200', actual: String(first.status) }];
  }
  const answered = new Set(replays.flatMap((r) => messagesOf(r.body)).map(messageShape));
  const wanted = samples ? publishedMessages(samples) : [];
  const messages = { n: wanted.filter((t) => answered.has(messageShape(t)) || input.declaredMessages?.has(messageShape(t))).length, m: wanted.length };
  const codesAnswered = new Set(replays.map((r) => (r.body as { errorCode?: unknown } | null)?.errorCode).filter((c): c is string => typeof c === 'string'));
  const codesWanted = samples ? publishedErrorCodes(samples) : [];
  const errorCodes = { n: codesWanted.filter((c) => codesAnswered.has(c) || input.declaredCodes?.has(c)).length, m: codesWanted.length };
  const complete = input.served === true && accepted !== false && !!samples && fields.n === fields.m && messages.n === messages.m && errorCodes.n === errorCodes.m;
  const failing = replays.find((r) => r.status !== 200) ?? first;
  return {
    operation,
    chapter: samples?.chapter ?? entry.chapter,
    listed: entry.listed,
    served: input.served,
    accepted,
    fields,
    messages,
    errorCodes,
    drift,
    complete,
    note: input.note ?? (samples ? '' : 'published samples not extracted yet'),
    curl: !complete && failing ? curlOf(base, failing.request) : null,
  };
}

const count = (c: Count) => (c.m === 0 ? '–' : `${c.n} of ${c.m}`);
const yesNo = (b: boolean | null) => (b === null ? '–' : b ? 'yes' : 'no');
const cell = (s: string) => s.replaceAll('|', '\\|').replaceAll('\n', ' ');

/** The table: one row per documented operation. */
export function renderTable(rows: Row[]): string {
  const lines = [
    '| operation | chapter | served | published request accepted | published response fields (present, same format) | published messages | published errorCodes | complete | notes |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    lines.push(
      `| \`${r.operation}\` | ${r.chapter}${r.listed === 'chapter' ? ' (not in the index table)' : ''} | ${yesNo(r.served)} | ${yesNo(r.accepted)} | ${count(r.fields)} | ${count(r.messages)} | ${count(r.errorCodes)} | ${r.complete ? 'yes' : 'no'} | ${cell(r.note)} |`,
    );
  }
  return lines.join('\n');
}

/** The drift of each row that has some, typed, with a curl line that reproduces it. */
export function renderDrift(rows: Row[]): string {
  const out: string[] = [];
  for (const r of rows) {
    if (!r.drift.length && !r.curl) continue;
    out.push(`### \`${r.operation}\``);
    for (const d of r.drift.slice(0, 12)) {
      const detail = d.kind === 'format-changed' ? `: published ${d.published}, answered ${d.actual}` : d.kind === 'status' ? `: published ${d.published}, answered ${d.actual}` : '';
      out.push(`- ${d.kind} ${d.path ? `\`${d.path}\`` : ''}${detail}`);
    }
    if (r.drift.length > 12) out.push(`- and ${r.drift.length - 12} more`);
    if (r.curl) out.push('', '```sh', r.curl, '```');
    out.push('');
  }
  return out.join('\n');
}

export function summary(rows: Row[]): string {
  const complete = rows.filter((r) => r.complete).length;
  const served = rows.filter((r) => r.served).length;
  return `${rows.length} documented operations: ${served} served, ${complete} complete.`;
}
