import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test, type TestContext } from 'vitest';
import { SandboxClock } from '../../mock/domain/clock.js';
import { listen } from '../../mock/http/node-server.js';
import { createSandbox } from '../../mock/server.js';
import { YOUR_IP_HINT } from '../../mock/web/pages.js';
import { DEFAULT_CLIENT_IP } from '../../mock/http/source-ip.js';

/**
 * The pages, walked by clicking in Chromium (playwright-core driving Debian's chromium): the
 * dashboard, the inbox, the OAuth consent and callback pages, the request journal. One sandbox
 * in-process on a free loopback port; one account; the walk goes in order, each test on from the
 * state the one before left. Screenshots of each page at 1280 px and 390 px go to test-output/browser.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SKIP_REASON = `browser tests need Chromium at ${CHROMIUM} (apt-get install -y chromium; .ci/run installs it)`;
const SHOTS = join(process.cwd(), 'test-output', 'browser');
const UID = 'WB1001';
const PASSWORD = 'Browser-pw-1';
const DAY = 86_400_000;
/** 2025-12-17 10:00 IST, a working morning; frozen, moved only by the control API. */
const T0 = Date.UTC(2025, 11, 17, 4, 30, 0);

let server: Server;
let base = '';
let browser: Browser | undefined;
let context: BrowserContext;
let page: Page;
const cspErrors: string[] = [];
/** What the walk learns and later steps use. */
const known: { key?: string; secret?: string; oauthKey?: string; oauthSecret?: string; code?: string } = {};

