import pactum from 'pactum';
import type { TestContext } from 'vitest';
import { SpecValidator } from './verify/spec-validator.js';
import { missing, type Capability, type Target } from './targets.js';

export const spec = new SpecValidator();

// Every response a suite receives is checked against spec/openapi.json for its operation and status.
pactum.handler.addExpectHandler('spec', ({ res, data }) => {
  const problems = spec.check(data as string, res.statusCode ?? 0, res.json ?? res.body);
  if (problems.length) throw new Error(`response does not match the spec:\n${problems.join('\n')}`);
});
pactum.request.setDefaultTimeout(15_000);
pactum.settings.setLogLevel('ERROR');

export type CallInput = {
  params?: Record<string, string>;
  query?: Record<string, string | number>;
  body?: unknown;
  headers?: Record<string, string>;
  /** A form-encoded body (AutoTrader). */
  form?: Record<string, string | number>;
  /** A body sent as it is, with its own content type: for deliberately broken requests. */
  raw?: { body: string; contentType: string };
};

/** A pactum spec for one operation of the spec, on a target, already expecting a spec-valid response. */
export function call(target: Target, operationId: string, input: CallInput = {}) {
  const op = spec.operation(operationId);
  let request = pactum.spec().withMethod(op.method).withPath(`${target.baseUrl}${op.path}`);
  if (input.params) request = request.withPathParams(input.params);
  if (input.query) request = request.withQueryParams(input.query);
  if (input.headers) request = request.withHeaders(input.headers);
  if (input.raw) request = request.withHeaders('content-type', input.raw.contentType).withBody(input.raw.body);
  else if (input.form) request = request.withForm(Object.fromEntries(Object.entries(input.form).map(([k, v]) => [k, String(v)])));
  else if (input.body !== undefined) request = request.withJson(input.body as object);
  return request.expect('spec', operationId);
}

/** Skips the running test, with the reason printed at the end of the run, when the target cannot do the step. */
export function requires(ctx: TestContext, target: Target, ...needs: Capability[]) {
  const why = missing(target, needs);
  if (why) ctx.skip(why);
}

/** Any request (also off-spec paths) on a target, for steps about routing and raw input. */
export function raw(target: Target, method: string, path: string) {
  return pactum.spec().withMethod(method).withPath(`${target.baseUrl}${path}`);
}
