import type { Context, MiddlewareHandler } from 'hono';
import type { SandboxEnv } from './deps.js';
import { header } from './header.js';

type BodyCache = { arrayBuffer?: Promise<ArrayBuffer>; text?: Promise<string> };

/**
 * Refuses bodies over `maxSize` bytes, and reads the others once into hono's body cache, where
 * the validators find them. Behind @hono/node-server it reads Node's request stream directly:
 * anything that touches c.req.raw.body makes node-server build a full web Request (AbortSignal
 * and all), which was the largest cost of a request. In-process (app.request) it reads the web
 * body. It never rebuilds the Request as hono/body-limit does (`new Request(old, { body })`),
 * which kept about 2 KB alive per request.
 */
export function bodyLimit(maxSize: number, onTooLarge: (c: Context) => Response | Promise<Response>): MiddlewareHandler<SandboxEnv> {
  return async (c, next) => {
    const length = header(c, 'content-length');
    const chunked = header(c, 'transfer-encoding') !== undefined;
    if (length !== undefined && !chunked && Number(length) > maxSize) return onTooLarge(c);
    if (!chunked && (length === undefined || length === '0') && (c.req.method === 'GET' || c.req.method === 'HEAD' || length === '0')) return next();

    const chunks: Uint8Array[] = [];
    let size = 0;
    const incoming = c.env?.incoming;
    if (incoming) {
      for await (const chunk of incoming as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > maxSize) return onTooLarge(c);
        chunks.push(chunk);
      }
      // hono keeps promises in its body cache (its type says otherwise).
      (c.req.bodyCache as BodyCache).text = Promise.resolve(Buffer.concat(chunks).toString('utf8'));
      return next();
    }
    const body = c.req.raw.body;
    if (!body) return next();
    const reader = body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > maxSize) {
        await reader.cancel();
        return onTooLarge(c);
      }
      chunks.push(value);
    }
    // An exact copy: Buffer.concat may return a view into Node's shared pool, whose .buffer is not the body.
    const whole = Buffer.concat(chunks);
    (c.req.bodyCache as BodyCache).arrayBuffer = Promise.resolve(whole.buffer.slice(whole.byteOffset, whole.byteOffset + whole.byteLength) as ArrayBuffer);
    return next();
  };
}
