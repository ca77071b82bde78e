import { OpenAPIHono } from '@hono/zod-openapi';
import { allRoutes } from './routes/index.js';

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
  return registry.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'tradeapi-sandbox: Samco Trade API credential and session surface',
      version: SPEC_VERSION,
      description:
        'A local sandbox of the Samco Trade API (tradeapi.samco.in): the legacy OTP and secret-key flow, the Web Dashboard\'s OAuth apps and static IPs, sessions (direct, Samco\'s OAuth 2.1 flow and the Login Code) and their revocation. Every Samco response carries the envelope serverTime, msgId, status and statusMessage, except where Samco\'s published samples differ (/session/token failures, Login Code validation); the OAuth endpoints answer {status, message, data} and {status, message, errorCode}, and AutoTrader its own envelope. Operations under the Sandbox tag are the sandbox\'s own control API.',
    },
    servers: [{ url: 'http://127.0.0.1:4010', description: 'The sandbox (npm start)' }],
    tags: [
      { name: 'Legacy', description: 'The deprecated OTP -> secret key flow' },
      { name: 'Session', description: 'Session tokens (v3.2)' },
      { name: 'OAuth', description: 'Samco\'s OAuth 2.1 authorization-code flow as published: authorize, authenticate (the API secret), token (the code alone; refresh with rotation), revoke. Answers are {status, message, data}; failures {status:"Failure", message, errorCode} with EOAUTH0xx codes.' },
      { name: 'Trade API', description: 'Calls that need x-session-token: limits and IP diagnostics' },
      { name: 'Orders', description: 'Regular orders (L and SL) on the simulated market: place, modify, cancel, status, order book, trigger orders' },
      { name: 'Portfolio', description: 'Positions, holdings and the trade book, computed from the fills on the simulated market' },
      { name: 'Dashboard', description: 'The Web Dashboard\'s API Keys page as JSON endpoints (sandbox paths)' },
      { name: 'Sandbox', description: 'The sandbox\'s control API: outbox, reset, fixtures' },
      { name: 'AutoTrader', description: 'AutoTrader Web (Stocks Developer): the api-key header, its own envelope {result, message, status, commandId}, form-encoded bodies' },
    ],
  });
}
