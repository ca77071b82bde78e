// The OAuth consent page as Samco's docs describe it: validate with GET /oauth/authorize, then
// POST /oauth/authenticate with the pasted API secret, then navigate to data.redirectTo.
(() => {
  const { $, api } = window.Web;
  const query = new URLSearchParams(location.search);
  const fields = {};
  for (const name of ['api_key', 'redirect_url', 'state', 'scopes']) if (query.has(name)) fields[name] = query.get(name);

  /** The redirect URL when it is a valid http(s) URL, else null. */
  function httpUrl(value) {
    try {
      const url = new URL(value ?? '');
      return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
    } catch {
      return null;
    }
  }

  function backToApp(error, errorMessage) {
    const url = httpUrl(fields.redirect_url);
    url.searchParams.set('error', error);
    url.searchParams.set('errorMessage', errorMessage);
    if (fields.state !== undefined) url.searchParams.set('state', fields.state);
    location.assign(url.toString());
  }

  async function start() {
    const result = await api('GET', `/oauth/authorize?${new URLSearchParams(fields)}`);
    if (!result.ok) {
      if (result.status !== 0 && httpUrl(fields.redirect_url)) return backToApp('invalid_request', result.message);
      $('consent-loading').hidden = true;
      $('consent-fatal').textContent = result.message;
      return;
    }
    $('consent-loading').hidden = true;
    $('consent-title').textContent = `Authorize ${result.body.data.appName}`;
    $('consent-form').hidden = false;
    $('api-secret').focus();
  }

  $('consent-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const error = $('consent-error');
    const button = $('authorize');
    error.textContent = '';
    const secret = $('api-secret').value.trim();
    if (!secret) {
      error.textContent = 'Paste the API Secret of the app.';
      $('api-secret').focus();
      return;
    }
    button.disabled = true;
    button.textContent = 'Authorizing…';
    const result = await api('POST', '/oauth/authenticate', { ...fields, api_secret: secret });
    if (result.ok) {
      location.assign(result.body.data.redirectTo);
      return;
    }
    button.disabled = false;
    button.textContent = 'Authorize';
    error.textContent = result.body?.errorCode ? `${result.message} (${result.body.errorCode})` : result.message;
    $('api-secret').select();
  });

  $('cancel').addEventListener('click', () => backToApp('access_denied', 'User cancelled the login'));
  start();
})();
