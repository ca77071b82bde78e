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
  registry.openAPIRegistry.registerComponent('securitySchemes', 'oauthClient', {
    type: 'http',
    scheme: 'basic',
    description: 'OAuth client authentication: client_id = the app\'s API key, client_secret = its API secret (or both in the body)',
  });
  for (const route of allRoutes) registry.openAPIRegistry.registerPath(route);
  return registry.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'tradeapi-sandbox: Samco Trade API credential and session surface',
      version: SPEC_VERSION,
      description:
        'A local sandbox of the Samco Trade API (tradeapi.samco.in): the legacy OTP and secret-key flow, the Web Dashboard\'s OAuth apps and static IPs, sessions (direct and OAuth 2.1) and their revocation. Every Samco response carries the envelope serverTime, msgId, status and statusMessage; the OAuth endpoints answer RFC 6749 bodies, and AutoTrader its own envelope. Operations under the Sandbox tag are the sandbox\'s own control API.',
    },
    servers: [{ url: 'http://127.0.0.1:4010', description: 'The sandbox (npm start)' }],
    tags: [
      { name: 'Legacy', description: 'The deprecated OTP -> secret key flow' },
      { name: 'Session', description: 'Session tokens (v3.2)' },
      { name: 'OAuth', description: 'OAuth 2.1 authorization code with PKCE (S256): consent, token, refresh, revoke. Errors are RFC 6749 error bodies {error, error_description}, not envelopes.' },
      { name: 'Trade API', description: 'Calls that need x-session-token' },
      { name: 'Dashboard', description: 'The Web Dashboard\'s API Keys page as JSON endpoints (sandbox paths)' },
      { name: 'Sandbox', description: 'The sandbox\'s control API: outbox, reset, fixtures' },
      { name: 'AutoTrader', description: 'AutoTrader Web (Stocks Developer): the api-key header, its own envelope {result, message, status, commandId}, form-encoded bodies' },
    ],
  });
}