async function json(method: string, path: string, body?: unknown, token?: string) {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers['x-dashboard-token'] = token;
  const res = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

async function outbox(kind: string) {
  return (await json('GET', `/__sandbox/outbox?uid=${UID}&kind=${kind}&limit=1000`)).body.messages as Array<Record<string, any>>;
}

/** An app made through the dashboard's JSON API, as a client would (the walk's first apps). */
async function createAppByApi(appName: string, redirectUrl: string) {
  const login = await json('POST', '/app/api/login', { userId: UID, password: PASSWORD });
  const token = login.body.dashboardToken as string;
  const challenge = await json('POST', '/app/api/apps', { appName, redirectUrl }, token);
  const otp = (await outbox('otp-sms')).at(-1)!.otp as string;
  const verified = await json('POST', `/app/api/challenges/${challenge.body.challenge.challengeId}/verify`, { otp }, token);
  const apiKey = (await outbox('api-key-email')).at(-1)!.apiKey as string;
  return { apiKey, apiSecret: verified.body.apiSecret as string };
}

async function shoot(name: string) {
  await page.screenshot({ path: join(SHOTS, `${name}-1280.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  // Nothing but tables (in their own scrolling box) may be wider than the phone.
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `${name} is wider than 390 px`).toBeLessThanOrEqual(0);
  await page.screenshot({ path: join(SHOTS, `${name}-390.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** The OTP of the newest challenge, read on the inbox page (a second tab), as a person would. */
async function otpFromInbox(): Promise<string> {
  const inbox = await context.newPage();
  await inbox.goto(`${base}/__sandbox/inbox?uid=${UID}&kind=otp-sms`);
  const otp = (await inbox.locator('#messages li code.otp').first().textContent())!.trim();
  await inbox.close();
  return otp;
}

async function verifyOtp(otp?: string) {
  const dialog = page.locator('#otp-dialog');
  await expect.poll(() => dialog.isVisible()).toBe(true);
  await page.getByLabel('OTP', { exact: true }).fill(otp ?? (await otpFromInbox()));
  await dialog.getByRole('button', { name: 'Verify OTP' }).click();
  await dialog.waitFor({ state: 'hidden' });
}

async function signIn() {
  await page.goto(`${base}/app/login`);
  await page.getByLabel('User ID').fill(UID);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign In' }).click();
  await page.waitForURL(`${base}/app/api-keys`);
  await page.locator('#account-name', { hasText: 'Browser Walker' }).waitFor();
}

async function advanceClock(ms: number) {
  expect((await json('POST', '/__sandbox/clock', { advanceMs: ms })).status).toBe(200);
}

function needsBrowser(ctx: TestContext) {
  if (!browser) ctx.skip(SKIP_REASON);
}

describe('the pages in Chromium', () => {
  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) {
      console.log(`skipping the browser suite: ${SKIP_REASON}`);
      return;
    }
    mkdirSync(SHOTS, { recursive: true });
    const clock = new SandboxClock();
    clock.set(T0, true);
    const sandbox = createSandbox({
      seed: 'browser',
      clock,
      fixtures: { accounts: [{ uid: UID, name: 'Browser Walker', password: PASSWORD, yob: '1988', mobile: '9876501234', email: 'walker@example.com' }] },
    });
    server = await new Promise<Server>((resolve) => {
      const s = listen(sandbox, { port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
    });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) cspErrors.push(m.text());
    });
  }, 120_000);

  // A failed step leaves its page behind for a look.
  afterEach(async (ctx) => {
    if (browser && ctx.task.result?.state === 'fail') await page.screenshot({ path: join(SHOTS, `failed-${ctx.task.name.slice(0, 30).replace(/\W+/g, '-')}.png`), fullPage: true });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  test('sign in: a wrong password says "Invalid credentials"; then API Keys, the sidebar and the "Your IP" chip', async (ctx) => {
    needsBrowser(ctx);
    // Three apps made through the JSON API before the walk: the walk creates the 4th and 5th.
    const oauthApp = await createAppByApi('OAuth Demo', `${base}/app/callback`);
    known.oauthKey = oauthApp.apiKey;
    known.oauthSecret = oauthApp.apiSecret;
    await createAppByApi('Second App', 'https://example.com/two');
    await createAppByApi('Third App', 'https://example.com/three');

    await page.goto(`${base}/app/login`);
    await shoot('login');
    await page.getByLabel('User ID').fill(UID);
    await page.getByLabel('Password').fill('wrong-password');
    await page.getByRole('button', { name: 'Sign In' }).click();
    await expect.poll(() => page.locator('#login-error').textContent()).toBe('Invalid credentials');
    await signIn();
    expect(await page.getByRole('heading', { name: 'API Keys', level: 1 }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Logout' }).isVisible()).toBe(true);
    const chip = page.locator('.ip-chip');
    expect((await chip.textContent())!.replace(/\s+/g, ' ').trim()).toBe(`Your IP: ${DEFAULT_CLIENT_IP}`);
    expect(await chip.getAttribute('title')).toBe(YOUR_IP_HINT);
    await page.locator('#apps-table tbody tr[data-app="Third App"]').waitFor();
  });

  test('create an app with the OTP read on the inbox page; the secret modal names the app; refusals read in the form and the OTP modal', async (ctx) => {
    needsBrowser(ctx);
    // The inbox updates by itself: open it before the OTP is sent, and see the message arrive.
    const inbox = await context.newPage();
    await inbox.goto(`${base}/__sandbox/inbox?uid=${UID}`);
    const before = await inbox.locator('#messages li').count();

    await page.getByRole('button', { name: 'Create New App' }).click();
    const form = page.locator('#app-dialog');
    expect(await page.getByLabel('Scope').inputValue()).toBe('all');
    expect(await page.getByLabel('Scope').getAttribute('readonly')).not.toBeNull();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('app-name');
    await page.getByLabel('App Name').fill('Second App');
    await page.getByLabel('Redirect URL').fill('https://example.com/x');
    await form.getByRole('button', { name: 'Create App' }).click();
    await expect.poll(() => page.locator('#app-error').textContent()).toMatch(/name/i);
    await page.getByLabel('App Name').fill('Browser App');
    await page.getByLabel('Redirect URL').fill('ftp://example.com/cb');
    await form.getByRole('button', { name: 'Create App' }).click();
    await expect.poll(() => page.locator('#app-error').textContent()).toMatch(/redirect/i);
    await page.getByLabel('Redirect URL').fill('https://example.com/browser');
    await shoot('api-keys-create-form');
    await form.getByRole('button', { name: 'Create App' }).click();

    await expect.poll(() => inbox.locator('#messages li').count()).toBeGreaterThan(before);
    const otp = (await inbox.locator('#messages li[data-kind="otp-sms"] code.otp').first().textContent())!.trim();
    await inbox.screenshot({ path: join(SHOTS, 'inbox-1280.png'), fullPage: true });
    await inbox.close();

    const otpDialog = page.locator('#otp-dialog');
    await otpDialog.waitFor();
    await page.getByLabel('OTP', { exact: true }).fill(otp === '000000' ? '111111' : '000000');
    await otpDialog.getByRole('button', { name: 'Verify OTP' }).click();
    await expect.poll(() => page.locator('#otp-error').textContent()).toBe('Invalid OTP.');
    await shoot('api-keys-otp');
    // Resend: the first OTP stops working, the new one (read on the inbox page) does.
    await otpDialog.getByRole('button', { name: 'Resend OTP' }).click();
    await expect.poll(() => page.locator('#otp-sent').textContent()).toMatch(/A new OTP was sent/);
    await page.getByLabel('OTP', { exact: true }).fill(otp);
    await otpDialog.getByRole('button', { name: 'Verify OTP' }).click();
    await expect.poll(() => page.locator('#otp-error').textContent()).toMatch(/OTP/);
    await verifyOtp();

    const secretDialog = page.locator('#secret-dialog');
    await secretDialog.waitFor();
    expect(await page.locator('#secret-title').textContent()).toBe('API Secret for "Browser App"');
    known.secret = (await page.locator('#secret-value').textContent())!;
    expect(known.secret).toMatch(/^[0-9a-f]{96}$/);
    await shoot('api-keys-secret');
    await page.keyboard.press('Escape');
    await secretDialog.waitFor({ state: 'hidden' });
    known.key = (await outbox('api-key-email')).at(-1)!.apiKey;

    const row = page.locator('#apps-table tbody tr[data-app="Browser App"]');
    await row.waitFor();
    expect(await row.locator('.status').textContent()).toBe('Active');
    const titles = await row.locator('button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('title')));
    expect(titles).toEqual(['Edit app details', 'Deactivate app', 'Regenerate API key', 'Regenerate API secret']);
  });

  test('the 5-app limit: the 5th app is made, the 6th is refused with the message in the form; the form works from the keyboard', async (ctx) => {
    needsBrowser(ctx);
    // Keyboard: Enter opens the form with the focus in App Name; Escape closes it and gives the focus back.
    await page.getByRole('button', { name: 'Create New App' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('app-name');
    await page.keyboard.press('Escape');
    await page.locator('#app-dialog').waitFor({ state: 'hidden' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('create-app');

    await page.getByRole('button', { name: 'Create New App' }).click();
    await page.getByLabel('App Name').fill('Fifth App');
    await page.getByLabel('Redirect URL').fill('https://example.com/five');
    await page.locator('#app-dialog').getByRole('button', { name: 'Create App' }).click();
    await verifyOtp();
    await page.locator('#secret-dialog').getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => page.locator('#app-count').textContent()).toMatch(/^5 of 5/);

    await page.getByRole('button', { name: 'Create New App' }).click();
    await page.getByLabel('App Name').fill('Sixth App');
    await page.getByLabel('Redirect URL').fill('https://example.com/six');
    await page.locator('#app-dialog').getByRole('button', { name: 'Create App' }).click();
    await expect.poll(() => page.locator('#app-error').textContent()).toMatch(/App limit reached/);
    await shoot('api-keys-limit');
    await page.locator('#app-dialog').getByRole('button', { name: 'Cancel' }).click();
    await shoot('api-keys');
  });

  test('regenerate the secret: shown once in a modal titled with the app; the old secret is refused by /session/token, the new one works', async (ctx) => {
    needsBrowser(ctx);
    await page.getByRole('button', { name: 'Regenerate API secret: Browser App' }).click();
    await expect.poll(() => page.locator('#otp-title').textContent()).toBe('Regenerate the API secret of "Browser App"');
    await verifyOtp();
    await page.locator('#secret-dialog').waitFor();
    expect(await page.locator('#secret-title').textContent()).toBe('API Secret for "Browser App"');
    const fresh = (await page.locator('#secret-value').textContent())!;
    expect(fresh).not.toBe(known.secret);
    await page.locator('#secret-dialog').getByRole('button', { name: 'Done' }).click();

    const old = await json('POST', '/session/token', { apiKey: known.key, apiSecret: known.secret });
    expect(old.status).toBe(401);
    const now = await json('POST', '/session/token', { apiKey: known.key, apiSecret: fresh });
    expect(now.status).toBe(200);
    known.secret = fresh;
  });

  test('regenerate the key: an expired OTP is refused in the modal (as a wrong one: "Invalid OTP."), a resent one works, the new key arrives by e-mail', async (ctx) => {
    needsBrowser(ctx);
    const keys = (await outbox('api-key-email')).length;
    await page.getByRole('button', { name: 'Regenerate API key: Browser App' }).click();
    await expect.poll(() => page.locator('#otp-title').textContent()).toBe('Regenerate the API key of "Browser App"');
    const otp = await otpFromInbox();
    await advanceClock(6 * 60_000);
    await page.getByLabel('OTP', { exact: true }).fill(otp);
    await page.locator('#otp-dialog').getByRole('button', { name: 'Verify OTP' }).click();
    await expect.poll(() => page.locator('#otp-error').textContent()).toBe('Invalid OTP.');
    await page.locator('#otp-dialog').getByRole('button', { name: 'Resend OTP' }).click();
    await expect.poll(() => page.locator('#otp-sent').textContent()).toMatch(/A new OTP was sent/);
    await verifyOtp();
    await expect.poll(async () => (await outbox('api-key-email')).length).toBe(keys + 1);
    const old = await json('POST', '/session/token', { apiKey: known.key, apiSecret: known.secret });
    expect(old.status).toBe(401);
    known.key = (await outbox('api-key-email')).at(-1)!.apiKey;
    expect((await json('POST', '/session/token', { apiKey: known.key, apiSecret: known.secret })).status).toBe(200);
  });

  test('edit app details: the form comes filled in, an unchanged form is refused, the new Redirect URL shows after the OTP', async (ctx) => {
    needsBrowser(ctx);
    const row = page.locator('#apps-table tbody tr[data-app="Browser App"]');
    await page.getByRole('button', { name: 'Edit app details: Browser App' }).click();
    expect(await page.getByLabel('App Name').inputValue()).toBe('Browser App');
    expect(await page.getByLabel('Redirect URL').inputValue()).toBe('https://example.com/browser');
    await page.locator('#app-dialog').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('#app-error').textContent()).not.toBe('');
    await page.getByLabel('Redirect URL').fill('https://example.com/browser/v2');
    await page.locator('#app-dialog').getByRole('button', { name: 'Save' }).click();
    await verifyOtp();
    await expect.poll(() => row.locator('td.url').textContent()).toBe('https://example.com/browser/v2');
  });

  test('deactivate and activate: the status turns red, then green, each through an OTP', async (ctx) => {
    needsBrowser(ctx);
    const row = page.locator('#apps-table tbody tr[data-app="Browser App"]');
    await page.getByRole('button', { name: 'Deactivate app: Browser App' }).click();
    await verifyOtp();
    await expect.poll(() => row.locator('.status').textContent()).toBe('Deactivated');
    expect(await row.locator('.status').getAttribute('class')).toContain('deactivated');
    expect(await row.locator('button[data-action=status]').getAttribute('title')).toBe('Activate app');
    await page.getByRole('button', { name: 'Activate app: Browser App' }).click();
    await verifyOtp();
    await expect.poll(() => row.locator('.status').textContent()).toBe('Active');
  });

  test('static IPs: add, edit (then Edit is disabled with the date of the next change), delete; each through an OTP', async (ctx) => {
    needsBrowser(ctx);
    await page.getByRole('link', { name: 'Static IPs' }).click();
    await page.waitForURL(`${base}/app/static-ips`);
    const row = page.locator('#ips-table tbody tr[data-app="Browser App"]');
    await row.waitFor();
    await page.getByRole('button', { name: 'Add IP' }).click();
    await page.getByLabel('App', { exact: true }).selectOption({ label: 'Browser App' });
    await page.getByLabel('IP Type').selectOption('PRIMARY');
    await page.getByLabel('IP Address').fill('10.0.0.7');
    await page.locator('#ip-dialog').getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => page.locator('#ip-error').textContent()).toMatch(/public/i);
    await page.getByLabel('IP Address').fill('49.36.10.77');
    await page.locator('#ip-dialog').getByRole('button', { name: 'Save' }).click();
    await verifyOtp();
    await expect.poll(() => row.locator('td[data-type=PRIMARY] code').textContent()).toBe('49.36.10.77');

    // A week later (the dashboard sign-in has ended by then): edit.
    await advanceClock(8 * DAY);
    await signIn();
    await page.goto(`${base}/app/static-ips`);
    await row.waitFor();
    await page.getByRole('button', { name: 'Edit PRIMARY IP of Browser App' }).click();
    await page.getByLabel('IP Address').fill('49.36.10.78');
    await page.locator('#ip-dialog').getByRole('button', { name: 'Save' }).click();
    await verifyOtp();
    await expect.poll(() => row.locator('td[data-type=PRIMARY] code').textContent()).toBe('49.36.10.78');
    const edit = page.getByRole('button', { name: 'Edit PRIMARY IP of Browser App' });
    expect(await edit.isDisabled()).toBe(true);
    const next = (await json('POST', '/app/api/login', { userId: UID, password: PASSWORD }).then((l) => json('GET', '/app/api/static-ips', undefined, l.body.dashboardToken))).body
      .nextChangeAllowedAt as string;
    expect(next).not.toBeNull();
    const when = new Date(next).toLocaleString('en-GB', { timeZone: 'Asia/Kolkata', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
    expect(await edit.getAttribute('title')).toBe(`IP changes are limited to one every 7 days: the next change is allowed on ${when} IST`);
    await shoot('static-ips');

    // A delete is a change too: refused inside the week, with the reason on the page.
    await page.getByRole('button', { name: 'Delete PRIMARY IP of Browser App' }).click();
    await expect.poll(() => page.locator('#notice').textContent()).toMatch(/7 days/);
    await advanceClock(8 * DAY);
    await signIn();
    await page.goto(`${base}/app/static-ips`);
    await row.waitFor();
    await page.getByRole('button', { name: 'Delete PRIMARY IP of Browser App' }).click();
    await verifyOtp();
    await expect.poll(() => row.locator('td[data-type=PRIMARY]').textContent()).toBe('—');
  });

  test('OAuth consent: loading, the app name in the heading, "Authorizing…", inline errors, the callback page, and the code exchanged at POST /oauth/token', async (ctx) => {
    needsBrowser(ctx);
    const redirect = `${base}/app/callback`;
    const consent = `${base}/app/oauth/authorize?api_key=${encodeURIComponent(known.oauthKey!)}&redirect_url=${encodeURIComponent(redirect)}&state=st-123&scopes=all`;
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let holdNext = false;
    await page.route('**/oauth/authenticate', async (route) => {
      if (holdNext) {
        holdNext = false;
        await held;
      }
      await route.continue();
    });
    await page.goto(consent);
    await page.getByRole('heading', { name: 'Authorize OAuth Demo' }).waitFor();
    await shoot('consent');
    await page.getByLabel('API Secret').fill('0'.repeat(96));
    await page.getByRole('button', { name: 'Authorize' }).click();
    await expect.poll(() => page.locator('#consent-error').textContent()).toMatch(/EOAUTH008/);

    await page.getByLabel('API Secret').fill(known.oauthSecret!);
    holdNext = true;
    await page.getByRole('button', { name: 'Authorize' }).click();
    const busy = page.locator('#authorize');
    await expect.poll(() => busy.textContent()).toBe('Authorizing…');
    expect(await busy.isDisabled()).toBe(true);
    release();
    await page.waitForURL((url) => url.pathname === '/app/callback');
    await page.unroute('**/oauth/authenticate');

    await page.getByRole('heading', { name: 'OAuth Callback' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Authorization code received' }).isVisible()).toBe(true);
    const code = (await page.locator('#cb-code').textContent())!;
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await page.locator('#cb-state').textContent()).toBe('st-123');
    expect(await page.locator('#snippet-java').textContent()).toContain(code);
    await page.getByRole('tab', { name: 'Python' }).click();
    expect(await page.locator('#snippet-python').isVisible()).toBe(true);
    expect(await page.locator('#snippet-python').textContent()).toContain(code);
    await page.getByRole('tab', { name: 'Node.js' }).click();
    expect(await page.locator('#snippet-node').textContent()).toContain(code);
    expect(await page.locator('#cb-params').textContent()).toContain('state');
    await shoot('callback');

    const token = await json('POST', '/oauth/token', { grant_type: 'authorization_code', code });
    expect(token.status).toBe(200);
    expect(token.body.data.access_token).toEqual(expect.any(String));
    expect(token.body.data.user_id).toBe(UID);
  });

  test('OAuth consent: Cancel and a failed validation come back to the callback with the error; a malformed redirect URL is shown inline', async (ctx) => {
    needsBrowser(ctx);
    const redirect = `${base}/app/callback`;
    await page.goto(`${base}/app/oauth/authorize?api_key=${encodeURIComponent(known.oauthKey!)}&redirect_url=${encodeURIComponent(redirect)}&state=st-9`);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForURL((url) => url.pathname === '/app/callback');
    await page.getByRole('heading', { name: 'Authorization failed' }).waitFor();
    expect(await page.locator('#cb-error').textContent()).toBe('access_denied');
    expect(await page.locator('#cb-error-message').textContent()).toBe('User cancelled the login');
    await shoot('callback-failed');

    await page.goto(`${base}/app/oauth/authorize?api_key=nope&redirect_url=${encodeURIComponent(redirect)}&state=st-10`);
    await page.waitForURL((url) => url.pathname === '/app/callback');
    expect(await page.locator('#cb-error').textContent()).toBe('invalid_request');
    expect(new URL(page.url()).searchParams.get('state')).toBe('st-10');

    await page.goto(`${base}/app/oauth/authorize?api_key=${encodeURIComponent(known.oauthKey!)}&redirect_url=not-a-url`);
    await expect.poll(() => page.locator('#consent-fatal').textContent()).toMatch(/EOAUTH002|redirect/i);
    expect(new URL(page.url()).pathname).toBe('/app/oauth/authorize');
  });

  test('the request journal lists what the client sent and got, filterable; the pages broke no Content-Security-Policy rule', async (ctx) => {
    needsBrowser(ctx);
    await page.goto(`${base}/__sandbox/journal`);
    await page.locator('#journal-table tbody tr').first().waitFor();
    await page.getByLabel('Path contains').fill('/oauth/token');
    await expect.poll(() => page.locator('#journal-table tbody tr').count()).toBe(1);
    const cells = await page.locator('#journal-table tbody tr td').allTextContents();
    expect(cells.slice(1, 4)).toEqual(['POST', '/oauth/token', '200']);
    // A local browser is seen from the simulated client IP.
    expect(cells[6]).toBe(DEFAULT_CLIENT_IP);
    await page.getByLabel('Path contains').fill('');
    await page.getByLabel('Status').selectOption('4xx');
    await page.getByLabel('Account').fill(UID);
    await expect.poll(() => page.locator('#journal-table tbody tr').count()).toBeGreaterThan(0);
    const statuses = await page.locator('#journal-table tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-status')));
    expect(statuses.every((s) => s?.startsWith('4'))).toBe(true);
    await page.getByLabel('Status').selectOption('');
    await shoot('journal');

    // Logout from the sidebar: back to the login page, and the dashboard sends you there again.
    await page.goto(`${base}/app/api-keys`);
    await page.locator('#account-name', { hasText: 'Browser Walker' }).waitFor();
    await page.getByRole('button', { name: 'Logout' }).click();
    await page.waitForURL(`${base}/app/login`);
    await page.goto(`${base}/app/static-ips`);
    await page.waitForURL(`${base}/app/login`);
    await page.goto(`${base}/__sandbox/inbox?uid=${UID}`);
    await page.locator('#messages li').first().waitFor();
    await shoot('inbox');
    expect(cspErrors).toEqual([]);
  });
});
