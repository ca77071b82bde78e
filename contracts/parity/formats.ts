/**
 * The format of a published value, as a client parsing it would see it: a JSON type, and for
 * strings the shape of the text (a date in one of Samco's layouts, a two-decimal amount, digits,
 * a UUID, ...). Two values "have the same format" when these classes are equal.
 */
const STRING_FORMATS: Array<[string, RegExp]> = [
  ['empty', /^$/],
  ['dd/MM/yy HH:mm:ss', /^\d{2}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2}$/],
  ['dd/MM/yyyy HH:mm:ss', /^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/],
  ['dd-Mon-yyyy HH:mm:ss', /^\d{2}-[A-Z][a-z]{2}-\d{4} \d{2}:\d{2}:\d{2}$/],
  ['yyyy-MM-dd HH:mm:ss', /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d)?$/],
  ['iso-datetime', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/],
  ['yyyy-MM-dd', /^\d{4}-\d{2}-\d{2}$/],
  ['uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i],
  ['ipv4', /^\d{1,3}(\.\d{1,3}){3}$/],
  ['amount-2dp', /^-?\d+\.\d{2}$/],
  ['grouped-amount', /^-?\d{1,3}(,\d{2,3})+(\.\d+)?$/],
  ['decimal', /^-?\d+\.\d+$/],
  ['digits', /^-?\d+$/],
];

/** A value the docs mask or elide ("XXX.XX.XX.XXX", "<SESSION_TOKEN>", "eyJhbGciOi..."): any string matches it. */
const PLACEHOLDER = /^<.+>$|X{3,}|\*{3,}|…|\.\.\.$/;

export function formatOf(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'string' && PLACEHOLDER.test(value)) return 'string:placeholder';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  if (typeof value !== 'string') return typeof value;
  for (const [name, pattern] of STRING_FORMATS) if (pattern.test(value)) return `string:${name}`;
  return 'string:text';
}

export type Drift = { kind: 'status' | 'field-added' | 'field-removed' | 'format-changed'; path: string; published?: string; actual?: string };

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Every leaf field of a published body, as a path (arrays: their first item, as `list[]`). */
export function leafPaths(body: unknown, prefix = ''): string[] {
  if (Array.isArray(body)) return body.length ? leafPaths(body[0], `${prefix}[]`) : [prefix];
  if (!isObject(body)) return [prefix];
  return Object.entries(body).flatMap(([k, v]) => leafPaths(v, prefix ? `${prefix}.${k}` : k));
}

/**
 * How an answer drifts from a published body: fields the answer lacks, fields it adds, and
 * fields whose value format differs. Arrays compare their first items; an empty array in the
 * answer leaves the published item's fields removed.
 */
export function compareBodies(published: unknown, actual: unknown, path = ''): Drift[] {
  if (Array.isArray(published)) {
    if (!Array.isArray(actual)) return [{ kind: 'format-changed', path, published: 'array', actual: formatOf(actual) }];
    if (!published.length) return [];
    if (!actual.length) return leafPaths(published[0], `${path}[]`).map((p) => ({ kind: 'field-removed' as const, path: p }));
    return compareBodies(published[0], actual[0], `${path}[]`);
  }
  if (isObject(published)) {
    if (!isObject(actual)) return [{ kind: 'format-changed', path, published: 'object', actual: formatOf(actual) }];
    const out: Drift[] = [];
    for (const [k, v] of Object.entries(published)) {
      const p = path ? `${path}.${k}` : k;
      if (!(k in actual)) out.push(...leafPaths(v, p).map((leaf) => ({ kind: 'field-removed' as const, path: leaf })));
      else out.push(...compareBodies(v, actual[k], p));
    }
    for (const k of Object.keys(actual)) if (!(k in published)) out.push({ kind: 'field-added', path: path ? `${path}.${k}` : k });
    return out;
  }
  const a = formatOf(published);
  const b = formatOf(actual);
  if (a === 'string:placeholder' && typeof actual === 'string') return [];
  return a === b ? [] : [{ kind: 'format-changed', path, published: a, actual: b }];
}

/** A published message with its variable parts (numbers, IPs, amounts) made comparable. */
export const messageShape = (text: string) => text.replace(/\d+([.,]\d+)*/g, '#');
