import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../spec/document.js';
import { SpecValidator } from '../contracts/verify/spec-validator.js';
import { createSandbox } from '../mock/server.js';

const committed = JSON.parse(readFileSync(new URL('../spec/openapi.json', import.meta.url), 'utf8'));
const validator = new SpecValidator();
type Op = { operationId: string; deprecated?: boolean; tags: string[]; requestBody?: any; parameters?: unknown[]; security?: unknown[]; responses: Record<string, any> };
const operations: Array<[string, string, Op]> = Object.entries(committed.paths as Record<string, Record<string, Op>>).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => [method.toUpperCase(), path, op] as [string, string, Op]),
);

/** The sandbox's own JSON APIs keep closed request bodies; Samco's operations ignore unknown keys, as the real service does. */
const CLOSED_TAGS = ['Dashboard', 'Sandbox'];

describe('spec/openapi.json', () => {
  it('is what `npm run spec` generates from the zod schemas (not stale)', () => {
    expect(committed).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
  });

  it('marks exactly the legacy operations deprecated', () => {
    const deprecated = operations.filter(([, , op]) => op.deprecated).map(([, , op]) => op.operationId);
    expect(deprecated.sort()).toEqual(['accessToken', 'generateOtp', 'ipRegistration', 'ipUpdate', 'legacyLogin', 'secretKeyGenerator']);
  });

  it.each(operations.map(([m, p, op]) => [op.operationId, m, p, op] as const))('%s lists Failure responses whose examples validate', (id, _m, _p, op) => {
    // A gateway's HTML answers (spec/gateway-responses.ts) are not the operation's own.
    const statuses = Object.keys(op.responses)
      .map(Number)
      .filter((s) => op.responses[s].content?.['application/json']);
    expect(statuses).toContain(500);
    // An operation that takes input or credentials can be refused; one that takes neither can only fail (500).
    const takesInput = Boolean(op.requestBody || op.parameters?.length || op.security?.length);
    expect(statuses.some((s) => s >= 400 && s < 500)).toBe(takesInput);
    for (const status of statuses) {
      const examples = op.responses[status].content?.['application/json']?.examples ?? {};
      if (status >= 400) expect(Object.keys(examples).length).toBeGreaterThan(0);
      for (const example of Object.values(examples) as Array<{ value: unknown }>) {
        expect(validator.check(id, status, example.value)).toEqual([]);
      }
    }
  });

  it("closes the request bodies of the sandbox's own APIs (additionalProperties false) and opens those of Samco's operations", () => {
    const schemas = committed.components.schemas;
    for (const [, , op] of operations) {
      for (const media of Object.values(op.requestBody?.content ?? {}) as Array<{ schema: { $ref?: string } }>) {
        const ref = media.schema.$ref;
        expect(ref, op.operationId).toBeDefined();
        const closed = schemas[ref!.split('/').pop()!].additionalProperties === false;
        expect(closed, op.operationId).toBe(op.tags.some((tag) => CLOSED_TAGS.includes(tag)));
      }
    }
  });

  it('request bodies share no nullable component with responses: the served spec refuses null where the sandbox does (issue 13, item 10)', () => {
    const schemas = committed.components.schemas as Record<string, any>;
    const admitsNull = (s: any) => [s.type].flat().includes('null') || s.enum?.includes(null) || s.anyOf?.some((x: any) => x.type === 'null');
    const reached = new Set<string>();
    const walk = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      const ref = (node as { $ref?: string }).$ref;
      if (ref && !reached.has(ref)) {
        reached.add(ref);
        walk(schemas[ref.split('/').pop()!]);
      }
      for (const value of Object.values(node)) walk(value);
    };
    for (const [, , op] of operations) walk(op.requestBody);
    const nullable = [...reached].map((ref) => ref.split('/').pop()!).filter((name) => admitsNull(schemas[name]));
    expect(nullable).toEqual([]);
    const body = { appId: '6d1f3c1e-2b7a-4a4e-9a51-1f0e8f0c2d11', ipType: null, ipAddress: '49.36.10.20' };
    expect(validator.checkComponent('SetStaticIpRequest', body)).not.toEqual([]);
  });

  it('every operation is served by the sandbox at its method and path', async () => {
    const { app } = createSandbox();
    for (const [method, path, op] of operations) {
      const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      const res = await app.request(url, { method });
      if (res.headers.get('content-type')?.startsWith('text/event-stream')) {
        // An event stream never ends by itself: being one is the answer.
        await res.body?.cancel();
        continue;
      }
      const text = await res.text();
      const body = (text.startsWith('{') ? JSON.parse(text) : {}) as { statusMessage?: string; message?: string; error_description?: string };
      expect(body.statusMessage ?? body.message ?? body.error_description ?? '', `${op.operationId}`).not.toMatch(/^(No such endpoint|Method not allowed)/);
    }
  });
});
