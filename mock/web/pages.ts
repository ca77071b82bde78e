import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { HttpDeps, SandboxApp } from '../http/deps.js';
import { snippets } from './snippets.js';

type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/**
 * The pages a person uses in a browser: the dashboard, the OAuth consent and callback pages, the
 * inbox and the request journal. Each page is a server-rendered shell (hono/html escapes every
 * value) plus one plain script that calls the same JSON endpoints a client would; nothing comes
 * from another origin, and no inline script or style runs (strict Content-Security-Policy).
 */
const CSP = ["default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "connect-src 'self'", "form-action 'self'", "base-uri 'none'", "frame-ancestors 'none'"].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/** The hover text of the "Your IP" chip, as Samco's manual words it. */
export const YOUR_IP_HINT = 'This is the IP our server sees you from. Register this IP under Static IPs if you plan to call the Trade APIs from this machine.';

const ASSET_TYPES: Record<string, string> = { css: 'text/css; charset=utf-8', js: 'text/javascript; charset=utf-8' };
export const ASSETS = ['web.css', 'common.js', 'login.js', 'api-keys.js', 'static-ips.js', 'consent.js', 'callback.js', 'inbox.js', 'journal.js'];

/** The assets sit beside this file in the source tree; the build (dist/mock/web) reads them from there. */
function assetDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'assets'), join(here, '../../../mock/web/assets')];
  return candidates.find((dir) => existsSync(join(dir, 'web.css'))) ?? candidates[0]!;
}

type Shell = { title: string; script?: string; yourIp: string; body: Html; bodyClass?: string };

function page({ title, script, yourIp, body, bodyClass }: Shell): Html {
  return html`<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title} · tradeapi-sandbox</title>
  <link rel="stylesheet" href="/app/assets/web.css">
  <script src="/app/assets/common.js" defer></script>
  ${script ? html`<script src="/app/assets/${script}" defer></script>` : ''}
</head>
<body class="${bodyClass ?? ''}">
${body}
<p class="ip-chip" title="${YOUR_IP_HINT}"><span>Your IP:</span> <code id="your-ip">${yourIp}</code></p>
</body>
</html>`;
}

function dashboardShell(active: 'api-keys' | 'static-ips', main: Html): Html {
  const link = (id: typeof active, href: string, text: string) => html`<a href="${href}"${id === active ? html` aria-current="page"` : ''}>${text}</a>`;
  return html`<div class="dashboard">
  <nav class="sidebar" aria-label="Dashboard">
    <p class="brand">Trade API</p>
    <ul>
      <li>${link('api-keys', '/app/api-keys', 'API Keys')}</li>
      <li>${link('static-ips', '/app/static-ips', 'Static IPs')}</li>
    </ul>
    <div class="account">
      <span class="account-name" id="account-name">…</span>
      <button type="button" id="logout" class="secondary" aria-label="Logout" title="Logout">⎋ Logout</button>
    </div>
  </nav>
  <main class="content">
    ${main}
  </main>
</div>`;
}

const otpDialog = html`<dialog id="otp-dialog" aria-labelledby="otp-title">
  <form method="dialog" id="otp-form" novalidate>
    <h2 id="otp-title">Enter OTP</h2>
    <p id="otp-sent" class="muted"></p>
    <label for="otp-input">OTP</label>
    <input id="otp-input" name="otp" inputmode="numeric" autocomplete="one-time-code" required maxlength="12">
    <p class="error" id="otp-error" role="alert"></p>
    <div class="actions">
      <button type="submit" id="otp-verify">Verify OTP</button>
      <button type="button" id="otp-resend" class="secondary">Resend OTP</button>
      <button type="button" class="secondary" data-close>Cancel</button>
    </div>
  </form>
</dialog>`;

const secretDialog = html`<dialog id="secret-dialog" aria-labelledby="secret-title">
  <h2 id="secret-title">API Secret</h2>
  <p class="warning">Copy the API Secret now: it is shown only once. The API Key is sent to your registered e-mail.</p>
  <div class="copyable"><code id="secret-value" class="big"></code><button type="button" class="secondary" data-copy="secret-value">Copy</button></div>
  <div class="actions"><button type="button" data-close>Done</button></div>
</dialog>`;

