import { z } from '@hono/zod-openapi';
import { success } from './envelope.js';
import { Ip } from './common.js';

export const SessionTokenRequest = z
  .strictObject({
    apiKey: z.string().min(1).max(256),
    apiSecret: z.string().min(1).max(256),
  })
  .openapi('SessionTokenRequest');

export const SessionTokenResponse = success('SessionTokenResponse', {
  sessionToken: z.string().openapi({ description: 'A JWT; send it as x-session-token. Valid until 08:00 IST the next day.' }),
  tokenId: z.uuid(),
  accountID: z.string(),
  accountName: z.string(),
  exchangeList: z.array(z.string()),
  orderTypeList: z.array(z.string()),
  productList: z.array(z.string()),
  srcIp: Ip,
  primaryIp: Ip.nullable(),
  secondaryIp: Ip.nullable(),
});

export const LogoutResponse = success('LogoutResponse', {});

export const AccessTokenRequest = z
  .strictObject({ uid: z.string().min(1).max(20), secretApiKey: z.string().min(1).max(256) })
  .openapi('AccessTokenRequest');

export const AccessTokenResponse = success('AccessTokenResponse', {
  accessToken: z.string().openapi({ description: 'Valid for one day: it expires at 08:00 IST the next day' }),
});

export const LegacyLoginRequest = z
  .strictObject({
    userId: z.string().min(1).max(20),
    password: z.string().min(1).max(128),
    yob: z.string().max(4).optional().openapi({ description: 'Year of birth; checked when given' }),
    accessToken: z.string().min(1).max(256),
  })
  .openapi('LegacyLoginRequest');

export const LegacyLoginResponse = success('LegacyLoginResponse', {
  sessionToken: z.string(),
  accountID: z.string(),
  accountName: z.string(),
  exchangeList: z.array(z.string()),
  orderTypeList: z.array(z.string()),
  productList: z.array(z.string()),
});
