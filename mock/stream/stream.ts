import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { ERRORS } from '../../spec/errors.js';
import { STREAM_RULES } from '../../spec/schemas/market-data-rules.js';
import type { SandboxDomain } from '../domain/domain.js';
import type { Listing } from '../domain/market/instruments.js';
import { listingKey, symbolCodeOf } from '../domain/market/instruments.js';
import type { PriceChange } from '../domain/market/market.js';
import { quote2Tick, quoteTick } from '../http/market-data-present.js';
import type { Reply } from '../http/reply.js';
import type { StreamFaults, StreamPeer, StreamStrike } from '../sandbox/faults/stream.js';
import { LineBuffer, parseCommand, type StreamingType } from './frames.js';
import type { StreamStats, StreamStatsSource } from './stats.js';

type Connection = {
  ws: WebSocket;
  /** The TCP socket under `ws`: corked while a batch of ticks is written, so the batch leaves in one write. */
  socket: Duplex;
  /** Corked for the current batch of ticks. */
  corked: boolean;
  /** Bytes written into the cork since the batch began: not "unsent" in the slow-consumer sense (they leave when the batch ends). */
  batched: number;
  token: string;
  lines: LineBuffer;
  /** Listing key -> the streaming types subscribed. */
  subs: Map<string, Set<StreamingType>>;
  alive: boolean;
  /** While the consumer is over its buffer limit: the newest frame per symbol and type, sent when it drains. */
  pending: Map<string, Buffer>;
  /** Who it is, for fault rules (account, app) and the journal (peer address). */
  peer: StreamPeer;
  /** The newest tick offered per symbol and type (what an out-of-order fault sends again after a newer one). */
  last: Map<string, Buffer>;
  /** While a pause fault holds the connection: its end; ticks meanwhile wait in `pending`, newest per symbol. */
  paused: NodeJS.Timeout | null;
};

export type StreamOptions = { log?: (line: string) => void; rules?: Partial<typeof STREAM_RULES>; faults?: StreamFaults | undefined };

/**
 * Samco's live stream (wss://stream.samco.in) on the sandbox's own origin: a WebSocket upgrade at
 * "/", authenticated by x-session-token. A transport like http/: it listens to the market's price
 * changes and sends each subscriber the tick the presenters build; it holds no market rule.
 */
export class MarketStream implements StreamStatsSource {
  private readonly wss: WebSocketServer;
  private readonly connections = new Set<Connection>();
  /** Listing key -> type -> subscribers. */
  private readonly subscribers = new Map<string, Record<StreamingType, Set<Connection>>>();
  private readonly rules: typeof STREAM_RULES;
  private readonly faults: StreamFaults | null;
  private readonly timers: NodeJS.Timeout[] = [];
  private readonly stopListening: () => void;
  private sent = 0;
  private dropped = 0;
  /** Connections corked for the current batch (the ticks of one synchronous run, e.g. a replay's commit); uncorked in one microtask. */
  private readonly corked: Connection[] = [];

  constructor(
    private readonly domain: SandboxDomain,
    private readonly reply: Reply,
    options: StreamOptions = {},
  ) {
    this.rules = { ...STREAM_RULES, ...options.rules };
    this.faults = options.faults ?? null;
    this.wss = new WebSocketServer({ noServer: true, maxPayload: this.rules.maxFrameBytes, perMessageDeflate: false });
    this.stopListening = domain.market.onPriceChange((change) => this.onPriceChange(change));
    const every = (ms: number, fn: () => void) => {
      const t = setInterval(fn, ms);
      t.unref();
      this.timers.push(t);
    };
    every(this.rules.sessionCheckMs, () => this.checkSessions());
    every(this.rules.pingIntervalMs, () => this.ping());
    every(this.rules.drainCheckMs, () => this.flushAll());
  }

