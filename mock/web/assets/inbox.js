// The inbox: GET /__sandbox/outbox (the control API), newest first, polled every 1.5 s.
(() => {
  const { $, api, el, formatTime } = window.Web;
  const KIND = { 'otp-sms': 'OTP (SMS)', 'otp-email': 'OTP (e-mail)', 'api-key-email': 'API key e-mail', 'secret-key-email': 'Secret key e-mail' };
  let shown = '';

  function message(m) {
    const secret = m.otp ?? m.apiKey ?? m.secretApiKey;
    const secretLabel = m.otp ? 'OTP' : m.apiKey ? 'API key' : 'Secret key';
    const id = `secret-${m.id}`;
    return el(
      'li',
      { class: 'message', 'data-kind': m.kind, 'data-uid': m.uid },
      el('p', { class: 'meta' }, el('span', { class: 'kind', text: KIND[m.kind] ?? m.kind }), ` to ${m.to} · ${m.uid} · ${formatTime(m.sentAt)}`),
      el('p', { class: 'subject', text: m.subject }),
      secret
        ? el(
            'p',
            { class: 'copyable' },
            el('span', { class: 'muted', text: `${secretLabel}: ` }),
            el('code', { id, class: m.otp ? 'big otp' : 'big key', text: secret }),
            el('button', { type: 'button', class: 'secondary', 'data-copy': id, 'aria-label': `Copy ${secretLabel}`, text: 'Copy' }),
          )
        : null,
      el('details', {}, el('summary', { text: 'Message' }), el('pre', { text: m.body })),
    );
  }

  async function refresh() {
    const params = new URLSearchParams({ limit: '200' });
    const uid = $('f-uid').value.trim().toUpperCase();
    const kind = $('f-kind').value;
    if (uid) params.set('uid', uid);
    if (kind) params.set('kind', kind);
    const result = await api('GET', `/__sandbox/outbox?${params}`);
    if (!result.ok) {
      $('inbox-error').textContent = result.message;
      return;
    }
    $('inbox-error').textContent = '';
    const messages = [...result.body.messages].reverse();
    const key = `${params}|${messages.map((m) => m.id).join(',')}`;
    if (key === shown) return;
    shown = key;
    $('inbox-count').textContent = `${messages.length} message(s)`;
    $('messages').replaceChildren(...messages.map(message));
  }

  // ?uid=&kind= preset the filters, so a link can open the inbox of one account.
  const preset = new URLSearchParams(location.search);
  if (preset.get('uid')) $('f-uid').value = preset.get('uid');
  if (preset.get('kind')) $('f-kind').value = preset.get('kind');
  $('inbox-filter').addEventListener('input', refresh);
  $('inbox-filter').addEventListener('submit', (event) => event.preventDefault());
  refresh();
  setInterval(refresh, 1500);
})();
