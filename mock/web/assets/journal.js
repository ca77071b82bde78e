// The request journal: GET /__sandbox/requests (the control API), newest first, polled every 2 s.
(() => {
  const { $, api, el, formatTime } = window.Web;
  let shown = '';

  async function refresh() {
    const params = new URLSearchParams({ limit: '300', control: $('j-control').checked ? 'true' : 'false' });
    for (const [name, id] of [
      ['method', 'j-method'],
      ['path', 'j-path'],
      ['status', 'j-status'],
      ['uid', 'j-uid'],
    ]) {
      const value = $(id).value.trim();
      if (value) params.set(name, value);
    }
    const result = await api('GET', `/__sandbox/requests?${params}`);
    if (!result.ok) {
      $('journal-error').textContent = result.message;
      return;
    }
    $('journal-error').textContent = '';
    const requests = result.body.requests;
    const key = `${params}|${requests.map((r) => r.id).join(',')}`;
    if (key === shown) return;
    shown = key;
    $('journal-count').textContent = `${requests.length} request(s) shown; the journal keeps the last ${result.body.size}.`;
    const row = (r) =>
      el(
        'tr',
        { 'data-status': String(r.status) },
        el('td', { text: formatTime(r.at, true) }),
        el('td', { text: r.method }),
        el('td', { class: 'url' }, el('code', { text: r.path })),
        el('td', {}, el('span', { class: `code s${String(r.status)[0]}`, text: String(r.status) })),
        el('td', { text: `${r.durationMs} ms` }),
        el('td', { text: r.uid ?? '' }),
        el('td', { text: r.srcIp }),
      );
    $('journal-table').tBodies[0].replaceChildren(...requests.map(row));
  }

  $('journal-filter').addEventListener('input', refresh);
  $('journal-filter').addEventListener('submit', (event) => event.preventDefault());
  refresh();
  setInterval(refresh, 2000);
})();