  /** Serves the stream on a Node server: upgrades at "/" only; the server's close ends the stream too. */
  attach(server: Server) {
    server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => this.upgrade(req, socket, head));
    const close = server.close.bind(server);
    server.close = ((callback?: (err?: Error) => void) => {
      this.close();
      return close(callback);
    }) as Server['close'];
    return this;
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/') return refuse(socket, 404, 'Not Found', JSON.stringify(this.reply.failureBody(`No such endpoint: WebSocket upgrade at ${path} (the stream is at /)`)));
    const raw = req.headers['x-session-token'];
    const token = Array.isArray(raw) ? raw[0] : raw;
    const auth = this.domain.sessions.authenticate(token?.trim() || undefined);
    if (!auth.ok) return refuse(socket, 401, 'Unauthorized', JSON.stringify(this.reply.failureBody(auth.error.message ?? ERRORS[auth.error.code].message)));
    const peer: StreamPeer = { account: auth.value.account.uid, app: auth.value.session.appId, peer: req.socket.remoteAddress ?? '127.0.0.1' };
    this.wss.handleUpgrade(req, socket, head, (ws) => this.open(ws, socket, token!.trim(), peer));
  }

  private open(ws: WebSocket, socket: Duplex, token: string, peer: StreamPeer) {
    const conn: Connection = {
      ws,
      socket,
      corked: false,
      batched: 0,
      token,
      lines: new LineBuffer(this.rules.maxFrameBytes),
      subs: new Map(),
      alive: true,
      pending: new Map(),
      peer,
      last: new Map(),
      paused: null,
    };
    this.connections.add(conn);
    ws.on('pong', () => {
      conn.alive = true;
    });
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      const lines = conn.lines.push(data.toString());
      if (lines === null) return ws.close(1009, 'Frame too large');
      for (const line of lines) this.command(conn, line);
    });
    ws.on('close', () => this.drop(conn));
    ws.on('error', () => this.drop(conn));
    const strike = this.faults?.active ? this.faults.onOpen(peer) : null;
    if (strike) this.strike(conn, strike, null);
  }

  private command(conn: Connection, line: string) {
    const command = parseCommand(line);
    if (!command) return;
    for (const symbol of command.symbols) {
      const listing = this.domain.market.bySymbolCode(symbol);
      if (!listing) continue;
      const key = listingKey(listing);
      if (command.action === 'unsubscribe') {
        const types = conn.subs.get(key);
        types?.delete(command.type);
        if (types?.size === 0) conn.subs.delete(key);
        this.subscribers.get(key)?.[command.type].delete(conn);
        continue;
      }
      const types = conn.subs.get(key);
      if (!types && conn.subs.size >= this.rules.maxSymbols) continue;
      if (types?.has(command.type)) continue;
      conn.subs.set(key, (types ?? new Set()).add(command.type));
      let byType = this.subscribers.get(key);
      if (!byType) {
        byType = { quote: new Set(), quote2: new Set() };
        this.subscribers.set(key, byType);
      }
      byType[command.type].add(conn);
      this.send(conn, listing, command.type, this.frame(listing, command.type));
    }
  }

  /** A tick as the bytes of one text message: encoded once, however many subscribers it goes to. */
  private frame(listing: Listing, type: StreamingType): Buffer {
    return Buffer.from(JSON.stringify(type === 'quote' ? quoteTick(this.domain.market, listing) : quote2Tick(this.domain.market, listing)));
  }

  /** A price changed: one frame per streaming type, built once, to every subscriber of the symbol. */
  private onPriceChange({ key, listing }: PriceChange) {
    const byType = this.subscribers.get(key);
    if (!byType) return;
    for (const type of ['quote', 'quote2'] as const) {
      if (byType[type].size === 0) continue;
      const frame = this.frame(listing, type);
      for (const conn of byType[type]) this.send(conn, listing, type, frame);
    }
  }

  /** One tick to one connection: the fault rules are asked first (when any WS rule exists). */
  private send(conn: Connection, listing: Listing, type: StreamingType, frame: Buffer) {
    if (conn.ws.readyState !== conn.ws.OPEN) return;
    const slot = `${listingKey(listing)}|${type}`;
    const strike = this.faults?.active ? this.faults.onTick(conn.peer, symbolCodeOf(listing), type) : null;
    if (strike) return this.strike(conn, strike, { slot, frame });
    this.deliver(conn, slot, frame);
  }

  /**
   * Does what a fired stream fault says, and has it journaled with what was done. A tick the
   * fault does not swallow goes the usual way (deliver): a faulted consumer never holds up another.
   */
  private strike(conn: Connection, { effect, record }: StreamStrike, tick: { slot: string; frame: Buffer } | null) {
    switch (effect.effect) {
      case 'drop':
        record(tick ? 'the socket ended without a close frame, before this tick (the client sees 1006)' : 'the socket ended without a close frame, right after the upgrade (the client sees 1006)');
        this.release(conn);
        conn.ws.terminate();
        this.drop(conn);
        return;
      case 'pause': {
        if (conn.paused) clearTimeout(conn.paused);
        conn.paused = setTimeout(() => {
          conn.paused = null;
          this.flush(conn);
        }, effect.ms);
        conn.paused.unref();
        record(`no tick for ${effect.ms} ms; then the newest tick of each symbol`);
        if (tick) this.deliver(conn, tick.slot, tick.frame);
        return;
      }
      case 'duplicate':
        record(this.behind(conn) ? 'the connection is behind: the copy replaced the original, sent once' : 'the tick sent twice');
        this.deliver(conn, tick!.slot, tick!.frame);
        this.deliver(conn, tick!.slot, tick!.frame);
        return;
      case 'out-of-order': {
        const older = conn.last.get(tick!.slot);
        const direct = !this.behind(conn);
        this.deliver(conn, tick!.slot, tick!.frame);
        if (!older) return record('no earlier tick of this symbol on this connection: nothing sent again');
        if (!direct) return record('the connection is behind: nothing sent again');
        record('the previous tick of this symbol sent again, after this one');
        this.write(conn, older);
        return;
      }
    }
  }

  /**
   * Never waits for a consumer: one whose unsent data is over the limit (or paused by a fault)
   * gets the symbol's newest tick once it drains, and misses the ones in between (each tick is
   * the symbol's whole state).
   */
  private deliver(conn: Connection, slot: string, frame: Buffer) {
    if (conn.ws.readyState !== conn.ws.OPEN) return;
    conn.last.set(slot, frame);
    if (this.behind(conn)) {
      if (conn.pending.has(slot)) this.dropped++;
      conn.pending.set(slot, frame);
      this.flush(conn);
      return;
    }
    this.write(conn, frame);
  }

  /** Paused by a fault, or over its buffer limit: its ticks wait, newest per symbol. */
  private behind(conn: Connection): boolean {
    return conn.paused !== null || conn.pending.size > 0 || this.unsent(conn) > this.rules.maxBufferedBytes;
  }

  /** What the consumer has not taken yet: the socket's buffered bytes, less the current batch's (they are only waiting for the batch to end). */
  private unsent(conn: Connection): number {
    return conn.ws.bufferedAmount - conn.batched;
  }

  private write(conn: Connection, frame: Buffer) {
    this.batch(conn);
    const before = conn.ws.bufferedAmount;
    conn.ws.send(frame, { binary: false });
    conn.batched += conn.ws.bufferedAmount - before;
    this.sent++;
  }

  /**
   * Corks the connection's socket until the current synchronous run ends: a replay's 100 ticks to
   * one subscriber leave in one write (one system call) instead of 100. Every frame stays its own
   * WebSocket message, byte for byte; the batch ends in a microtask, before any I/O or timer.
   */
  private batch(conn: Connection) {
    if (conn.corked) return;
    conn.corked = true;
    conn.socket.cork();
    if (this.corked.push(conn) === 1) queueMicrotask(() => this.endBatch());
  }

  private endBatch() {
    for (const conn of this.corked.splice(0)) this.release(conn);
  }

  /** Sends what the batch holds for one connection now (at the batch's end, or before its socket ends). */
  private release(conn: Connection) {
    if (!conn.corked) return;
    conn.corked = false;
    conn.batched = 0;
    conn.socket.uncork();
  }

  private flush(conn: Connection) {
    if (conn.ws.readyState !== conn.ws.OPEN || conn.paused) return;
    for (const [slot, frame] of conn.pending) {
      if (this.unsent(conn) > this.rules.maxBufferedBytes) return;
      conn.pending.delete(slot);
      this.write(conn, frame);
    }
  }

  private flushAll() {
    for (const conn of this.connections) if (conn.pending.size > 0) this.flush(conn);
  }

  private checkSessions() {
    for (const conn of this.connections) {
      const auth = this.domain.sessions.authenticate(conn.token);
      if (!auth.ok) {
        const reason = auth.error.message ?? ERRORS[auth.error.code].message;
        conn.ws.close(this.rules.sessionEndedCode, Buffer.byteLength(reason) <= 123 ? reason : reason.slice(0, 120));
        this.drop(conn);
      }
    }
  }

  private ping() {
    for (const conn of this.connections) {
      if (!conn.alive) {
        this.release(conn);
        conn.ws.terminate();
        this.drop(conn);
        continue;
      }
      conn.alive = false;
      conn.ws.ping();
    }
  }

  private drop(conn: Connection) {
    if (!this.connections.delete(conn)) return;
    for (const [key, types] of conn.subs) for (const type of types) this.subscribers.get(key)?.[type].delete(conn);
    conn.subs.clear();
    conn.pending.clear();
    conn.last.clear();
    if (conn.paused) clearTimeout(conn.paused);
    conn.paused = null;
  }

  stats(): StreamStats {
    let subscriptions = 0;
    for (const conn of this.connections) for (const types of conn.subs.values()) subscriptions += types.size;
    return { connections: this.connections.size, subscriptions, ticksSent: this.sent, ticksDropped: this.dropped };
  }

  /** Ends every connection (going away) and stops listening to the market. */
  close() {
    for (const t of this.timers) clearInterval(t);
    this.timers.length = 0;
    this.stopListening();
    for (const conn of [...this.connections]) {
      this.release(conn);
      conn.ws.close(1001, 'Server shutting down');
      conn.ws.terminate();
      this.drop(conn);
    }
    this.wss.close();
  }
}

/** Answers an upgrade it will not make with an HTTP response and a JSON body, then closes. */
function refuse(socket: Duplex, status: number, reason: string, body: string) {
  if (!socket.writable) return socket.destroy();
  const head = `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`;
  socket.end(head + body, () => socket.destroy());
}
