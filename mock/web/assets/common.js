// Shared by every page: JSON calls, dialogs with focus handling, copy buttons, dates, the dashboard's session.
(() => {
  const TOKEN = 'tradeapi-sandbox.dashboardToken';
  const $ = (id) => document.getElementById(id);

  /** One JSON call; never throws. ok is false for a refusal, with the server's message. */
  async function api(method, path, body, auth = false) {
    const headers = { accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const token = auth ? sessionStorage.getItem(TOKEN) : null;
    if (token) headers['x-dashboard-token'] = token;
    let res;
    try {
      res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      return { ok: false, status: 0, message: 'The sandbox cannot be reached. Is it running?', body: null };
    }
    let json = null;
    try {
      json = await res.json();
    } catch {
      json = null;
    }
    const message = json ? String(json.statusMessage ?? json.message ?? '') : `HTTP ${res.status}`;
    const ok = res.ok && json !== null && json.status !== 'Failure' && json.status !== 'Error';
    return { ok, status: res.status, message: message || `HTTP ${res.status}`, body: json };
  }

  /** The dashboard's calls: a 401 means the sign-in is gone, so back to the login page. */
  async function dashboardApi(method, path, body) {
    const result = await api(method, path, body, true);
    if (result.status === 401) {
      sessionStorage.removeItem(TOKEN);
      location.assign('/app/login');
    }
    return result;
  }

  /** Opens a modal dialog, focuses its first field and gives the focus back to the opener when it closes. */
  function openDialog(dialog) {
    const opener = document.activeElement;
    const restore = () => {
      if (opener && typeof opener.focus === 'function' && document.contains(opener)) opener.focus();
    };
    dialog.addEventListener('close', restore, { once: true });
    if (!dialog.open) dialog.showModal();
    const first = dialog.querySelector('input:not([readonly]):not([type=hidden]):not([disabled]), select, button:not([disabled])');
    if (first) first.focus();
  }

  function formatTime(iso, seconds = false) {
    if (!iso) return '';
    const options = { timeZone: 'Asia/Kolkata', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false };
    const text = new Date(iso).toLocaleString('en-GB', seconds ? { ...options, second: '2-digit' } : options);
    return `${text} IST`;
  }

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(props ?? {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') node.className = v;
      else if (k === 'text') node.textContent = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? '' : String(v));
    }
    for (const child of children) if (child !== null && child !== undefined) node.append(child);
    return node;
  }

  // Icon paths from Google's Material Icons (Apache License 2.0), 24x24.
  const ICONS = {
    edit: 'M3 17.25V21h3.75L17.81 9.94l-3.75-3.75L3 17.25zM20.71 7.04a1 1 0 0 0 0-1.41l-2.34-2.34a1 1 0 0 0-1.41 0l-1.83 1.83 3.75 3.75 1.83-1.83z',
    power: 'M13 3h-2v10h2V3zm4.83 2.17-1.42 1.42A6.92 6.92 0 0 1 19 12c0 3.87-3.13 7-7 7A6.995 6.995 0 0 1 7.58 6.58L6.17 5.17A8.932 8.932 0 0 0 3 12a9 9 0 0 0 18 0c0-2.74-1.23-5.18-3.17-6.83z',
    key: 'M12.65 10A5.99 5.99 0 0 0 7 6c-3.31 0-6 2.69-6 6s2.69 6 6 6a5.99 5.99 0 0 0 5.65-4H17v4h4v-4h2v-4H12.65zM7 14c-1.1 0-2-.9-2-2s.9-2 2-2 2 .9 2 2-.9 2-2 2z',
    refresh:
      'M17.65 6.35A7.958 7.958 0 0 0 12 4c-4.42 0-7.99 3.58-7.99 8s3.57 8 7.99 8c3.73 0 6.84-2.55 7.73-6h-2.08A5.99 5.99 0 0 1 12 18c-3.31 0-6-2.69-6-6s2.69-6 6-6c1.66 0 3.14.69 4.22 1.78L13 11h7V4l-2.35 2.35z',
    delete: 'M6 19c0 1.1.9 2 2 2h8c1.1 0 2-.9 2-2V7H6v12zM19 4h-3.5l-1-1h-5l-1 1H5v2h14V4z',
  };

  function icon(name) {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('width', '18');
    svg.setAttribute('height', '18');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    const path = document.createElementNS(ns, 'path');
    path.setAttribute('d', ICONS[name]);
    path.setAttribute('fill', 'currentColor');
    svg.append(path);
    return svg;
  }

  async function copyText(text, button) {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      const area = el('textarea', { class: 'offscreen', 'aria-hidden': 'true' });
      area.value = text;
      document.body.append(area);
      area.select();
      document.execCommand('copy');
      area.remove();
    }
    const label = button.textContent;
    button.textContent = 'Copied';
    setTimeout(() => {
      button.textContent = label;
    }, 1500);
  }

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target : null;
    const copy = target?.closest('[data-copy]');
    if (copy) {
      const source = $(copy.getAttribute('data-copy'));
      if (source) copyText(source.textContent ?? '', copy);
      return;
    }
    const close = target?.closest('[data-close]');
    if (close) close.closest('dialog')?.close();
  });

  /** The dashboard's frame: signed in or back to login, the account name, Logout. */
  async function dashboard() {
    if (!sessionStorage.getItem(TOKEN)) {
      location.replace('/app/login');
      return null;
    }
    const me = await dashboardApi('GET', '/app/api/me');
    if (!me.ok) return null;
    $('account-name').textContent = me.body.accountName;
    $('your-ip').textContent = me.body.yourIp;
    $('logout').addEventListener('click', async () => {
      await api('POST', '/app/api/logout', undefined, true);
      sessionStorage.removeItem(TOKEN);
      location.assign('/app/login');
    });
    return me.body;
  }

  /** The OTP modal: verify, resend, and every refusal shown in it. */
  function otpFlow() {
    const dialog = $('otp-dialog');
    const input = $('otp-input');
    const error = $('otp-error');
    let challenge = null;
    let done = null;
    const sentText = (c) => `OTP sent to ${c.sentTo.mobile} and ${c.sentTo.email}. It is valid for 5 minutes.`;
    $('otp-form').addEventListener('submit', async (event) => {
      event.preventDefault();
      error.textContent = '';
      if (!input.value.trim()) {
        error.textContent = 'Enter the OTP.';
        input.focus();
        return;
      }
      const button = $('otp-verify');
      button.disabled = true;
      const result = await dashboardApi('POST', `/app/api/challenges/${encodeURIComponent(challenge.challengeId)}/verify`, { otp: input.value.trim() });
      button.disabled = false;
      if (!result.ok) {
        error.textContent = result.message;
        input.select();
        return;
      }
      dialog.close();
      done?.(result.body);
    });
    $('otp-resend').addEventListener('click', async () => {
      error.textContent = '';
      const result = await dashboardApi('POST', `/app/api/challenges/${encodeURIComponent(challenge.challengeId)}/resend`);
      if (!result.ok) {
        error.textContent = result.message;
        return;
      }
      challenge = result.body.challenge;
      $('otp-sent').textContent = `A new OTP was sent. ${sentText(challenge)}`;
      input.value = '';
      input.focus();
    });
    return (next, title, onDone) => {
      challenge = next;
      done = onDone;
      $('otp-title').textContent = title;
      $('otp-sent').textContent = sentText(next);
      input.value = '';
      error.textContent = '';
      openDialog(dialog);
    };
  }

  function notice(text) {
    const node = $('notice');
    if (node) node.textContent = text;
  }

  window.Web = { $, icon, api, dashboardApi, openDialog, formatTime, el, dashboard, otpFlow, notice, TOKEN };
})();
