import { z } from '@hono/zod-openapi';
import { IsoTime, Uid } from './common.js';
import { AppName, AppStatus, RedirectUrl } from './apps.js';
import { OpeningLimit } from './limits.js';
import { ApiKey, ApiSecret } from './credentials.js';

/**
 * What Samco's backend can say of an account, each with its published /session/token answer:
 * active; not subscribed to the Trade API (403); blocked (403); or its trading backend cannot
 * start a session (401 "Unable to start your trading session...", EOAUTH999 at /oauth/token).
 */
export const ACCOUNT_STANDINGS = ['active', 'not-subscribed', 'blocked', 'backend-unavailable'] as const;
export const AccountStanding = z.enum(ACCOUNT_STANDINGS).openapi('AccountStanding', { description: 'active (default), not-subscribed, blocked, or backend-unavailable' });

/** A data set a client team can load: every credential in it is plaintext so tests can use it; the sandbox stores it hashed. */
export const FixtureApp = z
  .strictObject({
    appId: z.uuid().optional(),
    appName: AppName,
    redirectUrl: RedirectUrl,
    status: AppStatus,
    apiKey: ApiKey,
    apiSecret: ApiSecret,
    createdAt: IsoTime.optional(),
  })
  .openapi('FixtureApp');

export const FixtureHolding = z
  .strictObject({
    exchange: z.enum(['NSE', 'BSE']),
    symbolName: z.string().min(1).max(50).openapi({ description: 'An equity of the simulated market (see GET /__sandbox/market)', example: 'SBIN' }),
    quantity: z.number().int().min(1),
    averagePrice: z.number().positive(),
  })
  .openapi('FixtureHolding', { description: 'Shares held from before: they show in getHoldings and can be sold (CNC)' });

export const FixtureAccount = z
  .strictObject({
    uid: Uid,
    name: z.string().min(1).max(100),
    password: z.string().min(1).max(128),
    yob: z
      .string()
      .regex(/^\d{4}$/)
      .openapi({ description: 'Year of birth, used by the legacy login', example: '1988' }),
    mobile: z
      .string()
      .regex(/^\d{10}$/)
      .openapi({ example: '9876543210' }),
    email: z.email().max(254),
    limits: z.strictObject({ equityLimit: OpeningLimit, commodityLimit: OpeningLimit }).optional(),
    holdings: z.array(FixtureHolding).max(100).optional(),
    standing: AccountStanding.optional(),
    apps: z.array(FixtureApp).max(5).optional(),
  })
  .openapi('FixtureAccount');

export type FixtureAccountData = z.infer<typeof FixtureAccount>;

export const FixtureAtAccount = z
  .strictObject({
    pseudoAccount: z.string().min(1).max(64),
    tradingAccount: z.string().min(1).max(64),
    broker: z.string().min(1).max(64),
    platform: z.string().min(1).max(64),
    live: z.boolean(),
    licenseExpiryDate: z.iso.date(),
    funds: z.number().min(0).optional(),
  })
  .openapi('FixtureAtAccount');

export const FixtureAtUser = z
  .strictObject({
    username: z.string().min(1).max(100),
    password: z.string().min(1).max(128),
    name: z.string().min(1).max(100),
    apiKey: z.uuid().optional().openapi({ description: 'Plaintext, so tests can use it; a fresh one is made when absent' }),
    disabled: z.boolean().optional(),
    accounts: z.array(FixtureAtAccount).max(50),
  })
  .openapi('FixtureAtUser', { description: 'An AutoTrader Web user with its trading and pseudo accounts' });

export type FixtureAtUserData = z.infer<typeof FixtureAtUser>;

export const FixtureSet = z
  .strictObject({
    name: z.string().max(100).optional(),
    seed: z.union([z.string(), z.number()]).optional().openapi({ description: 'The faker seed the set was generated from' }),
    accounts: z.array(FixtureAccount).max(200_000),
    autotraderUsers: z.array(FixtureAtUser).max(10_000).optional(),
  })
  .openapi('FixtureSet');

export type FixtureSetData = z.infer<typeof FixtureSet>;
