import { z } from '@hono/zod-openapi';
import { success } from './envelope.js';
import { AppId, IsoTime, Otp, Uid } from './common.js';

export const GenerateOtpRequest = z.object({ uid: Uid }).openapi('GenerateOtpRequest');
export const GenerateOtpResponse = success('GenerateOtpResponse', {});

export const SecretKeyRequest = z.object({ uid: Uid, otp: Otp }).openapi('SecretKeyRequest');
export const SecretKeyResponse = success('SecretKeyResponse', {});

export const CHALLENGE_ACTIONS = ['create', 'edit', 'deactivate', 'activate', 'regenerate-key', 'regenerate-secret', 'set-ip', 'delete-ip'] as const;
export const ChallengeAction = z.enum(CHALLENGE_ACTIONS).openapi('ChallengeAction');

export const OtpChallenge = z
  .strictObject({
    challengeId: z.uuid(),
    action: ChallengeAction,
    appId: AppId.nullable().openapi({ description: 'The app the action applies to; null for create' }),
    expiresAt: IsoTime,
    sentTo: z.strictObject({
      mobile: z.string().openapi({ example: '98XXXXXX21' }),
      email: z.string().openapi({ example: 'ra****@example.com' }),
    }),
  })
  .openapi('OtpChallenge', { description: 'An action waiting for its OTP. Verify it with the OTP from the outbox.' });

export const ChallengeResponse = success('ChallengeResponse', { challenge: OtpChallenge });

export const VerifyOtpRequest = z.strictObject({ otp: Otp }).openapi('VerifyOtpRequest');
