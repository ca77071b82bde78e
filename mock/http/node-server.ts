import { serve } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { ERRORS, type ErrorCode } from '../../spec/errors.js';
import type { Sandbox } from '../server.js';
import { Reply } from './reply.js';
import { MarketStream } from '../stream/stream.js';

/** How long a whole request may take to arrive (a body that never ends holds a socket no longer), and its headers. */
export const REQUEST_TIMEOUT_MS = 30_000;
const HEADERS_TIMEOUT_MS = 10_000;

export type ListenOptions = { port: number; hostname: string; requestTimeoutMs?: number; log?: (line: string) => void };

/** Node's own refusals, made before a request reaches the app, by the code of the error it reports. */
const NODE_REFUSALS: Record<string, { status: number; reason: string; code: ErrorCode }> = {
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, reason: 'Request Timeout', code: 'REQUEST_TIMEOUT' },
  HPE_HEADER_OVERFLOW: { status: 431, reason: 'Request Header Fields Too Large', code: 'HEADERS_TOO_LARGE' },
  HPE_CHUNK_EXTENSIONS_OVERFLOW: { status: 413, reason: 'Payload Too Large', code: 'PAYLOAD_TOO_LARGE' },
};
const MALFORMED = { status: 400, reason: 'Bad Request', code: 'MALFORMED_HTTP' } as const;

/**
 * Serves the sandbox over HTTP: timeouts that fit a sandbox instead of Node's 300 s, and Node's
 * own answers to requests it cannot parse or that time out (431, 400, 408, 413) as JSON envelopes
 * instead of empty bodies. A socket that already carries a response, or is gone, is closed.
 */
export function listen(sandbox: Sandbox, options: ListenOptions, onListening?: (info: AddressInfo) => void): Server {
  const requestTimeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const serverOptions = { requestTimeout, headersTimeout: Math.min(HEADERS_TIMEOUT_MS, requestTimeout), connectionsCheckingInterval: Math.min(1_000, requestTimeout) };
  const server = serve({ fetch: sandbox.app.fetch, port: options.port, hostname: options.hostname, serverOptions }, onListening) as Server;
  const reply = new Reply(sandbox.domain);
  const log = options.log ?? (() => {});
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex & { bytesWritten?: number }) => {
    // The client hung up (a reset, or the end of its stream mid-request): nobody to answer.
    if (!socket.writable || socket.bytesWritten !== 0 || error.code === 'ECONNRESET' || error.code === 'HPE_INVALID_EOF_STATE') {
      socket.destroy();
      return;
    }
    const refusal = NODE_REFUSALS[error.code ?? ''] ?? MALFORMED;
    const message = refusal.code === 'REQUEST_TIMEOUT' ? `Request timed out: the whole request must arrive within ${requestTimeout / 1000} seconds.` : ERRORS[refusal.code].message;
    const body = JSON.stringify(reply.failureBody(message));
    log(`refused before routing: ${refusal.status} (${error.code ?? 'unknown'})`);
    const head = `HTTP/1.1 ${refusal.status} ${refusal.reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`;
    socket.end(head + body, () => socket.destroy());
  });
  // The live stream: WebSocket upgrades at "/" of the same origin (Samco's wss://stream.samco.in has no path).
  const stream = new MarketStream(sandbox.domain, reply, { log, faults: sandbox.market?.streamFaults }).attach(server);
  sandbox.market?.streamStats.attach(stream);
  return server;
}
