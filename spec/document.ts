import { OpenAPIHono } from '@hono/zod-openapi';
import { allRoutes } from './routes/index.js';

export const SPEC_VERSION = '0.1.0';

/** Builds the OpenAPI 3.1 document from the route contracts: the one source of spec/openapi.json and GET /openapi.json. */
export function buildOpenApiDocument() {
  const registry = new OpenAPIHono();
  registry.openAPIRegistry.registerComponent('securitySchemes', 'sessionToken', {
    type: 'apiKey',
    in: 'header',
    name: 'x-session-token',
    description: 'The sessionToken (or OAuth access_token) of a Trade API session',
  });
  registry.openAPIRegistry.registerComponent('securitySchemes', 'dashboardToken', {
    type: 'apiKey',
    in: 'header',
    name: 'x-dashboard-token',
    description: 'The dashboardToken returned by the dashboard sign-in',
  });
  registry.openAPIRegistry.registerComponent('securitySchemes', 'atApiKey', {
    type: 'apiKey',
    in: 'header',
    name: 'api-key',
    description: 'The AutoTrader Web API key (Settings -> Security)',
  });
  registry.openAPIRegistry.registerComponent('securitySchemes', 'sandboxToken', {
    type: 'apiKey',
    in: 'header',
    name: 'x-sandbox-token',
    description: 'Only for the control API from a non-loopback address, when the sandbox was started with a control token',
  });
  for (const route of allRoutes) registry.openAPIRegistry.registerPath(route);
  return registry.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'tradeapi-sandbox: Samco Trade API credential and session surface',
      version: SPEC_VERSION,
      description:
        'A local sandbox of the Samco Trade API (tradeapi.samco.in): the legacy OTP and secret-key flow, the Web Dashboard\'s OAuth apps, sessions and their revocation. Every response carries the envelope serverTime, msgId, status and statusMessage. Operations under the Sandbox tag are the sandbox\'s own control API.',
    },
    servers: [{ url: 'http://127.0.0.1:4010', description: 'The sandbox (npm start)' }],
    tags: [
      { name: 'Legacy', description: 'The deprecated OTP -> secret key flow' },
      { name: 'Session', description: 'Session tokens (v3.2)' },
      { name: 'Trade API', description: 'Calls that need x-session-token' },
      { name: 'Dashboard', description: 'The Web Dashboard\'s API Keys page as JSON endpoints (sandbox paths)' },
      { name: 'Sandbox', description: 'The sandbox\'s control API: outbox, reset, fixtures' },
      { name: 'AutoTrader', description: 'AutoTrader Web (Stocks Developer): the api-key header, its own envelope {result, message, status, commandId}, form-encoded bodies' },
    ],
  });
}
