import type { Context } from 'hono';
import { dashboard } from '../../spec/routes/index.js';
import { APP_RULES } from '../domain/rules.js';
import { maskEmail, maskMobile } from '../domain/mask.js';
import type { Result } from '../domain/result.js';
import type { Account, Challenge } from '../domain/types.js';
import type { HttpDeps, SandboxApp, SandboxEnv } from './deps.js';
import { dashboardOf } from './session-of.js';
import { appJson, challengeJson, iso, staticIpsJson } from './present.js';
import { header } from './header.js';

const OTP_SENT = 'OTP sent to your registered mobile and email.';

export function dashboardRoutes(app: SandboxApp, { domain, reply, sourceIp }: HttpDeps) {
  const signedIn = (c: Context<SandboxEnv>) => dashboardOf(domain, c);

  /** Answers a request-for-OTP: the challenge, or the refusal. */
  const challengeReply = (c: Context, account: Account, result: Result<Challenge>) => {
    if (!result.ok) return reply.fail(c, result.error);
    return c.json(reply.success(OTP_SENT, challengeJson(result.value, account)), 200);
  };

  app.openapi(dashboard.dashboardLogin, (c) => {
    const { userId, password } = c.req.valid('json');
    const result = domain.signIns.attempt({ uid: userId }, sourceIp(c), () => domain.accounts.dashboardLogin(userId, password));
    if (!result.ok) return reply.fail(c, result.error);
    const { token, account, expiresAt } = result.value;
    c.set('account', account.uid);
    return c.json(reply.success('Login successful', { dashboardToken: token, userId: account.uid, accountName: account.name, expiresAt: iso(expiresAt), yourIp: sourceIp(c) }), 200);
  });

  app.openapi(dashboard.dashboardLogout, (c) => {
    const result = domain.accounts.dashboardLogout(header(c, 'x-dashboard-token'));
    if (!result.ok) return reply.fail(c, result.error);
    return c.json(reply.success('Logged out successfully', {}), 200);
  });

  app.openapi(dashboard.dashboardMe, (c) => {
    const account = signedIn(c);
    if (!account.ok) return reply.fail(c, account.error);
    const a = account.value;
    return c.json(reply.success('Request successful', { userId: a.uid, accountName: a.name, maskedMobile: maskMobile(a.mobile), maskedEmail: maskEmail(a.email), yourIp: sourceIp(c) }), 200);
  });

  app.openapi(dashboard.listApps, (c) => {
    const account = signedIn(c);
    if (!account.ok) return reply.fail(c, account.error);
    const apps = domain.apps.list(account.value);
    return c.json(reply.success('Request successful', { apps: apps.map(appJson), appLimit: APP_RULES.maxApps, appsUsed: apps.length, yourIp: sourceIp(c) }), 200);
  });

  app.openapi(dashboard.createApp, (c) => {
    const account = signedIn(c);
    if (!account.ok) return reply.fail(c, account.error);
    return challengeReply(c, account.value, domain.apps.requestCreate(account.value, c.req.valid('json')));
  });

  app.openapi(dashboard.getApp, (c) => {
    const account = signedIn(c);
    if (!account.ok) return reply.fail(c, account.error);
    const found = domain.apps.get(account.value, c.req.valid('param').appId);
    if (!found.ok) return reply.fail(c, found.error);
    return c.json(reply.success('Request successful', { app: appJson(found.value) }), 200);
  });

  app.openapi(dashboard.editApp, (c) => {
    const account = signedIn(c);
    if (!account.ok) return reply.fail(c, account.error);
    return challengeReply(c, account.value, domain.apps.requestEdit(account.value, c.req.valid('param').appId, c.req.valid('json')));
  });

  app.openapi(dashboard.deleteApp, (c) => reply.fail(c, { code: 'APP_DELETE_UNSUPPORTED' }));

  /** The four OTP-gated actions on one app: each asks the domain for its challenge. */
  const appActions = [
    [dashboard.deactivateApp, (a: Account, id: string) => domain.apps.requestStatus(a, id, 'deactivate')],
    [dashboard.activateApp, (a: Account, id: string) => domain.apps.requestStatus(a, id, 'activate')],
    [dashboard.regenerateKey, (a: Account, id: string) => domain.apps.requestRegenerate(a, id, 'regenerate-key')],
    [dashboard.regenerateSecret, (a: Account, id: string) => domain.apps.requestRegenerate(a, id, 'regenerate-secret')],
  ] as const;
  for (const [route, request] of appActions) {
    app.openapi(route, (c) => {
      const account = signedIn(c);
      if (!account.ok) return reply.fail(c, account.error);
      return challengeReply(c, account.value, request(account.value, c.req.valid('param').appId));
    });
  }

  app.openapi(dashboard.verifyChallenge, (c) => {
    const account = signedIn(c);
    if (!account.ok) return reply.fail(c, account.error);
    const result = domain.apps.verify(account.value, c.req.valid('param').challengeId, c.req.valid('json').otp);
    if (!result.ok) return reply.fail(c, result.error);
    const { action, app: verified, apiSecret, staticIps } = result.value;
    const message = apiSecret ? `Copy the API Secret of "${verified.name}" now: it is shown only once.` : `OTP verified: ${action} of "${verified.name}" done.`;
    return c.json(reply.success(message, { action, app: appJson(verified), ...(apiSecret ? { apiSecret } : {}), ...(staticIps ? { staticIps: staticIpsJson(staticIps) } : {}) }), 200);
  });

  app.openapi(dashboard.resendChallenge, (c) => {
    const account = signedIn(c);
    if (!account.ok) return reply.fail(c, account.error);
    return challengeReply(c, account.value, domain.apps.resend(account.value, c.req.valid('param').challengeId));
  });

  app.openapi(dashboard.listStaticIps, (c) => {
    const account = signedIn(c);
    if (!account.ok) return reply.fail(c, account.error);
    const rows = domain.apps.list(account.value).map((a) => {
      const ips = domain.staticIps.of(a.uid, a.id);
      return { appId: a.id, appName: a.name, status: a.status, primaryIp: ips?.primaryIp ?? null, secondaryIp: ips?.secondaryIp ?? null, lastUpdated: ips ? iso(ips.updatedAt) : null };
    });
    const nextAt = domain.staticIps.nextChangeAllowedAt(account.value.uid);
    const next = nextAt === null ? null : iso(nextAt);
    return c.json(reply.success('Request successful', { rows, nextChangeAllowedAt: next, yourIp: sourceIp(c) }), 200);
  });

  app.openapi(dashboard.setStaticIp, (c) => {
    const account = signedIn(c);
    if (!account.ok) return reply.fail(c, account.error);
    const { appId, ipType, ipAddress } = c.req.valid('json');
    return challengeReply(c, account.value, domain.apps.requestIp(account.value, appId, ipType, ipAddress));
  });

  app.openapi(dashboard.deleteStaticIp, (c) => {
    const account = signedIn(c);
    if (!account.ok) return reply.fail(c, account.error);
    const { appId, ipType } = c.req.valid('json');
    return challengeReply(c, account.value, domain.apps.requestIpDelete(account.value, appId, ipType));
  });
}
