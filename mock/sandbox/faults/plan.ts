import type { FaultProfileData, FaultRuleInputData, FiredFaultData } from '../../../spec/schemas/faults.js';
import type { Random } from '../../domain/random.js';
import { compileMatcher } from './pattern.js';

export type FaultEffectData = FaultRuleInputData['do'];

/** What a request is, as far as rules can tell. For the stream: method WS, path /, and the stream event. */
export type FaultRequest = { method: string; path: string; account: string | null; app: string | null; now: number; streamEvent?: StreamEvent };

export type StreamEvent = 'open' | 'tick';

/** The effects that strike the live stream (rules with method WS), and only it. */
export const STREAM_EFFECTS = new Set<FaultEffectData['effect']>(['drop', 'pause', 'duplicate', 'out-of-order']);
export const STREAM_METHOD = 'WS';
export const isStreamRule = (input: FaultRuleInputData) => input.match.method?.toUpperCase() === STREAM_METHOD;

type Rule = {
  id: string;
  input: FaultRuleInputData;
  test: (method: string, path: string) => boolean;
  /** A WS rule: it is asked by the stream only, for its stream event. */
  stream: StreamEvent | null;
  from: number | null;
  until: number | null;
  matched: number;
  fired: number;
  fromProfile: boolean;
};

export type Fired = { rule: string; effect: FaultEffectData; detail?: string };

/** The random streams of faults: their own, so that a fault never shifts an id, an OTP or a msgId. */
export const FAULT_STREAM = 'faults';
export const LATENCY_STREAM = 'fault-latency';

/** A uniform draw in [0, 1) from a seeded stream (32 bits). */
export function draw(random: Random, stream: string): number {
  return random.bytes(stream, 4).readUInt32BE(0) / 2 ** 32;
}

/**
 * The chaos profile: rules in order; the first one that fires decides a request's fault.
 * Deterministic: a rule counts the requests it matches and draws its probability from the
 * sandbox's seed, so the same seed and the same request order give the same faults.
 */
export class FaultPlan {
  private rules: Rule[] = [];
  private seq = 0;
  private profile: FaultRuleInputData[] = [];

  constructor(private readonly random: Random) {}

  /** Rules loaded at start (--faults FILE): a reset brings them back, counters at zero. */
  loadProfile(profile: FaultProfileData): string[] {
    this.profile = profile.rules;
    return this.restart();
  }

  /** Back to the profile's rules, counters at zero; the problems of rules that could not be added. */
  restart(): string[] {
    this.rules = [];
    this.seq = 0;
    const problems: string[] = [];
    for (const input of this.profile) {
      const added = this.add(input, true);
      if (!added.ok) problems.push(added.message);
    }
    return problems;
  }

  add(input: FaultRuleInputData, fromProfile = false): { ok: true; id: string } | { ok: false; message: string } {
    const id = input.id ?? this.nextId();
    if (this.rules.some((r) => r.id === id)) return { ok: false, message: `A fault rule named ${id} already exists: remove it first, or give another id.` };
    const from = input.when?.from ? Date.parse(input.when.from) : null;
    const until = input.when?.until ? Date.parse(input.when.until) : null;
    if (from !== null && until !== null && until <= from) return { ok: false, message: `Fault rule ${id}: when.until must be after when.from.` };
    const effect = input.do;
    if (effect.effect === 'latency' && (effect.ms === undefined) === (effect.distribution === undefined)) {
      return { ok: false, message: `Fault rule ${id}: a latency effect takes either ms or distribution.` };
    }
    if (effect.effect === 'latency' && effect.distribution?.kind === 'uniform' && effect.distribution.maxMs < effect.distribution.minMs) {
      return { ok: false, message: `Fault rule ${id}: distribution.maxMs must not be below minMs.` };
    }
    const stream = isStreamRule(input) ? (input.match.streamEvent ?? 'tick') : null;
    this.rules.push({ id, input, test: compileMatcher(input.match), stream, from, until, matched: 0, fired: 0, fromProfile });
    return { ok: true, id };
  }

  private nextId(): string {
    let id: string;
    do id = `f${++this.seq}`;
    while (this.rules.some((r) => r.id === id));
    return id;
  }

  remove(id: string): boolean {
    const before = this.rules.length;
    this.rules = this.rules.filter((r) => r.id !== id);
    return this.rules.length < before;
  }

  clear() {
    this.rules = [];
  }

  get size() {
    return this.rules.length;
  }

  /** Whether any rule can strike the stream: without one, the stream asks nothing. */
  get hasStreamRules() {
    return this.rules.some((r) => r.stream !== null);
  }

  list() {
    return this.rules.map((r) => ({ id: r.id, match: r.input.match, when: r.input.when ?? {}, do: r.input.do, matched: r.matched, fired: r.fired, fromProfile: r.fromProfile }));
  }

  /** The fault of this request, or null: counts the match of every rule reached, stops at the first that fires. */
  decide(request: FaultRequest): Fired | null {
    for (const rule of this.rules) {
      const { match, when = {} } = rule.input;
      if (rule.stream !== (request.streamEvent ?? null)) continue;
      if (!rule.test(request.method, request.path)) continue;
      if (match.account && request.account?.toUpperCase() !== match.account.toUpperCase()) continue;
      if (match.app && request.app !== match.app) continue;
      rule.matched++;
      if (when.times !== undefined && rule.fired >= when.times) continue;
      if (rule.from !== null && request.now < rule.from) continue;
      if (rule.until !== null && request.now >= rule.until) continue;
      if (when.nth !== undefined && rule.matched !== when.nth) continue;
      if (when.probability !== undefined && when.probability < 1 && draw(this.random, FAULT_STREAM) >= when.probability) continue;
      rule.fired++;
      return { rule: rule.id, effect: rule.input.do };
    }
    return null;
  }

  /** The delay of a latency effect, in ms: fixed, or drawn from its seeded distribution and capped. */
  latencyOf(effect: Extract<FaultEffectData, { effect: 'latency' }>): number {
    if (effect.ms !== undefined) return effect.ms;
    const d = effect.distribution!;
    const u = draw(this.random, LATENCY_STREAM);
    if (d.kind === 'uniform') return Math.round(d.minMs + u * (d.maxMs - d.minMs));
    return Math.min(d.capMs, Math.round(-d.meanMs * Math.log(1 - u)));
  }
}

export function describeFired(fired: Fired, detail?: string): FiredFaultData {
  return { rule: fired.rule, effect: fired.effect.effect, ...(detail ? { detail } : {}) };
}
