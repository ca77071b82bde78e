import type { Context } from 'hono';
import type { SandboxEnv } from './deps.js';
import { header } from './header.js';

type BodyCache = { arrayBuffer?: Promise<ArrayBuffer>; text?: Promise<string> };

/** The body was larger than allowed: nothing of it is kept. */
export const TOO_LARGE = Symbol('too large');

const JSON_TYPE = /json/i;

/**
 * Reads the body once, refusing bodies over `maxSize` bytes, into hono's body cache where the
 * validators find it, and returns its text (undefined: no body was sent). Behind
 * @hono/node-server it reads Node's request stream directly: anything that touches c.req.raw.body
 * makes node-server build a full web Request (AbortSignal and all), which was the largest cost of
 * a request. In-process (app.request) it reads the web body. It never rebuilds the Request as
 * hono/body-limit does (`new Request(old, { body })`), which kept about 2 KB alive per request.
 * A request without a body is answered synchronously (no promise).
 */
export function readBody(c: Context<SandboxEnv>, maxSize: number): string | undefined | typeof TOO_LARGE | Promise<string | undefined | typeof TOO_LARGE> {
  const length = header(c, 'content-length');
  const chunked = header(c, 'transfer-encoding') !== undefined;
  if (length !== undefined && !chunked && Number(length) > maxSize) return TOO_LARGE;
  if (!chunked && (length === undefined || length === '0') && (c.req.method === 'GET' || c.req.method === 'HEAD' || length === '0')) return undefined;
  const incoming = c.env?.incoming;
  return incoming ? fromNode(c, incoming as AsyncIterable<Buffer>, maxSize) : fromWeb(c, maxSize);
}

async function fromNode(c: Context<SandboxEnv>, incoming: AsyncIterable<Buffer>, maxSize: number) {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of incoming) {
    size += chunk.length;
    if (size > maxSize) return TOO_LARGE;
    chunks.push(chunk);
  }
  const text = chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8');
  // hono keeps promises in its body cache (its type says otherwise).
  (c.req.bodyCache as BodyCache).text = Promise.resolve(text);
  return text;
}

async function fromWeb(c: Context<SandboxEnv>, maxSize: number) {
  const body = c.req.raw.body;
  if (!body) return undefined;
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > maxSize) {
      await reader.cancel();
      return TOO_LARGE;
    }
    chunks.push(value);
  }
  const whole = Buffer.concat(chunks);
  const text = whole.toString('utf8');
  const cache = c.req.bodyCache as BodyCache;
  // JSON is read as text (and may be rewritten as text); other bodies (forms, uploads) keep their bytes.
  if (JSON_TYPE.test(header(c, 'content-type') ?? '')) cache.text = Promise.resolve(text);
  // An exact copy: Buffer.concat may return a view into Node's shared pool, whose .buffer is not the body.
  else cache.arrayBuffer = Promise.resolve(whole.buffer.slice(whole.byteOffset, whole.byteOffset + whole.byteLength) as ArrayBuffer);
  return text;
}
