import { z } from '@hono/zod-openapi';

export const Uid = z
  .string()
  .regex(/^[A-Za-z0-9]{2,20}$/, 'must be 2-20 letters or digits')
  .openapi({ description: 'The client code Samco assigned to the trading account', example: 'DV99999' });

/** OTPs are short digit strings; any other value is simply a wrong OTP, as on the real service. */
export const Otp = z.string().min(1).max(16).openapi({ description: 'The OTP received by SMS and e-mail', example: '123456' });

export const IsoTime = z.iso.datetime().openapi({ description: 'ISO 8601 time, UTC', example: '2025-12-17T04:32:41.000Z' });

export const Ip = z.string().openapi({ description: 'An IPv4 address as the server sees it', example: '203.0.113.10' });

export const AppId = z.uuid().openapi({ description: 'The sandbox id of an OAuth app', example: '6d1f3c1e-2b7a-4a4e-9a51-1f0e8f0c2d11' });

/** srcIp and the registered IPs as Samco answers them: since v3.2 an unregistered IP is "" (never null). */
export const publishedIps = {
  srcIp: Ip,
  primaryIp: z.string().openapi({ description: 'The PRIMARY static IP registered for the app; "" when none is', example: '203.0.113.10' }),
  secondaryIp: z.string().openapi({ description: 'The SECONDARY static IP registered for the app; "" when none is', example: '' }),
};

/** The account fields of every login-style answer (/session/token, OAuth tokens, Login Code, legacy login). */
export const loginAccountFields = {
  accountID: z.string().openapi({ description: 'The client code of the trading account', example: 'DV99999' }),
  accountName: z.string(),
  exchangeList: z.array(z.string()),
  orderTypeList: z.array(z.string()),
  productList: z.array(z.string()),
};
