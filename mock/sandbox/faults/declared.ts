import type { RouteConfig } from '@hono/zod-openapi';
import { allRoutes } from '../../../spec/routes/index.js';
import type { FaultRuleInputData } from '../../../spec/schemas/faults.js';
import { compileMatcher } from './pattern.js';
import { isStreamRule, STREAM_EFFECTS } from './plan.js';

/** The refusal codes an operation declares: the example names of its failure responses (spec/responses.ts). */
export function declaredCodes(route: RouteConfig): Set<string> {
  const codes = new Set<string>();
  for (const response of Object.values(route.responses ?? {})) {
    const content = (response as { content?: Record<string, { examples?: Record<string, unknown> }> }).content ?? {};
    for (const media of Object.values(content)) for (const code of Object.keys(media.examples ?? {})) codes.add(code);
  }
  return codes;
}

/**
 * Why a rule cannot be used, or null. The control API is never faulted (a test must always be
 * able to remove a rule); a failure effect must be a refusal every operation it matches documents.
 */
export function ruleProblem(rule: FaultRuleInputData): string | null {
  if (rule.match.path.startsWith('/__sandbox')) return 'The control API (/__sandbox) cannot be faulted: a test must always be able to read and remove its rules.';
  const streamProblem = streamRuleProblem(rule);
  if (streamProblem !== undefined) return streamProblem;
  const effect = rule.do;
  if (effect.effect !== 'failure' || !effect.code || effect.code === 'INTERNAL') return null;
  const test = compileMatcher(rule.match);
  const operations = allRoutes.filter((r) => !r.path.startsWith('/__sandbox') && test(r.method, r.path));
  const missing = operations.filter((r) => !declaredCodes(r).has(effect.code!));
  if (missing.length > 0) {
    const names = missing.slice(0, 5).map((r) => `${r.method.toUpperCase()} ${r.path}`);
    return `Fault rule: ${effect.code} is not a refusal of ${names.join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}; a failure effect gives only answers the operation documents (its spec responses).`;
  }
  return null;
}

/** A WS rule's problem (null: none), or undefined for an HTTP rule that takes no stream effect. */
function streamRuleProblem(rule: FaultRuleInputData): string | null | undefined {
  const stream = isStreamRule(rule);
  const streamEffect = STREAM_EFFECTS.has(rule.do.effect);
  if (!stream && streamEffect) return `Fault rule: ${rule.do.effect} strikes the live stream only: match it with method WS and path /.`;
  if (!stream && rule.match.streamEvent) return 'Fault rule: streamEvent is for stream rules (method WS) only.';
  if (!stream) return undefined;
  if (!streamEffect) return `Fault rule: a stream rule (method WS) takes a stream effect (${[...STREAM_EFFECTS].join(', ')}), not ${rule.do.effect}.`;
  if (!compileMatcher(rule.match)('WS', '/')) return 'Fault rule: the stream is served at /: a stream rule matches path / (or *).';
  if (rule.match.streamEvent === 'open' && (rule.do.effect === 'duplicate' || rule.do.effect === 'out-of-order')) {
    return `Fault rule: ${rule.do.effect} strikes a tick: use streamEvent tick (the default).`;
  }
  return null;
}
