import type { Context, MiddlewareHandler } from 'hono';

/**
 * Refuses bodies over `maxSize` bytes. With a Content-Length it decides at once; otherwise it
 * reads the body (stopping past the limit) into hono's own body cache, where the validators find
 * it. Unlike hono/body-limit it never rebuilds the Request (`new Request(old, { body })`): in
 * Node that kept about 2 KB alive per request, which a long-running sandbox cannot afford.
 */
export function bodyLimit(maxSize: number, onTooLarge: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  return async (c, next) => {
    const raw = c.req.raw;
    if (!raw.body) return next();
    const length = raw.headers.get('content-length');
    if (length !== null && !raw.headers.has('transfer-encoding')) return Number(length) > maxSize ? onTooLarge(c) : next();
    const reader = raw.body.getReader();
    const chunks: Uint8Array[] = [];
    let size = 0;
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
    const body = new Uint8Array(size);
    let offset = 0;
    for (const chunk of chunks) {
      body.set(chunk, offset);
      offset += chunk.length;
    }
    // hono keeps promises in its body cache (its type says otherwise): raw.arrayBuffer() would go there.
    (c.req.bodyCache as { arrayBuffer?: Promise<ArrayBuffer> }).arrayBuffer = Promise.resolve(body.buffer);
    return next();
  };
}
