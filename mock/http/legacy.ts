import { legacy } from '../../spec/routes/index.js';
import type { HttpDeps, SandboxApp } from './deps.js';

export function legacyRoutes(app: SandboxApp, { domain, reply }: HttpDeps) {
  app.openapi(legacy.generateOtp, (c) => {
    const { uid } = c.req.valid('json');
    const result = domain.accounts.generateLegacyOtp(uid);
    if (!result.ok) return reply.fail(c, result.error);
    return c.json(reply.success('OTP sent to your mobile and email.', {}), 200);
  });

  app.openapi(legacy.secretKeyGenerator, (c) => {
    const { uid, otp } = c.req.valid('json');
    const result = domain.accounts.generateLegacySecretKey(uid, otp);
    if (!result.ok) return reply.fail(c, result.error);
    return c.json(reply.success('The secret API key has been sent to your email.', {}), 200);
  });
}
