import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Context } from 'hono';
import type { SandboxApp, SandboxEnv } from './deps.js';

const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
  'favicon-32x32.png': 'image/png',
};

const PAGE = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>tradeapi-sandbox API</title>
  <link rel="icon" href="/docs/assets/favicon-32x32.png">
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
  <script src="/docs/init.js"></script>
</body>
</html>
`;

// validatorUrl null: Swagger UI would otherwise send the spec to an online validator.
const INIT = `window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  validatorUrl: null,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: 'StandaloneLayout'
});
`;

/**
 * The address this sandbox answers on, so the docs page's "Try it out" reaches it whatever port
 * it was given (--port 0 included): the socket's local end when served over HTTP, else the URL.
 */
function servedAt(c: Context<SandboxEnv>): string {
  const socket = c.env?.incoming?.socket;
  if (socket?.localAddress && socket.localPort) {
    const host = socket.localAddress.startsWith('::ffff:') ? socket.localAddress.slice(7) : socket.localAddress;
    return `http://${host.includes(':') ? `[${host}]` : host}:${socket.localPort}`;
  }
  return new URL(c.req.url).origin;
}

/** Human docs at /docs: Swagger UI served from the installed swagger-ui-dist package, so it works offline. */
export function docsRoutes(app: SandboxApp, spec: () => object) {
  const dir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  const cache = new Map<string, Buffer>();

  app.get('/openapi.json', (c) => c.json({ ...spec(), servers: [{ url: servedAt(c), description: 'This sandbox, where it is listening' }] }));
  app.get('/', (c) => c.redirect('/docs'));
  app.get('/docs', (c) => c.html(PAGE));
  app.get('/docs/init.js', (c) => c.body(INIT, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  app.get('/docs/assets/:file', (c) => {
    const file = c.req.param('file');
    const type = ASSETS[file];
    if (!type) return c.notFound();
    let body = cache.get(file);
    if (!body) {
      body = readFileSync(join(dir, file));
      cache.set(file, body);
    }
    return c.body(new Uint8Array(body), 200, { 'content-type': type, 'cache-control': 'public, max-age=3600' });
  });
}

export const DOCS_PATHS = ['/', '/openapi.json', '/docs', '/docs/init.js', '/docs/assets/{file}'];