function loginPage(yourIp: string): Html {
  return page({
    title: 'Sign In',
    script: 'login.js',
    yourIp,
    bodyClass: 'centered',
    body: html`<main class="card narrow">
  <h1>Samco Trade API</h1>
  <p class="muted">Sign in with your Samco User ID and password.</p>
  <form id="login-form" novalidate>
    <label for="user-id">User ID</label>
    <input id="user-id" name="userId" autocomplete="username" required placeholder="AB1234">
    <label for="password">Password</label>
    <input id="password" name="password" type="password" autocomplete="current-password" required>
    <p class="error" id="login-error" role="alert"></p>
    <button type="submit" id="sign-in">Sign In</button>
  </form>
</main>`,
  });
}

function apiKeysPage(yourIp: string): Html {
  const main = html`<header class="page-head">
  <h1>API Keys</h1>
  <button type="button" id="create-app">Create New App</button>
</header>
<p class="muted" id="app-count"></p>
<p class="notice" id="notice" role="status"></p>
<section aria-labelledby="apps-title">
  <h2 id="apps-title">Registered Apps</h2>
  <div class="table-wrap">
  <table id="apps-table">
    <thead><tr><th scope="col">App Name</th><th scope="col">Redirect URL</th><th scope="col">Status</th><th scope="col">Last Updated</th><th scope="col">Actions</th></tr></thead>
    <tbody></tbody>
  </table>
  </div>
</section>
<dialog id="app-dialog" aria-labelledby="app-dialog-title">
  <form id="app-form" novalidate>
    <h2 id="app-dialog-title">Create New App</h2>
    <label for="app-name">App Name</label>
    <input id="app-name" name="appName" required minlength="3" maxlength="100" placeholder="My Trading App">
    <label for="redirect-url">Redirect URL</label>
    <input id="redirect-url" name="redirectUrl" type="url" required placeholder="https://your-app.example.com/callback">
    <label for="scope">Scope</label>
    <input id="scope" name="scope" value="all" readonly aria-readonly="true">
    <p class="error" id="app-error" role="alert"></p>
    <div class="actions">
      <button type="submit" id="app-submit">Create App</button>
      <button type="button" class="secondary" data-close>Cancel</button>
    </div>
  </form>
</dialog>
${otpDialog}
${secretDialog}`;
  return page({ title: 'API Keys', script: 'api-keys.js', yourIp, body: dashboardShell('api-keys', main) });
}

function staticIpsPage(yourIp: string): Html {
  const main = html`<header class="page-head">
  <h1>Static IPs</h1>
  <button type="button" id="add-ip">Add IP</button>
</header>
<p class="muted">One PRIMARY (required) and one SECONDARY (optional) public IPv4 address per app. An IP change is allowed once every 7 days across your account.</p>
<p class="notice" id="notice" role="status"></p>
<p class="muted" id="cooldown"></p>
<div class="table-wrap">
<table id="ips-table">
  <thead><tr><th scope="col">App</th><th scope="col">PRIMARY</th><th scope="col">SECONDARY</th><th scope="col">Last updated</th></tr></thead>
  <tbody></tbody>
</table>
</div>
<dialog id="ip-dialog" aria-labelledby="ip-dialog-title">
  <form id="ip-form" novalidate>
    <h2 id="ip-dialog-title">Add IP</h2>
    <label for="ip-app">App</label>
    <select id="ip-app" name="appId" required></select>
    <label for="ip-type">IP Type</label>
    <select id="ip-type" name="ipType" required><option value="PRIMARY">PRIMARY</option><option value="SECONDARY">SECONDARY</option></select>
    <label for="ip-address">IP Address</label>
    <input id="ip-address" name="ipAddress" required inputmode="decimal" placeholder="203.0.113.42">
    <p class="error" id="ip-error" role="alert"></p>
    <div class="actions">
      <button type="submit" id="ip-submit">Save</button>
      <button type="button" class="secondary" data-close>Cancel</button>
    </div>
  </form>
</dialog>
${otpDialog}`;
  return page({ title: 'Static IPs', script: 'static-ips.js', yourIp, body: dashboardShell('static-ips', main) });
}

