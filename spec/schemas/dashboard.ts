import { z } from '@hono/zod-openapi';
import { success } from './envelope.js';
import { Ip, IsoTime, Uid } from './common.js';

export const DashboardLoginRequest = z
  .strictObject({
    userId: Uid.openapi({ example: 'AB1234' }),
    password: z.string().min(1).max(128),
  })
  .openapi('DashboardLoginRequest');

export const DashboardLoginResponse = success('DashboardLoginResponse', {
  dashboardToken: z.string().openapi({ description: 'Send as x-dashboard-token on every dashboard call' }),
  userId: Uid,
  accountName: z.string(),
  expiresAt: IsoTime,
  yourIp: Ip.openapi({ description: 'The source IP the server sees ("Your IP" chip)' }),
});

export const DashboardMeResponse = success('DashboardMeResponse', {
  userId: Uid,
  accountName: z.string(),
  maskedMobile: z.string(),
  maskedEmail: z.string(),
  yourIp: Ip,
});
