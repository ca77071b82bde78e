import { z } from '@hono/zod-openapi';
import { success } from './envelope.js';
import { AppId, Ip, IsoTime, Uid, publishedIps } from './common.js';

const IP_TYPES = ['PRIMARY', 'SECONDARY'] as const;
/** The component requests use; responses that may say null build their own enum, since a nullable use of a component makes the component itself nullable in the document. */
export const IpType = z.enum(IP_TYPES).openapi('IpType');
const IpAddress = z
  .string()
  .min(1)
  .max(64)
  .openapi({ description: 'A public IPv4 address (private, loopback, link-local, CGNAT, multicast, documentation, reserved and IPv6 are refused)', example: '49.36.10.20' });

export const StaticIpRow = z
  .strictObject({
    appId: AppId,
    appName: z.string(),
    status: z.enum(['Active', 'Deactivated']),
    primaryIp: Ip.nullable(),
    secondaryIp: Ip.nullable(),
    lastUpdated: IsoTime.nullable(),
  })
  .openapi('StaticIpRow');

export const StaticIpsResponse = success('StaticIpsResponse', {
  rows: z.array(StaticIpRow),
  nextChangeAllowedAt: IsoTime.nullable().openapi({ description: 'When a change (not a first registration) is allowed again; null when it is now' }),
  yourIp: Ip,
});

export const SetStaticIpRequest = z.strictObject({ appId: AppId, ipType: IpType, ipAddress: IpAddress }).openapi('SetStaticIpRequest', {
  description: "Register or change one slot. A SECONDARY needs a PRIMARY first; a change (not a first registration) is allowed once every 7 days across all of the account's apps.",
});

export const DeleteStaticIpRequest = z
  .strictObject({ appId: AppId, ipType: IpType })
  .openapi('DeleteStaticIpRequest', { description: 'Delete one slot (the SECONDARY before the PRIMARY). A change for the 7-day rule; the same address may be registered again at once.' });

export const WhoAmIResponse = success('WhoAmIResponse', {
  ...publishedIps,
  matches: z.boolean(),
  matchedAs: z.enum(IP_TYPES).nullable().openapi({ description: 'Which registered IP the call came from; null when neither' }),
});

export const LegacyIpRequest = z
  .object({
    clientId: Uid,
    password: z.string().min(1).max(128),
    primaryIp: IpAddress,
    secondaryIp: IpAddress.optional(),
  })
  .openapi('LegacyIpRequest');

export const LegacyIpResponse = success('LegacyIpResponse', {
  data: z.strictObject({
    user_id: Uid,
    primary_ip: Ip,
    secondary_ip: Ip.nullable(),
    ip_updated_at: IsoTime,
  }),
});