function consentPage(yourIp: string): Html {
  return page({
    title: 'Authorize',
    script: 'consent.js',
    yourIp,
    bodyClass: 'centered',
    body: html`<main class="card narrow" id="consent">
  <p id="consent-loading" role="status" class="muted">Checking the authorization request…</p>
  <p class="error" id="consent-fatal" role="alert"></p>
  <form id="consent-form" hidden novalidate>
    <h1 id="consent-title">Authorize</h1>
    <p class="muted">This app asks to use the Samco Trade API on your behalf. Paste its API Secret (as shown once by the dashboard) to allow it.</p>
    <label for="api-secret">API Secret</label>
    <input id="api-secret" name="api_secret" type="password" autocomplete="off" spellcheck="false" required>
    <p class="error" id="consent-error" role="alert"></p>
    <div class="actions">
      <button type="submit" id="authorize">Authorize</button>
      <button type="button" id="cancel" class="secondary">Cancel</button>
    </div>
  </form>
</main>`,
  });
}

function callbackPage(yourIp: string, query: Record<string, string>, origin: string): Html {
  const { code, state, error, errorMessage } = query;
  const params = Object.entries(query);
  const copyRow = (label: string, id: string, value: string) =>
    html`<dt>${label}</dt><dd class="copyable"><code id="${id}">${value}</code><button type="button" class="secondary" data-copy="${id}" aria-label="Copy ${label}">Copy</button></dd>`;
  const tabs = snippets(origin, code ?? '');
  const success = code
    ? html`<section class="panel success" aria-labelledby="ok-title">
  <h2 id="ok-title">Authorization code received</h2>
  <p>Exchange it from your backend at <code>POST /oauth/token</code> within 10 minutes; it works once.</p>
  <dl>${copyRow('code', 'cb-code', code)}${state !== undefined ? copyRow('state', 'cb-state', state) : ''}</dl>
  <div class="tabs">
    <div role="tablist" aria-label="Backend snippets">
      ${tabs.map((t, i) => html`<button type="button" role="tab" id="tab-${t.id}" aria-controls="panel-${t.id}" aria-selected="${i === 0 ? 'true' : 'false'}" tabindex="${i === 0 ? '0' : '-1'}">${t.label}</button>`)}
    </div>
    ${tabs.map((t, i) => html`<div role="tabpanel" id="panel-${t.id}" aria-labelledby="tab-${t.id}" tabindex="0"${i === 0 ? '' : html` hidden`}><pre><code id="snippet-${t.id}">${t.code}</code></pre><button type="button" class="secondary" data-copy="snippet-${t.id}">Copy ${t.label}</button></div>`)}
  </div>
</section>`
    : '';
  const failure = error
    ? html`<section class="panel failure" aria-labelledby="fail-title">
  <h2 id="fail-title">Authorization failed</h2>
  <dl><dt>error</dt><dd><code id="cb-error">${error}</code></dd><dt>errorMessage</dt><dd id="cb-error-message">${errorMessage ?? ''}</dd>${state !== undefined ? html`<dt>state</dt><dd><code>${state}</code></dd>` : ''}</dl>
</section>`
    : '';
  const neither =
    !code && !error
      ? html`<p class="muted">No <code>code</code> and no <code>error</code> in this URL: register <code>${origin}/app/callback</code> as an app's Redirect URL and start the OAuth flow.</p>`
      : '';
  return page({
    title: 'OAuth Callback',
    script: 'callback.js',
    yourIp,
    body: html`<main class="content single">
  <h1>OAuth Callback</h1>
  ${failure}${success}${neither}
  <section aria-labelledby="params-title">
    <h2 id="params-title">Query parameters</h2>
    ${params.length === 0 ? html`<p class="muted">None.</p>` : html`<dl class="params" id="cb-params">${params.map(([k, v]) => html`<dt>${k}</dt><dd><code>${v}</code></dd>`)}</dl>`}
  </section>
</main>`,
  });
}

