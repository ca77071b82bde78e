import type { OUTBOX_KINDS } from '../../spec/schemas/sandbox.js';
type OutboxKind = (typeof OUTBOX_KINDS)[number];
import type { z } from '@hono/zod-openapi';
import type { Limit } from '../../spec/schemas/limits.js';

export type Limits = { equityLimit: z.infer<typeof Limit>; commodityLimit: z.infer<typeof Limit> };

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

export type ChallengeAction = 'legacy-secret-key' | 'create' | 'edit' | 'deactivate' | 'activate' | 'regenerate-key' | 'regenerate-secret' | 'set-ip';

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

export type RevokeReason = 'logout' | 'app-deactivated' | 'key-regenerated' | 'secret-regenerated' | 'token-revoked' | 'code-reused' | 'refresh-reused';

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
 * One OAuth authorization: the code the consent issued and every token exchanged from it since.
 * Revoking the grant ends all of them at once (a replayed code or refresh token, the app's credentials).
 */
export interface OAuthGrant {
  id: string;
  appId: string;
  uid: string;
  codeHash: string;
  /** The PKCE S256 challenge: BASE64URL(SHA-256(code_verifier)). */
  codeChallenge: string;
  redirectUri: string;
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
  /** Set when a refresh used it: a rotated token presented again revokes its grant. */
  replacedAt: number | null;
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
