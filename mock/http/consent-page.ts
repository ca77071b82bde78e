import type { AuthorizeParams, AuthorizeRequest } from '../domain/oauth.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (text: string) => text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);

/** A self-contained page: inline style, no script, nothing loaded from elsewhere. */
function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="referrer" content="no-referrer">
  <title>${esc(title)} - tradeapi-sandbox</title>
  <style>
    body { font-family: system-ui, sans-serif; max-width: 34rem; margin: 3rem auto; padding: 0 1rem; color: #1d2733; }
    .card { border: 1px solid #d5dbe3; border-radius: 8px; padding: 1.5rem; }
    dt { font-weight: 600; margin-top: .6rem; } dd { margin: 0; word-break: break-all; }
    .error { background: #fdecea; border: 1px solid #f5c2bd; padding: .6rem .8rem; border-radius: 6px; }
    label { display: block; margin: 1rem 0 .3rem; font-weight: 600; }
    input[type=password] { width: 100%; padding: .5rem; box-sizing: border-box; }
    button { margin: 1rem .5rem 0 0; padding: .5rem 1.2rem; }
    small { color: #5b6775; }
  </style>
</head>
<body><div class="card">
${body}
</div><p><small>tradeapi-sandbox: a local stand-in for the Samco-hosted consent page.</small></p></body>
</html>
`;
}

/** The consent page: what the user authorises, and a form that posts the request back with the API secret. */
export function consentPage(request: AuthorizeRequest, params: AuthorizeParams, error?: string): string {
  const hidden = Object.entries(params)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .map(([name, value]) => `  <input type="hidden" name="${esc(name)}" value="${esc(value)}">`)
    .join('\n');
  return page(
    'Authorise app',
    `<h1>Authorise ${esc(request.app.name)}</h1>
<p>The app asks for access to your trading account (scope <code>all</code>).</p>
<dl><dt>Returns to</dt><dd>${esc(request.redirectUri)}</dd></dl>
${error ? `<p class="error">${esc(error)}</p>` : ''}
<form method="post" action="/oauth/authorize">
${hidden}
  <label for="api_secret">API Secret of the app</label>
  <input type="password" id="api_secret" name="api_secret" autocomplete="off" required>
  <button type="submit" name="decision" value="approve">Authorise</button>
  <button type="submit" name="decision" value="deny" formnovalidate>Deny</button>
</form>`,
  );
}

/** A refusal that cannot go back to the client: shown to the user instead. */
export function refusalPage(error: string, description: string): string {
  return page('Authorization refused', `<h1>Authorization refused</h1>\n<p class="error"><code>${esc(error)}</code>: ${esc(description)}</p>`);
}
