import { haltReason, type ExchangeEventData } from '../../../spec/schemas/faults.js';
import type { SandboxDomain } from '../../domain/domain.js';
import { ok, type Result } from '../../domain/result.js';

export type EventOutcome = { fills?: number; sessionsEnded?: number; detail: string };

/** Applies a market or exchange event (from the control API or a fault rule). */
export function applyEvent(domain: SandboxDomain, event: ExchangeEventData): Result<EventOutcome> {
  const events = domain.exchangeEvents;
  switch (event.kind) {
    case 'reject-next-order': {
      const r = events.rejectNextOrder(event.exchange, event.symbolName, event.reason);
      return r.ok ? ok({ detail: `the next order in ${r.value.symbolName} (${r.value.exchange}) is rejected` }) : r;
    }
    case 'halt': {
      const exchange = event.exchange || 'NSE';
      const r = events.halt(exchange, event.symbolName, event.reason ?? haltReason(event.symbolName, exchange));
      return r.ok ? ok({ detail: `${r.value.symbolName} (${r.value.exchange}) halted` }) : r;
    }
    case 'resume': {
      const r = events.resume(event.exchange, event.symbolName);
      return r.ok ? ok({ detail: `${r.value.symbolName} (${r.value.exchange}) trades again` }) : r;
    }
    case 'partial-fill': {
      const r = events.partialFill(event.exchange, event.symbolName, event.quantity);
      return r.ok ? ok({ fills: r.value.fills, detail: `${event.quantity} ${event.symbolName} traded: ${r.value.fills} fill(s)` }) : r;
    }
    case 'end-session': {
      const r = events.endSessions(event.uid);
      return r.ok ? ok({ sessionsEnded: r.value.ended, detail: `${r.value.ended} session(s) of ${event.uid} ended` }) : r;
    }
  }
}