function inboxPage(yourIp: string): Html {
  return page({
    title: 'Inbox',
    script: 'inbox.js',
    yourIp,
    body: html`<main class="content single">
  <header class="page-head"><h1>Inbox</h1><a href="/__sandbox/journal">Request journal</a></header>
  <p class="muted">Every SMS and e-mail the sandbox sent, newest first. Updates by itself.</p>
  <form id="inbox-filter" class="filters">
    <div><label for="f-uid">Account</label><input id="f-uid" name="uid" placeholder="AB1234"></div>
    <div><label for="f-kind">Kind</label><select id="f-kind" name="kind"><option value="">All</option><option value="otp-sms">OTP (SMS)</option><option value="otp-email">OTP (e-mail)</option><option value="api-key-email">API key e-mail</option><option value="secret-key-email">Secret key e-mail</option></select></div>
  </form>
  <p class="error" id="inbox-error" role="alert"></p>
  <p class="muted" id="inbox-count" role="status"></p>
  <ol class="messages" id="messages"></ol>
</main>`,
  });
}

function journalPage(yourIp: string): Html {
  return page({
    title: 'Request journal',
    script: 'journal.js',
    yourIp,
    body: html`<main class="content single">
  <header class="page-head"><h1>Request journal</h1><a href="/__sandbox/inbox">Inbox</a></header>
  <p class="muted">The last requests the sandbox answered, newest first: what a client sent (method and path, never query strings, bodies or tokens) and what it got. Updates by itself.</p>
  <form id="journal-filter" class="filters">
    <div><label for="j-method">Method</label><select id="j-method" name="method"><option value="">All</option><option>GET</option><option>POST</option><option>PUT</option><option>PATCH</option><option>DELETE</option></select></div>
    <div><label for="j-path">Path contains</label><input id="j-path" name="path" placeholder="/oauth/"></div>
    <div><label for="j-status">Status</label><select id="j-status" name="status"><option value="">All</option><option value="2xx">2xx</option><option value="4xx">4xx</option><option value="5xx">5xx</option></select></div>
    <div><label for="j-uid">Account</label><input id="j-uid" name="uid" placeholder="AB1234"></div>
    <div class="check"><input id="j-control" name="control" type="checkbox"><label for="j-control">Include the control API</label></div>
  </form>
  <p class="error" id="journal-error" role="alert"></p>
  <p class="muted" id="journal-count" role="status"></p>
  <div class="table-wrap">
  <table id="journal-table">
    <thead><tr><th scope="col">Time</th><th scope="col">Method</th><th scope="col">Path</th><th scope="col">Status</th><th scope="col">Duration</th><th scope="col">Account</th><th scope="col">Source IP</th></tr></thead>
    <tbody></tbody>
  </table>
  </div>
</main>`,
  });
}

/** Paths of the pages and their assets (outside the OpenAPI document: HTML, not JSON operations). */
export const WEB_PATHS = ['/app', '/app/login', '/app/api-keys', '/app/static-ips', '/app/oauth/authorize', '/app/callback', '/app/assets/{file}', '/__sandbox/inbox', '/__sandbox/journal'];

export function webRoutes(app: SandboxApp, { reply, sourceIp }: HttpDeps) {
  const dir = assetDir();
  const cache = new Map<string, string>();
  const send = (c: Context, body: Html) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
    return c.html(body);
  };

  app.get('/app/assets/:file', (c) => {
    const file = c.req.param('file');
    if (!ASSETS.includes(file)) return reply.fail(c, { code: 'ROUTE_NOT_FOUND', message: `No such asset: ${file}` });
    let body = cache.get(file);
    if (body === undefined) {
      body = readFileSync(join(dir, file), 'utf8');
      cache.set(file, body);
    }
    const type = ASSET_TYPES[file.split('.').pop()!]!;
    return c.body(body, 200, { 'content-type': type, 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' });
  });

  app.get('/app', (c) => send(c, apiKeysPage(sourceIp(c))));
  app.get('/app/api-keys', (c) => send(c, apiKeysPage(sourceIp(c))));
  app.get('/app/login', (c) => send(c, loginPage(sourceIp(c))));
  app.get('/app/static-ips', (c) => send(c, staticIpsPage(sourceIp(c))));
  app.get('/app/oauth/authorize', (c) => send(c, consentPage(sourceIp(c))));
  app.get('/app/callback', (c) => send(c, callbackPage(sourceIp(c), c.req.query(), new URL(c.req.url).origin)));
  app.get('/__sandbox/inbox', (c) => send(c, inboxPage(sourceIp(c))));
  app.get('/__sandbox/journal', (c) => send(c, journalPage(sourceIp(c))));
}
