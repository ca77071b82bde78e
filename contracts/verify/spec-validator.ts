import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { ValidateFunction } from 'ajv';

type Operation = { method: string; path: string; responses: Record<string, { content?: Record<string, { schema?: object }> }> };
type OpenApi = { paths: Record<string, Record<string, Operation & { operationId?: string }>>; components: object };

/** spec/openapi.json of the package this file belongs to, from the source tree or from dist/. */
function findSpec(from: string): string {
  for (let dir = from; dir !== dirname(dir); dir = dirname(dir)) {
    const candidate = join(dir, 'spec', 'openapi.json');
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(`spec/openapi.json not found above ${from}`);
}

/**
 * Checks responses against spec/openapi.json itself (JSON Schema 2020-12, as OpenAPI 3.1 says),
 * independently of the zod schemas the sandbox was built from: what a client generated from the
 * published spec would accept.
 */
export class SpecValidator {
  readonly doc: OpenApi;
  private readonly operations = new Map<string, Operation>();
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly ajv = new Ajv2020.default({ strict: false, allErrors: true });

  constructor(path = findSpec(import.meta.dirname)) {
    this.doc = JSON.parse(readFileSync(path, 'utf8')) as OpenApi;
    addFormats.default(this.ajv);
    for (const [path, methods] of Object.entries(this.doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        if (op.operationId) this.operations.set(op.operationId, { method: method.toUpperCase(), path, responses: op.responses });
      }
    }
  }

  operation(operationId: string): Operation {
    const op = this.operations.get(operationId);
    if (!op) throw new Error(`No operation ${operationId} in spec/openapi.json`);
    return op;
  }

  operationIds(): string[] {
    return [...this.operations.keys()];
  }

  /** The problems of a body against a named component schema (e.g. FailureEnvelope), or []. */
  checkComponent(name: string, body: unknown): string[] {
    const key = `#${name}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile({ components: this.doc.components, $ref: `#/components/schemas/${name}` });
      this.compiled.set(key, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${name}: ${e.instancePath || '(body)'} ${e.message ?? ''}`.trim());
  }

  /** The problems of a response for the operation, or [] when the spec allows it. */
  check(operationId: string, status: number, body: unknown): string[] {
    const op = this.operation(operationId);
    const key = `${operationId} ${status}`;
    const declared = op.responses[String(status)];
    if (!declared) return [`${operationId}: HTTP ${status} is not a declared response`];
    // A response declared without content (a redirect, RFC 7009's empty 200) must come without a body.
    if (!declared.content) return body === undefined || body === '' || body === null ? [] : [`${operationId} ${status}: the spec declares no body, but one came`];
    let validate = this.compiled.get(key);
    if (!validate) {
      const schema = declared.content['application/json']?.schema;
      if (!schema) return [`${operationId}: HTTP ${status} declares no JSON body`];
      // The components ride along so that '#/components/schemas/...' resolves inside this schema.
      validate = this.ajv.compile({ components: this.doc.components, allOf: [schema] });
      this.compiled.set(key, validate);
    }
    if (validate(body)) return [];
    return (validate.errors ?? []).map((e) => `${operationId} ${status}: ${e.instancePath || '(body)'} ${e.message ?? ''}`.trim());
  }
}
