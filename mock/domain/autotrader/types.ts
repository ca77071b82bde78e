import type { z } from '@hono/zod-openapi';
import type { AtOrder } from '../../../spec/schemas/autotrader.js';

export interface AtAccount {
  pseudoAccount: string;
  tradingAccount: string;
  broker: string;
  platform: string;
  live: boolean;
  licenseExpiryDate: string;
  funds: number;
  systemId: string;
}

/** The key sealed with a key derived from the user's password: readable only with that password. */
export interface SealedKey {
  salt: string;
  iv: string;
  tag: string;
  data: string;
}

export interface AtUser {
  username: string;
  name: string;
  passwordHash: string;
  apiKeyHash: string;
  sealedKey: SealedKey;
  disabled: boolean;
  accounts: AtAccount[];
  createdAt: number;
}

export type AtOrderRecord = z.infer<typeof AtOrder> & { username: string };
