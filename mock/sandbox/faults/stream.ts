import type { SandboxDomain } from '../../domain/domain.js';
import { isLoopback } from '../../http/source-ip.js';
import type { RequestJournal } from '../journal.js';
import { describeFired, type FaultEffectData, type FaultPlan, type Fired, STREAM_METHOD, type StreamEvent } from './plan.js';

export type StreamEffect = Extract<FaultEffectData, { effect: 'drop' | 'pause' | 'duplicate' | 'out-of-order' }>;

/** Who a stream connection is, as rules and the journal see it: read once, when its upgrade succeeded. */
export type StreamPeer = { account: string | null; app: string | null; peer: string };

/** A stream fault that fired: what the stream does; `record` journals it, with what it did. */
export type StreamStrike = { effect: StreamEffect; record: (detail: string) => void };

/** The stream's path: the WebSocket is served at "/". */
const STREAM_PATH = '/';
/** An upgrade that succeeded (101 Switching Protocols): the status a stream entry of the journal carries. */
const SWITCHING_PROTOCOLS = 101;

/**
 * The fault rules as the live stream sees them: the stream asks, per connection and per tick,
 * whether a WS rule fires, and does what it is told; the rules, counters and seeded draws stay
 * in the fault plan. The HTTP app attaches its plan and journal (the stream is built later, by
 * the server); until then, and while no WS rule exists, nothing ever fires.
 */
export class StreamFaults {
  private target: { plan: FaultPlan; journal: RequestJournal; domain: SandboxDomain; clientIp: string } | null = null;

  attach(plan: FaultPlan, journal: RequestJournal, domain: SandboxDomain, clientIp: string) {
    this.target = { plan, journal, domain, clientIp };
  }

  /** Whether any WS rule exists (checked before each tick: none, nothing else is asked). */
  get active(): boolean {
    return this.target?.plan.hasStreamRules ?? false;
  }

  /** The fault of a connection that just opened, or null. */
  onOpen(peer: StreamPeer): StreamStrike | null {
    return this.decide(peer, 'open', { event: 'open' });
  }

  /** The fault of a tick about to go to one connection, or null. */
  onTick(peer: StreamPeer, symbol: string, streamingType: string): StreamStrike | null {
    return this.decide(peer, 'tick', { event: 'tick', symbol, streaming_type: streamingType });
  }

  private decide(peer: StreamPeer, event: StreamEvent, body: Record<string, string>): StreamStrike | null {
    const target = this.target;
    if (!target?.plan.hasStreamRules) return null;
    const now = target.domain.clock.now();
    const fired = target.plan.decide({ method: STREAM_METHOD, path: STREAM_PATH, account: peer.account, app: peer.app, now, streamEvent: event });
    if (!fired) return null;
    return { effect: fired.effect as StreamEffect, record: (detail) => this.record(fired, peer, body, now, detail) };
  }

  private record(fired: Fired, peer: StreamPeer, body: Record<string, string>, at: number, detail: string) {
    const target = this.target!;
    const address = peer.peer.startsWith('::ffff:') ? peer.peer.slice(7) : peer.peer;
    target.journal.add({
      at,
      method: STREAM_METHOD,
      path: STREAM_PATH,
      status: SWITCHING_PROTOCOLS,
      durationMs: 0,
      uid: peer.account,
      srcIp: isLoopback(address) ? target.clientIp : address,
      query: null,
      body,
      fault: describeFired(fired, detail),
      didYouMean: null,
    });
  }
}
