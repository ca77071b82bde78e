(() => {
  const { $, icon, dashboardApi, openDialog, formatTime, el, dashboard, otpFlow, notice } = window.Web;
  const askOtp = otpFlow();
  const form = $('app-form');
  const dialog = $('app-dialog');
  const error = $('app-error');
  let editing = null;
  let apps = [];

  const ACTIONS = [
    { key: 'edit', icon: 'edit', label: () => 'Edit app details' },
    { key: 'status', icon: 'power', label: (app) => (app.status === 'Active' ? 'Deactivate app' : 'Activate app') },
    { key: 'regenerate-key', icon: 'key', label: () => 'Regenerate API key' },
    { key: 'regenerate-secret', icon: 'refresh', label: () => 'Regenerate API secret' },
  ];

  function showSecret(appName, secret) {
    $('secret-title').textContent = `API Secret for "${appName}"`;
    $('secret-value').textContent = secret;
    openDialog($('secret-dialog'));
  }

  /** What follows a verified OTP: the secret once, or a line saying what was done. */
  function verified(body) {
    notice(body.statusMessage);
    if (body.apiSecret) showSecret(body.app.appName, body.apiSecret);
    load();
  }

  async function act(app, key) {
    if (key === 'edit') return openForm(app);
    const action = key === 'status' ? (app.status === 'Active' ? 'deactivate' : 'activate') : key;
    const titles = {
      deactivate: `Deactivate "${app.appName}"`,
      activate: `Activate "${app.appName}"`,
      'regenerate-key': `Regenerate the API key of "${app.appName}"`,
      'regenerate-secret': `Regenerate the API secret of "${app.appName}"`,
    };
    const result = await dashboardApi('POST', `/app/api/apps/${encodeURIComponent(app.appId)}/${action}`);
    if (!result.ok) return notice(result.message);
    askOtp(result.body.challenge, titles[action], verified);
  }

  function row(app) {
    const active = app.status === 'Active';
    const actions = el(
      'td',
      { class: 'row-actions' },
      ...ACTIONS.map((a) =>
        el('button', { type: 'button', class: 'icon', title: a.label(app), 'aria-label': `${a.label(app)}: ${app.appName}`, 'data-action': a.key, onclick: () => act(app, a.key) }, icon(a.icon)),
      ),
    );
    return el(
      'tr',
      { 'data-app': app.appName },
      el('td', { text: app.appName }),
      el('td', { class: 'url', text: app.redirectUrl }),
      el('td', {}, el('span', { class: `status ${active ? 'active' : 'deactivated'}`, text: active ? 'Active' : 'Deactivated' })),
      el('td', { text: formatTime(app.lastUpdated) }),
      actions,
    );
  }

  async function load() {
    const result = await dashboardApi('GET', '/app/api/apps');
    if (!result.ok) return notice(result.message);
    apps = result.body.apps;
    $('your-ip').textContent = result.body.yourIp;
    $('app-count').textContent = `${result.body.appsUsed} of ${result.body.appLimit} apps used (deactivated apps included).`;
    const body = $('apps-table').tBodies[0];
    body.replaceChildren(...(apps.length ? apps.map(row) : [el('tr', {}, el('td', { colspan: '5', class: 'muted', text: 'No apps yet: click Create New App.' }))]));
  }

  function openForm(app) {
    editing = app ?? null;
    error.textContent = '';
    $('app-dialog-title').textContent = app ? `Edit app details: ${app.appName}` : 'Create New App';
    $('app-submit').textContent = app ? 'Save' : 'Create App';
    $('app-name').value = app?.appName ?? '';
    $('redirect-url').value = app?.redirectUrl ?? '';
    openDialog(dialog);
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const appName = $('app-name').value;
    const redirectUrl = $('redirect-url').value.trim();
    let result;
    if (editing) {
      const changes = {};
      if (appName !== editing.appName) changes.appName = appName;
      if (redirectUrl !== editing.redirectUrl) changes.redirectUrl = redirectUrl;
      result = await dashboardApi('PATCH', `/app/api/apps/${encodeURIComponent(editing.appId)}`, changes);
    } else {
      result = await dashboardApi('POST', '/app/api/apps', { appName, redirectUrl });
    }
    if (!result.ok) {
      error.textContent = result.message;
      return;
    }
    const title = editing ? `Confirm the changes to "${editing.appName}"` : `Create "${appName.trim()}"`;
    dialog.close();
    askOtp(result.body.challenge, title, verified);
  });

  $('create-app').addEventListener('click', () => openForm(null));
  dashboard().then((me) => {
    if (me) load();
  });
})();
