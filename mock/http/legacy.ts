import { legacy } from '../../spec/routes/index.js';
import type { HttpDeps, SandboxApp } from './deps.js';
import { TRADING_LISTS } from '../domain/sessions.js';

export function legacyRoutes(app: SandboxApp, { domain, reply, sourceIp }: HttpDeps) {
  app.openapi(legacy.generateOtp, (c) => {
    const { uid } = c.req.valid('json');
    const result = domain.accounts.generateLegacyOtp(uid);
    // Samco's one published failure text for this call [sic].
    if (!result.ok) return reply.fail(c, result.error.code === 'UNKNOWN_USER' ? { code: 'LEGACY_OTP_FAILED' } : result.error);
    return c.json(reply.success('OTP sent to your mobile and email.', {}), 200);
  });

  app.openapi(legacy.secretKeyGenerator, (c) => {
    const { uid, otp } = c.req.valid('json');
    const result = domain.accounts.generateLegacySecretKey(uid, otp);
    if (!result.ok) return reply.fail(c, result.error);
    return c.json(reply.success('The secret API key has been sent to your email.', {}), 200);
  });

  app.openapi(legacy.accessToken, (c) => {
    const { uid, secretApiKey } = c.req.valid('json');
    const result = domain.accounts.generateAccessToken(uid, secretApiKey);
    if (!result.ok) return reply.fail(c, result.error);
    // As published: the access token's answer carries no statusMessage.
    return c.json({ ...reply.head(), status: 'Success' as const, accessToken: result.value.accessToken }, 200);
  });

  app.openapi(legacy.legacyLogin, (c) => {
    const input = c.req.valid('json');
    const result = domain.signIns.attempt({ uid: input.userId }, sourceIp(c), () => domain.sessions.fromAccessToken(input, sourceIp(c)));
    if (!result.ok) return reply.fail(c, result.error);
    const { sessionToken, account } = result.value;
    return c.json(reply.success('Login session token generated successfully', { sessionToken, accountID: account.uid, accountName: account.name, ...TRADING_LISTS }), 200);
  });

  const ipCalls = [
    [legacy.ipRegistration, 'register', 'Client IPs registered successfully'],
    [legacy.ipUpdate, 'update', 'Client IPs updated successfully'],
  ] as const;
  for (const [route, kind, message] of ipCalls) {
    app.openapi(route, (c) => {
      const { clientId, password, primaryIp, secondaryIp } = c.req.valid('json');
      const account = domain.signIns.attempt({ uid: clientId }, sourceIp(c), () => domain.accounts.withPassword(clientId, password));
      if (!account.ok) return reply.fail(c, account.error);
      const result = kind === 'register' ? domain.staticIps.legacyRegister(account.value, primaryIp, secondaryIp) : domain.staticIps.legacyUpdate(account.value, primaryIp, secondaryIp);
      if (!result.ok) return reply.fail(c, result.error);
      const r = result.value;
      return c.json(reply.success(message, { data: { user_id: r.uid, primary_ip: r.primaryIp!, secondary_ip: r.secondaryIp, ip_updated_at: new Date(r.updatedAt).toISOString() } }), 200);
    });
  }
}
