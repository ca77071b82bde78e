import { analytics as routes } from '../../spec/routes/index.js';
import { ANALYTICS_RULES, groupTrips, metricsOf, parseDay, type AnalyticsFilter, type Duration, type Window } from '../domain/analytics.js';
import { fail, ok, type Result } from '../domain/result.js';
import type { Account } from '../domain/types.js';
import { amount } from '../domain/money.js';
import type { HttpDeps, SandboxApp } from './deps.js';
import { detailsJson, summaryJson } from './analytics-present.js';
import { orderAuth } from './order-auth.js';

type WindowInput = { duration?: string; fromDate?: string; toDate?: string };

/** The Trade View analytics chapter: thin handlers over the domain's Analytics. */
export function analyticsRoutes(app: SandboxApp, deps: HttpDeps) {
  const { domain, reply } = deps;
  const { session } = orderAuth(deps);
  const analytics = domain.analytics;

  /** The window the request names: fromDate and toDate when both are sent, else the duration (ALL when absent, or when `datesRequired` and neither is sent: a refusal). */
  function windowOf(account: Account, input: WindowInput, datesRequired = false): Result<Window> {
    if (input.fromDate !== undefined || input.toDate !== undefined || (datesRequired && input.duration === undefined)) {
      const startDay = parseDay(input.fromDate ?? '');
      const endDay = parseDay(input.toDate ?? '');
      if (startDay === null || endDay === null || startDay > endDay) return fail('ANALYTICS_DATES_INVALID');
      return ok({ startDay, endDay });
    }
    const duration = input.duration ?? 'ALL';
    if (!(ANALYTICS_RULES.durations as readonly string[]).includes(duration)) return fail('ANALYTICS_DURATION_INVALID');
    return ok(analytics.window(account, duration as Duration));
  }

  app.openapi(routes.analyticsSummary, (c) => {
    const auth = session(c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const { account } = auth.value;
    const window = windowOf(account, c.req.valid('json'));
    if (!window.ok) return reply.fail(c, window.error);
    const trips = analytics.trips(account, window.value);
    return c.json(reply.success('Analytics summary retrieved successfully.', { analyticsSummary: summaryJson(metricsOf(trips), window.value, groupTrips(trips, 'strategy')) }), 200);
  });

  app.openapi(routes.analyticsDetails, (c) => {
    const auth = session(c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const { account } = auth.value;
    const body = c.req.valid('json');
    const window = windowOf(account, body);
    if (!window.ok) return reply.fail(c, window.error);
    const filter = typeof body.filter === 'string' ? body.filter : 'strategy';
    if (!(ANALYTICS_RULES.filters as readonly string[]).includes(filter)) return reply.fail(c, { code: 'ANALYTICS_FILTER_INVALID' });
    const trips = analytics.trips(account, window.value);
    return c.json(reply.success('Analytics Details retrieved successfully.', { analyticsDetails: detailsJson(metricsOf(trips), window.value, groupTrips(trips, filter as AnalyticsFilter)) }), 200);
  });

  app.openapi(routes.gainLoss, (c) => {
    const auth = session(c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const { account } = auth.value;
    const body = c.req.valid('json');
    const status = body.status ?? 'open';
    if (!(ANALYTICS_RULES.gainLossStatuses as readonly string[]).includes(status)) return reply.fail(c, { code: 'ANALYTICS_STATUS_INVALID' });
    const window = windowOf(account, body, true);
    if (!window.ok) return reply.fail(c, window.error);
    const { realized, unrealized } = analytics.gainLoss(account, status as 'open' | 'close', window.value);
    return c.json(reply.success('Analytics Details retrieved successfully.', { gainLossValue: { realizedGL: amount(realized), unrealizedGL: amount(unrealized) } }), 200);
  });
}
