import { streamSSE } from 'hono/streaming';
import { sandboxFaults as routes } from '../../../spec/routes/index.js';
import type { HttpDeps, SandboxApp } from '../../http/deps.js';
import { iso } from '../../http/present.js';
import type { JournalEntry, RequestJournal } from '../journal.js';
import { verifyJournal } from '../journal-verify.js';
import { ruleProblem } from './declared.js';
import { applyEvent } from './events.js';
import type { FaultPlan } from './plan.js';

const KEEP_ALIVE_MS = 15_000;

/** The control API of faults, exchange events and journal verification (/__sandbox/faults, /events, /journal/...). */
export function faultRoutes(app: SandboxApp, { domain, reply }: HttpDeps, plan: FaultPlan, journal: RequestJournal) {
  const list = (message: string) => reply.success(message, { rules: plan.list() });

  app.openapi(routes.sandboxFaults, (c) => c.json(list(`${plan.size} fault rule(s)`), 200));

  app.openapi(routes.sandboxAddFaults, (c) => {
    const { rules } = c.req.valid('json');
    for (const rule of rules) {
      const problem = ruleProblem(rule);
      if (problem) return reply.fail(c, { code: 'FAULT_RULE_INVALID', message: problem });
    }
    const added: string[] = [];
    for (const rule of rules) {
      const result = plan.add(rule);
      if (!result.ok) {
        for (const id of added) plan.remove(id);
        return reply.fail(c, { code: 'FAULT_RULE_INVALID', message: result.message });
      }
      added.push(result.id);
    }
    return c.json(list(`Fault rule(s) added: ${added.join(', ')}`), 200);
  });

  app.openapi(routes.sandboxRemoveFault, (c) => {
    const { id } = c.req.valid('param');
    if (!plan.remove(id)) return reply.fail(c, { code: 'FAULT_RULE_NOT_FOUND', message: `No fault rule ${id}.` });
    return c.json(list(`Fault rule ${id} removed`), 200);
  });

  app.openapi(routes.sandboxClearFaults, (c) => {
    plan.clear();
    return c.json(list('Every fault rule removed'), 200);
  });

  app.openapi(routes.sandboxExchangeEvent, (c) => {
    const { event } = c.req.valid('json');
    const outcome = applyEvent(domain, event);
    if (!outcome.ok) return reply.fail(c, outcome.error);
    const { detail, ...counts } = outcome.value;
    return c.json(reply.success(`Event applied: ${detail}`, { event, ...counts }), 200);
  });

  app.openapi(routes.sandboxJournalVerify, (c) => {
    const query = c.req.valid('json');
    const verdict = verifyJournal(journal.all(), query);
    if (!verdict) return reply.fail(c, { code: 'VALIDATION', message: 'Invalid request: send exactly one of exactly, atLeast, atMost.' });
    const what = `${query.method ?? '*'} ${query.path}${query.account ? ` by ${query.account}` : ''}`;
    const message = verdict.verified
      ? `Verified: ${verdict.count} request(s) matching ${what}, ${verdict.expected} expected`
      : `Not verified: ${verdict.count} request(s) matching ${what}, ${verdict.expected} expected`;
    const dropped = journal.droppedBefore;
    const complete = dropped === null || (query.since !== undefined && query.since >= dropped - 1);
    return c.json(reply.success(message, { ...verdict, complete }), 200);
  });

  app.openapi(routes.sandboxJournalStream, (c) => {
    const { control, faulted, ...query } = c.req.valid('query');
    const filter = { ...query, control: control !== 'false', faulted: faulted === 'true' };
    const wanted = (e: JournalEntry) => journal.find({ ...filter, since: e.id - 1, limit: 1 })[0] === e;
    return streamSSE(c, async (stream) => {
      const send = (e: JournalEntry) => stream.writeSSE({ event: 'request', id: String(e.id), data: JSON.stringify({ ...e, at: iso(e.at) }) });
      const queue: JournalEntry[] = [];
      let wake: (() => void) | null = null;
      const stop = journal.subscribe((e) => {
        if (!wanted(e)) return;
        queue.push(e);
        wake?.();
      });
      stream.onAbort(() => {
        stop();
        wake?.();
      });
      if (query.since !== undefined) for (const e of journal.find({ ...filter, limit: 1000 }).reverse()) await send(e);
      while (!stream.aborted) {
        const next = queue.shift();
        if (next) {
          await send(next);
          continue;
        }
        const timer = setTimeout(() => wake?.(), KEEP_ALIVE_MS);
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        clearTimeout(timer);
        if (!queue.length && !stream.aborted) await stream.write(': keep-alive\n\n');
      }
      stop();
    }) as never;
  });
}
