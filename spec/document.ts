import { OpenAPIHono } from '@hono/zod-openapi';
import { allRoutes } from './routes/index.js';
import { addGatewayResponses } from './gateway-responses.js';
import { addLinks } from './links.js';

export const SPEC_VERSION = '0.1.0';

/** Every credential travels in a header: scheme name, header, what it holds. */
const SECURITY_SCHEMES = [
  ['sessionToken', 'x-session-token', 'The sessionToken (or OAuth access_token) of a Trade API session'],
  ['dashboardToken', 'x-dashboard-token', 'The dashboardToken returned by the dashboard sign-in'],
  ['atApiKey', 'api-key', 'The AutoTrader Web API key (Settings -> Security)'],
  ['sandboxToken', 'x-sandbox-token', 'Only for the control API from a non-loopback address, when the sandbox was started with a control token'],
] as const;

/** Builds the OpenAPI 3.1 document from the route contracts: the one source of spec/openapi.json and GET /openapi.json. */
export function buildOpenApiDocument() {
  const registry = new OpenAPIHono();
  for (const [name, header, description] of SECURITY_SCHEMES) {
    registry.openAPIRegistry.registerComponent('securitySchemes', name, { type: 'apiKey', in: 'header', name: header, description });
  }
  for (const route of allRoutes) registry.openAPIRegistry.registerPath(route);
  const doc = openResponses(
    registry.getOpenAPI31Document({
      openapi: '3.1.0',
      info: {
        title: 'tradeapi-sandbox: Samco Trade API credential and session surface',
        version: SPEC_VERSION,
        description:
          "A local sandbox of the Samco Trade API (tradeapi.samco.in): the legacy OTP and secret-key flow, the Web Dashboard's OAuth apps and static IPs, sessions (direct, Samco's OAuth 2.1 flow and the Login Code) and their revocation. Every Samco response carries the envelope serverTime, msgId, status and statusMessage, except where Samco's published samples differ (/session/token failures, Login Code validation); the OAuth endpoints answer {status, message, data} and {status, message, errorCode}, and AutoTrader its own envelope. Operations under the Sandbox tag are the sandbox's own control API.",
      },
      servers: [{ url: 'http://127.0.0.1:4010', description: 'The sandbox (npm start)' }],
      tags: [
        { name: 'Legacy', description: 'The deprecated OTP -> secret key flow' },
        { name: 'Session', description: 'Session tokens (v3.2)' },
        {
          name: 'OAuth',
          description:
            'Samco\'s OAuth 2.1 authorization-code flow as published: authorize, authenticate (the API secret), token (the code alone; refresh with rotation), revoke. Answers are {status, message, data}; failures {status:"Failure", message, errorCode} with EOAUTH0xx codes.',
        },
        { name: 'Trade API', description: 'Calls that need x-session-token: limits and IP diagnostics' },
        { name: 'Orders', description: 'Regular orders (L and SL) on the simulated market: place, modify, cancel, status, order book, trigger orders' },
        { name: 'Market data', description: 'Quotes, depth, search, option and future chains, and the ScripMaster, read from the simulated market (chapter 07)' },
        { name: 'Candles', description: 'Intraday and daily candles of scrips and indices, built from the simulated market (chapter 12)' },
        { name: 'Portfolio', description: 'Positions, holdings and the trade book, computed from the fills on the simulated market; position conversion and square-off' },
        { name: 'Baskets', description: 'Baskets of orders kept by the sandbox, executed as real orders on the simulated market, with their margin calculator' },
        { name: 'Trade View analytics', description: "Trade analytics computed from the sandbox's own trade book (round trips, first in first out)" },
        { name: 'Dashboard', description: "The Web Dashboard's API Keys page as JSON endpoints (sandbox paths)" },
        { name: 'Sandbox', description: "The sandbox's control API: outbox, reset, fixtures" },
        { name: 'AutoTrader', description: 'AutoTrader Web (Stocks Developer): the api-key header, its own envelope {result, message, status, commandId}, form-encoded bodies' },
      ],
    }),
  );
  return addLinks(addGatewayResponses(doc));
}

type Schema = { $ref?: string; additionalProperties?: unknown; [key: string]: unknown };
type Doc = ReturnType<OpenAPIHono['getOpenAPI31Document']>;

/** Every component name a schema reaches through $ref, transitively. */
function refsOf(node: unknown, components: Record<string, unknown>, into: Set<string>) {
  if (!node || typeof node !== 'object') return;
  const ref = (node as Schema).$ref;
  if (typeof ref === 'string') {
    const name = ref.split('/').pop()!;
    if (!into.has(name)) {
      into.add(name);
      refsOf(components[name], components, into);
    }
  }
  for (const value of Object.values(node)) refsOf(value, components, into);
}

function dropClosed(node: unknown) {
  if (!node || typeof node !== 'object') return;
  if ((node as Schema).additionalProperties === false) delete (node as Schema).additionalProperties;
  for (const value of Object.values(node)) dropClosed(value);
}

/**
 * Response schemas describe what Samco sends without forbidding fields it may add, so that the
 * contract checks can judge the real service; the sandbox's own response check (the zod schemas)
 * stays exact. Request bodies keep their shape: a component a request reaches is left as it is.
 */
function openResponses(doc: Doc): Doc {
  const components = (doc.components?.schemas ?? {}) as Record<string, unknown>;
  const requestOnly = new Set<string>();
  for (const methods of Object.values(doc.paths ?? {})) {
    for (const op of Object.values(methods as Record<string, { requestBody?: unknown; parameters?: unknown; responses?: Record<string, unknown> }>)) {
      refsOf(op.requestBody, components, requestOnly);
      refsOf(op.parameters, components, requestOnly);
    }
  }
  for (const methods of Object.values(doc.paths ?? {})) {
    for (const op of Object.values(methods as Record<string, { responses?: Record<string, unknown> }>)) {
      for (const response of Object.values(op.responses ?? {})) {
        const content = (response as { content?: Record<string, { schema?: unknown }> }).content ?? {};
        for (const media of Object.values(content)) if (media.schema && !(media.schema as Schema).$ref) dropClosed(media.schema);
      }
    }
  }
  for (const [name, schema] of Object.entries(components)) if (!requestOnly.has(name)) dropClosed(schema);
  return doc;
}
