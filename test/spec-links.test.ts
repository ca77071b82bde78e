import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const doc = JSON.parse(readFileSync(new URL('../spec/openapi.json', import.meta.url), 'utf8'));
type Op = { operationId: string; parameters?: Array<{ name: string; in: string }>; requestBody?: unknown; responses: Record<string, any> };
const ops = new Map<string, Op>();
for (const methods of Object.values(doc.paths) as Array<Record<string, Op>>) for (const op of Object.values(methods)) ops.set(op.operationId, op);

/** The schema at a JSON pointer of a response schema, following $ref and anyOf; undefined when the pointer leaves it. */
function schemaAt(schema: any, pointer: string): unknown {
  let node = schema;
  for (const part of pointer.split('/').filter(Boolean)) {
    while (node?.$ref) node = doc.components.schemas[node.$ref.split('/').pop()];
    const options = node?.anyOf ?? [node];
    node = options.map((o: any) => (o?.$ref ? doc.components.schemas[o.$ref.split('/').pop()] : o)).find((o: any) => o?.properties?.[part])?.properties[part];
    if (!node) return undefined;
  }
  return node;
}

const links = [...ops.values()].flatMap((op) => Object.entries((op.responses['200']?.links ?? {}) as Record<string, any>).map(([name, link]) => [op.operationId, name, link] as const));

describe('OpenAPI links (stateful fuzzing)', () => {
  it('chain the flows: place -> status -> modify -> cancel; app -> OTP -> session token -> trade calls', () => {
    const next = (id: string) => links.filter(([source]) => source === id).map(([, , l]) => l.operationId);
    expect(next('placeOrder')).toEqual(expect.arrayContaining(['getOrderStatus', 'modifyOrder', 'cancelOrder']));
    expect(next('getOrderStatus')).toEqual(expect.arrayContaining(['modifyOrder', 'cancelOrder']));
    expect(next('createApp')).toContain('verifyChallenge');
    expect(next('verifyChallenge')).toContain('sessionToken');
    expect(next('sessionToken')).toEqual(expect.arrayContaining(['getLimits', 'placeOrder', 'logout']));
  });

  it.each(links.map(([source, name, link]) => [`${source}.${name}`, source, link] as const))('%s names a real operation, real parameters and values its source has', (_name, source, link) => {
    const target = ops.get(link.operationId);
    expect(target, link.operationId).toBeDefined();
    const values: string[] = [
      ...Object.values((link.parameters ?? {}) as Record<string, string>),
      ...Object.values((link.requestBody ?? {}) as Record<string, unknown>).filter((v): v is string => typeof v === 'string'),
    ];
    for (const name of Object.keys(link.parameters ?? {})) {
      if (!name.startsWith('header.'))
        expect(
          target!.parameters?.map((p) => p.name),
          `${link.operationId} parameter ${name}`,
        ).toContain(name);
    }
    for (const value of values) {
      const response = /^\$response\.body#(.*)$/.exec(value);
      if (response) expect(schemaAt(ops.get(source)!.responses['200'].content['application/json'].schema, response[1]!), `${source} 200 ${response[1]}`).toBeDefined();
    }
  });
});
