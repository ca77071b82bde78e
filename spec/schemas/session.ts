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
