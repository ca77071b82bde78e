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

/** What a bracket or cover order's parent keeps for its legs, and what a leg is. Never answered to clients. */
export interface AtLegInfo {
  /** BO: distances of the target and stop-loss legs from the parent's fill price (0: no such leg). */
  target: number;
  stoploss: number;
  trailingStoploss: number;
  /** CO: the absolute trigger price of its stop-loss leg (0 otherwise). */
  coverTrigger: number;
  /** A child leg's role; null for a parent or a regular order. */
  leg: 'STOPLOSS' | 'TARGET' | null;
  /** A STOP_LOSS / SL_MARKET order whose trigger was crossed: it now trades as LIMIT / MARKET. */
  triggered: boolean;
  /** A bracket or cover parent's child legs (platform ids), once its fill placed them. */
  children: string[];
  /** A trailing stop-loss leg: the best price seen since the entry's fill (absent until it first moves). */
  trailAnchor?: number;
}

/**
 * An order as the store keeps it: the published record, plus whose it is, `openOn` (the market
 * instrument key while the order can still fill, else null: the store indexes it) and `legs`.
 */
export type AtOrderRecord = z.infer<typeof AtOrder> & { username: string; openOn: string | null; legs: AtLegInfo };
