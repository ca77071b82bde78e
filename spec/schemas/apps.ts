import { z } from '@hono/zod-openapi';
import { success } from './envelope.js';
import { AppId, Ip, IsoTime } from './common.js';
import { ChallengeAction } from './otp.js';

/** The dashboard's rules for an app, shared by the request schemas and the domain. */
export const APP_RULES = { nameMin: 3, nameMax: 100, maxApps: 5, redirectUrlMax: 2048 } as const;

export const AppName = z
  .string()
  .trim()
  .min(APP_RULES.nameMin)
  .max(APP_RULES.nameMax)
  .openapi({
    description: `${APP_RULES.nameMin}-${APP_RULES.nameMax} characters after trimming; unique among the account's apps, compared case-insensitively after trimming; deactivated apps keep their name`,
    example: 'My Trading App',
  });

export const RedirectUrl = z.string().trim().min(1).max(APP_RULES.redirectUrlMax).openapi({
  description: 'HTTPS URL without a fragment; http is accepted only on 127.0.0.1 for local testing. https://tradeapi.samco.in/app/callback is allowed for testing.',
  example: 'https://tradeapi.samco.in/app/callback',
});

export const AppStatus = z.enum(['Active', 'Deactivated']).openapi('AppStatus');

export const App = z
  .strictObject({
    appId: AppId,
    appName: z.string(),
    redirectUrl: z.string(),
    scope: z.literal('all'),
    status: AppStatus,
    createdAt: IsoTime,
    lastUpdated: IsoTime.openapi({ description: 'Time of the most recent change; the creation time if untouched' }),
  })
  .openapi('App', { description: 'A row of the Registered Apps table. Credentials are never listed.' });

export const CreateAppRequest = z
  .strictObject({
    appName: AppName,
    redirectUrl: RedirectUrl,
    scope: z.literal('all').optional().openapi({ description: 'Fixed to all; granular scopes are not supported' }),
  })
  .openapi('CreateAppRequest');

export const EditAppRequest = z
  .strictObject({ appName: AppName.optional(), redirectUrl: RedirectUrl.optional() })
  .openapi('EditAppRequest', { description: 'At least one field. Scope and credentials cannot be changed here.' });

export const AppListResponse = success('AppListResponse', {
  apps: z.array(App),
  appLimit: z.literal(APP_RULES.maxApps),
  appsUsed: z.number().int().min(0).max(APP_RULES.maxApps).openapi({ description: 'Apps counted against the limit, deactivated ones included' }),
  yourIp: Ip,
});

export const AppResponse = success('AppResponse', { app: App });

export const VerifiedActionResponse = success('VerifiedActionResponse', {
  action: ChallengeAction,
  app: App,
  apiSecret: z.string().optional().openapi({ description: 'Only for create and regenerate-secret: the API Secret, shown this once. The API Key is e-mailed (outbox).' }),
  staticIps: z.strictObject({ primaryIp: Ip.nullable(), secondaryIp: Ip.nullable(), lastUpdated: IsoTime }).optional().openapi({ description: "Only for set-ip: the app's static IPs now" }),
});

export const AppIdParams = z.strictObject({ appId: AppId.openapi({ param: { name: 'appId', in: 'path' } }) });
export const ChallengeIdParams = z.strictObject({
  challengeId: z.uuid().openapi({ param: { name: 'challengeId', in: 'path' }, example: 'b3c4ad47-4f11-4c55-8f8e-4f2b1d0e9a7c' }),
});
