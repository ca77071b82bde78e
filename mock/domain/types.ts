import type { OUTBOX_KINDS } from '../../spec/schemas/sandbox.js';
type OutboxKind = (typeof OUTBOX_KINDS)[number];
import type { z } from '@hono/zod-openapi';
import type { OpeningLimit as OpeningLimitSchema } from '../../spec/schemas/limits.js';

import type { ACCOUNT_STANDINGS } from '../../spec/schemas/fixtures.js';

export type AccountStanding = (typeof ACCOUNT_STANDINGS)[number];

export type OpeningLimit = z.infer<typeof OpeningLimitSchema>;
export type Limits = { equityLimit: OpeningLimit; commodityLimit: OpeningLimit };

/** Shares an account holds from before the sandbox started (a fixture's holdings). */
export type OpeningHolding = { exchange: 'NSE' | 'BSE'; symbolName: string; quantity: number; averagePrice: number };

export interface Account {
  uid: string;
  name: string;
  passwordHash: string;
  yob: string;
  mobile: string;
  email: string;
  limits: Limits;
  /** Hash of the legacy secret API key; null until the legacy OTP flow has run. */
  legacySecretKeyHash: string | null;
  /** The last static-IP change of any of the account's apps (or its legacy IPs): the 7-day rule runs from here. */
  lastIpChangeAt: number | null;
  /** The address the account's last IP change deleted: registering it again at once is free. */
  lastDeletedIp?: string | null;
  /** What Samco's backend says of the account: checked by /session/token and the OAuth flow. */
  standing: AccountStanding;
  /** Holdings carried in from before (the day's CNC trades settle into holdings the next IST day). */
  holdings: OpeningHolding[];
  createdAt: number;
}

/** The static IPs of one app, or (appId null) the account's legacy, app-less IPs. */
export interface IpRegistration {
  uid: string;
  appId: string | null;
  primaryIp: string | null;
  secondaryIp: string | null;
  updatedAt: number;
}

export type IpType = 'PRIMARY' | 'SECONDARY';

/** A legacy access token (uid + secret key -> access token -> login). */
export interface AccessToken {
  tokenHash: string;
  uid: string;
  expiresAt: number;
}

export type AppStatus = 'Active' | 'Deactivated';

export interface App {
  id: string;
  uid: string;
  name: string;
  redirectUrl: string;
  status: AppStatus;
  apiKeyHash: string;
  apiSecretHash: string;
  createdAt: number;
  updatedAt: number;
  /** Order of creation within the sandbox, for stable listings. */
  seq: number;
}

export type ChallengeAction = 'legacy-secret-key' | 'create' | 'edit' | 'deactivate' | 'activate' | 'regenerate-key' | 'regenerate-secret' | 'set-ip' | 'delete-ip';

export interface Challenge {
  id: string;
  uid: string;
  action: ChallengeAction;
  appId: string | null;
  /** What the action will apply, checked again on verify. */
  payload: { appName?: string; redirectUrl?: string; ipType?: IpType; ipAddress?: string };
  otpHash: string;
  expiresAt: number;
  attempts: number;
  state: 'pending' | 'used' | 'dead';
}

export type RevokeReason = 'logout' | 'app-deactivated' | 'key-regenerated' | 'secret-regenerated' | 'token-revoked' | 'code-reused' | 'refreshed';

export interface Session {
  tokenId: string;
  tokenHash: string;
  uid: string;
  /** null for a legacy session (access token + login): its static IPs are the account's legacy ones. */
  appId: string | null;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
  revokedReason: RevokeReason | null;
  srcIp: string;
  /** The OAuth grant that issued it (absent for /session/token and legacy sessions). */
  grantId?: string;
}

/**
 * One OAuth session (its id is the published `session_id`): the code the consent issued, then the
 * access and refresh tokens exchanged from it. Revoking it ends all of them at once.
 */
export interface OAuthGrant {
  id: string;
  appId: string;
  uid: string;
  codeHash: string;
  redirectUrl: string;
  scopes: string;
  createdAt: number;
  codeExpiresAt: number;
  codeUsedAt: number | null;
  /** When the grant can no longer matter: its code's expiry until exchanged, then its newest refresh token's. */
  expiresAt: number;
  revokedAt: number | null;
  revokedReason: RevokeReason | null;
}

export interface RefreshToken {
  tokenHash: string;
  grantId: string;
  createdAt: number;
  expiresAt: number;
  /** Set when a refresh used it: it is inactive from then on. */
  replacedAt: number | null;
}

/** A Login Code (GET /webSecretCode): single use, for the account (and app) of the session that asked for it. */
export interface LoginCode {
  codeHash: string;
  uid: string;
  appId: string | null;
  expiresAt: number;
  usedAt: number | null;
}

export interface DashboardSession {
  tokenHash: string;
  uid: string;
  expiresAt: number;
}

export interface OutboxMessage {
  id: number;
  uid: string;
  kind: OutboxKind;
  channel: 'sms' | 'email';
  to: string;
  subject: string;
  body: string;
  sentAt: number;
  otp: string | null;
  apiKey: string | null;
  secretApiKey: string | null;
  appId: string | null;
  appName: string | null;
  challengeId: string | null;
}

export type OutboxDraft = Omit<OutboxMessage, 'id' | 'sentAt'>;
