import { session, trade } from '../../spec/routes/index.js';
import type { HttpDeps, SandboxApp } from './deps.js';
import type { Account, Session } from '../domain/types.js';
import { loginFields } from './present.js';
import { limitJson } from './present-orders.js';
import { header } from './header.js';
import { sessionOf } from './session-of.js';
import { FORWARDED_IGNORED_NOTE } from './source-ip.js';

export function sessionRoutes(app: SandboxApp, { domain, reply, sourceIp, forwardedIgnored }: HttpDeps) {
  const loginOf = (account: Account, s: Session) => loginFields(account, s.srcIp, domain.staticIps.match(account.uid, s.appId, s.srcIp));

  app.openapi(session.sessionToken, async (c) => {
    const { apiKey, apiSecret } = c.req.valid('json');
    const result = await domain.sessions.fromApiKey(apiKey, apiSecret, sourceIp(c));
    if (!result.ok) return reply.fail(c, result.error);
    const { sessionToken, session: s, account } = result.value;
    c.set('account', account.uid);
    return c.json(reply.success('Session token generated successfully', { sessionToken, tokenId: s.tokenId, ...loginOf(account, s) }), 200);
  });

  app.openapi(session.logout, (c) => {
    const result = domain.sessions.logout(header(c, 'x-session-token'));
    if (!result.ok) return reply.fail(c, result.error);
    return c.json(reply.success('Request successful', {}), 200);
  });

  app.openapi(session.webSecretCode, (c) => {
    const auth = sessionOf(domain, c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const { code, expiresInS } = domain.loginCodes.issue(auth.value.session);
    return c.json(reply.success('Secret code genererated successfully.', { data: { timeRemainingInSeconds: expiresInS, OTP: code } }), 200);
  });

  app.openapi(session.webSecretCodeValidation, (c) => {
    const result = domain.loginCodes.validate(c.req.valid('json').otp, sourceIp(c));
    if (!result.ok) return reply.fail(c, result.error);
    const { sessionToken, session: s, account } = result.value;
    return c.json({ serverTime: reply.serverTime(), status: 'Success' as const, statusMessage: 'Login session token generated successfully', sessionToken, ...loginOf(account, s) }, 200);
  });

  app.openapi(trade.getLimits, (c) => {
    const auth = sessionOf(domain, c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const { equityLimit, commodityLimit } = domain.portfolio.limits(auth.value.account);
    return c.json(reply.success('User Limit details retrieved successfully', { equityLimit: limitJson(equityLimit), commodityLimit: limitJson(commodityLimit) }), 200);
  });

  app.openapi(trade.whoAmI, (c) => {
    const auth = sessionOf(domain, c);
    if (!auth.ok) return reply.fail(c, auth.error);
    const srcIp = sourceIp(c);
    const { primaryIp, secondaryIp, matchedAs } = domain.staticIps.match(auth.value.account.uid, auth.value.session.appId, srcIp);
    const verdict = matchedAs
      ? `Calling from registered ${matchedAs} IP (${srcIp}).`
      : `Calling IP (${srcIp}) is NOT a registered IP. Registered: PRIMARY=${primaryIp}, SECONDARY=${secondaryIp}. Order endpoints will reject this host.`;
    const message = forwardedIgnored(c) ? `${verdict} ${FORWARDED_IGNORED_NOTE}` : verdict;
    return c.json(reply.success(message, { srcIp, primaryIp, secondaryIp, matches: matchedAs !== null, matchedAs }), 200);
  });
}
