import { setTimeout as sleep } from 'node:timers/promises';
import type { Context, MiddlewareHandler } from 'hono';
import type { SandboxDomain } from '../domain/domain.js';
import { applyEvent } from '../sandbox/faults/events.js';
import { describeFired, type FaultEffectData, type FaultPlan } from '../sandbox/faults/plan.js';
import type { SandboxEnv } from './deps.js';
import { header } from './header.js';
import type { Reply } from './reply.js';

type Ctx = Context<SandboxEnv>;

const REASONS: Record<number, string> = { 429: 'Too Many Requests', 502: 'Bad Gateway', 503: 'Service Temporarily Unavailable', 504: 'Gateway Time-out' };

/** A gateway's own page (nginx's default form): HTML, not JSON, the same bytes every time. */
export function gatewayPage(status: number): string {
  const title = `${status} ${REASONS[status]}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

/** Tells @hono/node-server that the answer was written (or refused) on the socket already. */
const alreadySent = () => new Response(null, { headers: { 'x-hono-already-sent': '1' } });

/** Whether the request came over a socket of the node server (not app.request in-process). */
const socketOf = (c: Ctx) => (c.env?.incoming && c.env.outgoing ? { incoming: c.env.incoming, outgoing: c.env.outgoing } : null);

/** Resolves when the client closes the connection (in-process: when the request is aborted). */
function clientGone(c: Ctx): Promise<void> {
  const socket = socketOf(c)?.incoming.socket;
  if (socket) return socket.destroyed ? Promise.resolve() : new Promise((resolve) => socket.once('close', () => resolve()));
  const signal = c.req.raw.signal;
  return signal.aborted ? Promise.resolve() : new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

/** An in-process stand-in for a broken connection: a body that fails after `bytes` (app.request has no socket to break). */
function brokenBody(res: Response | null, bytes: Uint8Array, label: string): Response {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      if (bytes.length) controller.enqueue(bytes);
      controller.error(new Error(`sandbox fault: ${label}`));
    },
  });
  return new Response(stream, { status: res?.status ?? 502, headers: res?.headers ?? { 'x-sandbox-fault': label } });
}

function reset(c: Ctx): Response {
  c.set('sentStatus', 0);
  const socket = socketOf(c);
  if (!socket) return brokenBody(null, new Uint8Array(), 'connection reset');
  socket.incoming.socket.resetAndDestroy();
  return alreadySent();
}

async function hang(c: Ctx): Promise<Response> {
  c.set('sentStatus', 0);
  await clientGone(c);
  return socketOf(c) ? alreadySent() : brokenBody(null, new Uint8Array(), 'no answer');
}

/** Headers with the full Content-Length, then half the body, then the connection closes. */
async function cut(c: Ctx, res: Response): Promise<Response> {
  const body = new Uint8Array(await res.arrayBuffer());
  const half = body.subarray(0, Math.floor(body.length / 2));
  c.set('sentStatus', res.status);
  const socket = socketOf(c);
  if (!socket) return brokenBody(res, half, 'answer cut');
  const headers: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    headers[name] = value;
  });
  headers['content-length'] = String(body.length);
  const { outgoing } = socket;
  outgoing.writeHead(res.status, headers);
  await new Promise<void>((resolve) => outgoing.write(half, () => resolve()));
  outgoing.socket?.destroy();
  return alreadySent();
}

type TransportEffect = Extract<FaultEffectData, { effect: 'reset' | 'cut' | 'hang' }>;

/**
 * Breaks the connection as a fault asked, once the operation's changes are committed and durable
 * (stage after, and cut), so the order the answer never reached exists, fully.
 */
export function breakConnection(c: Ctx, effect: TransportEffect, res: Response): Promise<Response> | Response {
  if (effect.effect === 'reset') return reset(c);
  if (effect.effect === 'hang') return hang(c);
  return cut(c, res);
}

/**
 * Runs the fault rules: latency, the operation's own failure answer, a gateway's 429/502/503/504,
 * a reset connection, an answer cut halfway, no answer at all, a market event. Nothing a fault
 * interrupts is half-applied: a fault at stage `before` fires before the operation runs (nothing
 * changed); at stage `after` (and `cut`, always) the operation runs in full, and its answer is
 * replaced (it leaves after the commit, like every answer) or its connection broken after the
 * commit (breakAfterCommit).
 */
export function injectFaults(plan: FaultPlan, domain: SandboxDomain, reply: Reply): MiddlewareHandler<SandboxEnv> {
  const whoIs = (c: Ctx): { account: string | null; app: string | null } => {
    const session = header(c, 'x-session-token');
    if (session) {
      const s = domain.sessions.authenticate(session);
      if (s.ok) return { account: s.value.account.uid, app: s.value.session.appId };
    }
    const dashboard = header(c, 'x-dashboard-token');
    if (dashboard) {
      const a = domain.accounts.dashboardAccount(dashboard);
      if (a.ok) return { account: a.value.uid, app: null };
    }
    return { account: null, app: null };
  };

  const gateway = (c: Ctx, status: 429 | 502 | 503 | 504, retryAfter?: number) => {
    if (retryAfter !== undefined) c.header('Retry-After', String(retryAfter));
    c.header('Content-Type', 'text/html');
    return c.body(gatewayPage(status), status);
  };

  /** What replaces the answer: built before the operation (stage before) or after it committed. */
  const strike = async (c: Ctx, effect: FaultEffectData, res: Response | null): Promise<Response> => {
    switch (effect.effect) {
      case 'failure':
        return reply.fail(c, { code: effect.code ?? 'INTERNAL' }) as unknown as Response;
      case 'gateway':
        return gateway(c, effect.status);
      case 'rate-limit':
        return gateway(c, 429, effect.retryAfterSeconds);
      case 'reset':
      case 'hang':
      case 'cut':
        return breakConnection(c, effect, res!);
      default:
        throw new Error(`not a striking effect: ${effect.effect}`);
    }
  };

  // Without rules (the usual case) a request passes straight on, without a step of its own.
  const run: MiddlewareHandler<SandboxEnv> = async (c, next) => {
    if (c.req.path === '/__sandbox/reset') {
      // A reset starts the chaos profile over too: the --faults rules, counters at zero.
      await next();
      if (c.res.status === 200) plan.restart();
      return;
    }
    if (plan.size === 0 || c.req.path.startsWith('/__sandbox')) return next();
    const fired = plan.decide({ method: c.req.method, path: c.req.path, now: domain.clock.now(), ...whoIs(c) });
    if (!fired) return next();
    const { effect } = fired;
    if (effect.effect === 'latency') {
      const ms = plan.latencyOf(effect);
      c.set('fault', describeFired(fired, `${ms} ms`));
      await sleep(ms);
      return next();
    }
    if (effect.effect === 'event') {
      const outcome = applyEvent(domain, effect.event);
      c.set('fault', describeFired(fired, outcome.ok ? outcome.value.detail : `event refused: ${outcome.error.code}`));
      return next();
    }
    const after = effect.effect === 'cut' || ('stage' in effect && effect.stage === 'after');
    c.set('fault', describeFired(fired, after ? 'after the operation committed: its change is applied' : 'before the operation: nothing applied'));
    if (!after) return strike(c, effect, null);
    await next();
    if (effect.effect === 'reset' || effect.effect === 'hang' || effect.effect === 'cut') {
      // Broken by breakAfterCommit, once the change is durable; the journal already knows what the client gets.
      c.set('sentStatus', effect.effect === 'cut' ? c.res.status : 0);
      c.set('breakAfterCommit', effect);
      return;
    }
    // The replaced answer leaves, like any answer, only after the unit of work committed.
    c.res = await strike(c, effect, c.res);
  };
  return (c, next) => (plan.size === 0 && c.req.path !== '/__sandbox/reset' ? next() : run(c, next));
}
