(() => {
  const { $, icon, dashboardApi, openDialog, formatTime, el, dashboard, otpFlow, notice } = window.Web;
  const askOtp = otpFlow();
  const dialog = $('ip-dialog');
  const error = $('ip-error');
  let rows = [];
  let nextChange = null;
  let editing = null;

  function verified(body) {
    notice(body.statusMessage);
    load();
  }

  async function remove(row, ipType) {
    const result = await dashboardApi('DELETE', '/app/api/static-ips', { appId: row.appId, ipType });
    if (!result.ok) return notice(result.message);
    askOtp(result.body.challenge, `Delete the ${ipType} IP of "${row.appName}"`, verified);
  }

  function ipCell(row, ipType) {
    const ip = ipType === 'PRIMARY' ? row.primaryIp : row.secondaryIp;
    if (!ip) return el('td', { class: 'muted', 'data-type': ipType, text: '—' });
    const waiting = nextChange !== null;
    const editTip = waiting ? `IP changes are limited to one every 7 days: the next change is allowed on ${formatTime(nextChange)}` : `Edit the ${ipType} IP`;
    const edit = el(
      'button',
      {
        type: 'button',
        class: 'icon',
        title: editTip,
        'aria-label': `Edit ${ipType} IP of ${row.appName}`,
        disabled: waiting,
        'data-action': 'edit',
        onclick: () => openForm(row, ipType),
      },
      icon('edit'),
    );
    const del = el('button', {
      type: 'button',
      class: 'icon',
      title: `Delete the ${ipType} IP`,
      'aria-label': `Delete ${ipType} IP of ${row.appName}`,
      'data-action': 'delete',
      onclick: () => remove(row, ipType),
      text: '🗑',
    });
    // A disabled button gets no hover: its wrapper carries the same tooltip.
    return el('td', { 'data-type': ipType }, el('code', { text: ip }), ' ', el('span', { class: 'tip', title: editTip }, edit), del);
  }

  async function load() {
    const result = await dashboardApi('GET', '/app/api/static-ips');
    if (!result.ok) return notice(result.message);
    rows = result.body.rows;
    nextChange = result.body.nextChangeAllowedAt;
    $('your-ip').textContent = result.body.yourIp;
    $('cooldown').textContent = nextChange ? `Next IP change allowed on ${formatTime(nextChange)}.` : '';
    const body = $('ips-table').tBodies[0];
    const render = (row) =>
      el(
        'tr',
        { 'data-app': row.appName },
        el('th', { scope: 'row' }, row.appName, row.status === 'Active' ? null : el('span', { class: 'status deactivated', text: ' Deactivated' })),
        ipCell(row, 'PRIMARY'),
        ipCell(row, 'SECONDARY'),
        el('td', { text: formatTime(row.lastUpdated) }),
      );
    body.replaceChildren(...(rows.length ? rows.map(render) : [el('tr', {}, el('td', { colspan: '4', class: 'muted', text: 'No apps yet: create one under API Keys.' }))]));
  }

  function openForm(row, ipType) {
    editing = row ? { appId: row.appId, ipType } : null;
    error.textContent = '';
    $('ip-dialog-title').textContent = row ? `Edit the ${ipType} IP of "${row.appName}"` : 'Add IP';
    const select = $('ip-app');
    const choices = row ? [row] : rows.filter((r) => r.status === 'Active');
    select.replaceChildren(...choices.map((r) => el('option', { value: r.appId, text: r.appName })));
    select.disabled = Boolean(row);
    $('ip-type').value = ipType ?? 'PRIMARY';
    $('ip-type').disabled = Boolean(row);
    $('ip-address').value = '';
    openDialog(dialog);
    if (row) $('ip-address').focus();
  }

  $('ip-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    const appId = editing?.appId ?? $('ip-app').value;
    const ipType = editing?.ipType ?? $('ip-type').value;
    const ipAddress = $('ip-address').value.trim();
    if (!appId) {
      error.textContent = 'Create an active app first.';
      return;
    }
    const result = await dashboardApi('POST', '/app/api/static-ips', { appId, ipType, ipAddress });
    if (!result.ok) {
      error.textContent = result.message;
      return;
    }
    const name = rows.find((r) => r.appId === appId)?.appName ?? '';
    dialog.close();
    askOtp(result.body.challenge, `${editing ? 'Change' : 'Register'} the ${ipType} IP of "${name}"`, verified);
  });

  $('add-ip').addEventListener('click', () => openForm(null));
  dashboard().then((me) => {
    if (me) load();
  });
})();
