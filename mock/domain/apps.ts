import type { Challenges } from './challenges.js';
import type { DomainContext } from './context.js';
import type { Outbox } from './outbox.js';
import { checkAppName, checkRedirectUrl, limitReached, nameTaken } from './rules.js';
import { fail, ok, type Result } from './result.js';
import type { Sessions } from './sessions.js';
import type { Account, App, Challenge, ChallengeAction, IpRegistration, IpType } from './types.js';
import type { StaticIps } from './static-ips.js';
import type { Random } from './random.js';
import { CREDENTIAL_RULES } from '../../spec/schemas/credentials.js';

export type DashboardAction = Exclude<ChallengeAction, 'legacy-secret-key'>;
export type Verified = { action: DashboardAction; app: App; apiSecret?: string; staticIps?: IpRegistration };

const nameTakenFailure = (name: string) =>
  fail('APP_NAME_TAKEN', `App name "${name}" is already used by another of your apps (compared case-insensitively after trimming and Unicode normalisation; deactivated apps keep their name).`);

/** Credentials of Samco's form: hex strings of the real lengths (see spec/schemas/credentials.ts). */
const newApiKey = (random: Random) => random.bytes('api-key', CREDENTIAL_RULES.apiKeyHexLength / 2).toString('hex');
const newApiSecret = (random: Random) => random.bytes('api-secret', CREDENTIAL_RULES.apiSecretHexLength / 2).toString('hex');

/**
 * The API Keys page: OAuth apps of an account. Every change is asked for first (rules checked,
 * OTP sent) and applied on verify, where the rules are checked again against the state then.
 */
export class Apps {
  constructor(
    private readonly ctx: DomainContext,
    private readonly challenges: Challenges,
    private readonly sessions: Sessions,
    private readonly outbox: Outbox,
    private readonly staticIps: StaticIps,
  ) {}

  list(account: Account): App[] {
    return this.ctx.store.appsOf(account.uid).sort((a, b) => a.seq - b.seq);
  }

  /** An app of this account; another account's app is as unknown as a missing one. */
  get(account: Account, appId: string): Result<App> {
    const app = this.ctx.store.getApp(appId);
    return app && app.uid === account.uid ? ok(app) : fail('APP_NOT_FOUND');
  }

  requestCreate(account: Account, input: { appName: string; redirectUrl: string }): Result<Challenge> {
    const checked = this.checkCreate(account, input);
    if (!checked.ok) return checked;
    return this.challenges.issue(account, 'create', null, checked.value);
  }

  private checkCreate(account: Account, input: { appName: string; redirectUrl: string }): Result<{ appName: string; redirectUrl: string }> {
    const name = checkAppName(input.appName);
    if (!name.ok) return name;
    const url = checkRedirectUrl(input.redirectUrl);
    if (!url.ok) return url;
    const apps = this.ctx.store.appsOf(account.uid);
    if (limitReached(apps)) return fail('APP_LIMIT_REACHED');
    if (nameTaken(apps, name.value)) return nameTakenFailure(name.value);
    return ok({ appName: name.value, redirectUrl: url.value });
  }

  requestEdit(account: Account, appId: string, input: { appName?: string; redirectUrl?: string }): Result<Challenge> {
    const app = this.get(account, appId);
    if (!app.ok) return app;
    const checked = this.checkEdit(account, app.value, input);
    if (!checked.ok) return checked;
    return this.challenges.issue(account, 'edit', app.value, checked.value);
  }

  private checkEdit(account: Account, app: App, input: { appName?: string; redirectUrl?: string }): Result<Challenge['payload']> {
    const payload: Challenge['payload'] = {};
    if (input.appName !== undefined) {
      const name = checkAppName(input.appName);
      if (!name.ok) return name;
      if (nameTaken(this.ctx.store.appsOf(account.uid), name.value, app.id)) {
        return nameTakenFailure(name.value);
      }
      if (name.value !== app.name) payload.appName = name.value;
    }
    if (input.redirectUrl !== undefined) {
      const url = checkRedirectUrl(input.redirectUrl);
      if (!url.ok) return url;
      if (url.value !== app.redirectUrl) payload.redirectUrl = url.value;
    }
    if (payload.appName === undefined && payload.redirectUrl === undefined) return fail('NOTHING_TO_CHANGE');
    return ok(payload);
  }

  requestStatus(account: Account, appId: string, action: 'deactivate' | 'activate'): Result<Challenge> {
    const app = this.get(account, appId);
    if (!app.ok) return app;
    const state = this.checkStatus(app.value, action);
    if (!state.ok) return state;
    return this.challenges.issue(account, action, app.value);
  }

  private checkStatus(app: App, action: 'deactivate' | 'activate'): Result<App> {
    if (action === 'deactivate' && app.status === 'Deactivated') return fail('APP_ALREADY_DEACTIVATED');
    if (action === 'activate' && app.status === 'Active') return fail('APP_ALREADY_ACTIVE');
    return ok(app);
  }

  requestRegenerate(account: Account, appId: string, action: 'regenerate-key' | 'regenerate-secret'): Result<Challenge> {
    const app = this.get(account, appId);
    if (!app.ok) return app;
    return this.challenges.issue(account, action, app.value);
  }

  /** Static IPs page: set one slot of an app, OTP-gated like every other app action. */
  requestIp(account: Account, appId: string, ipType: IpType, ipAddress: string): Result<Challenge> {
    const app = this.get(account, appId);
    if (!app.ok) return app;
    return this.staticIps.requestSet(account, app.value, ipType, ipAddress);
  }

  requestIpDelete(account: Account, appId: string, ipType: IpType): Result<Challenge> {
    const app = this.get(account, appId);
    if (!app.ok) return app;
    return this.staticIps.requestDelete(account, app.value, ipType);
  }

  /** A pending challenge of this account's dashboard; legacy OTPs and other accounts' challenges are not found. */
  challenge(account: Account, challengeId: string): Result<Challenge> {
    const challenge = this.ctx.store.getChallenge(challengeId);
    if (!challenge || challenge.uid !== account.uid || challenge.action === 'legacy-secret-key') return fail('CHALLENGE_NOT_FOUND');
    return ok(challenge);
  }

  resend(account: Account, challengeId: string): Result<Challenge> {
    const found = this.challenge(account, challengeId);
    if (!found.ok) return found;
    if (found.value.state !== 'pending') {
      return fail('CHALLENGE_NOT_FOUND', 'This OTP request is closed (already used, or too many wrong OTPs). Start the action again.');
    }
    const app = found.value.appId ? this.ctx.store.getApp(found.value.appId) : undefined;
    return this.challenges.resend(account, found.value, app?.name ?? found.value.payload.appName ?? null);
  }

  /** Verify OTP: checks the OTP, checks the action's rules again, then applies it whole. A failure changes nothing but the attempt count. */
  verify(account: Account, challengeId: string, otp: string): Result<Verified> {
    const found = this.challenge(account, challengeId);
    if (!found.ok) return found;
    const challenge = found.value;
    const checked = this.challenges.check(challenge, otp);
    if (!checked.ok) return checked;
    const action = challenge.action as DashboardAction;
    const result = action === 'create' ? this.applyCreate(account, challenge) : this.applyToApp(account, challenge, action);
    if (result.ok) this.challenges.markUsed(challenge);
    return result;
  }

  private applyCreate(account: Account, challenge: Challenge): Result<Verified> {
    const checked = this.checkCreate(account, { appName: challenge.payload.appName ?? '', redirectUrl: challenge.payload.redirectUrl ?? '' });
    if (!checked.ok) return checked;
    const { store, clock, random, secrets } = this.ctx;
    const now = clock.now();
    const apiKey = newApiKey(random);
    const apiSecret = newApiSecret(random);
    const app: App = {
      id: random.uuid('app-id'),
      uid: account.uid,
      name: checked.value.appName,
      redirectUrl: checked.value.redirectUrl,
      status: 'Active',
      apiKeyHash: secrets.hash(apiKey),
      apiSecretHash: secrets.hash(apiSecret),
      createdAt: now,
      updatedAt: now,
      seq: store.nextAppSeq(),
    };
    store.putApp(app);
    this.outbox.apiKey(account, app, apiKey);
    return ok({ action: 'create', app, apiSecret });
  }

  private applyToApp(account: Account, challenge: Challenge, action: Exclude<DashboardAction, 'create'>): Result<Verified> {
    const found = this.get(account, challenge.appId ?? '');
    if (!found.ok) return found;
    const app = found.value;
    const { store, clock, random, secrets } = this.ctx;
    const now = clock.now();
    switch (action) {
      case 'edit': {
        const checked = this.checkEdit(account, app, challenge.payload);
        if (!checked.ok) return checked;
        const next = { ...app, name: checked.value.appName ?? app.name, redirectUrl: checked.value.redirectUrl ?? app.redirectUrl, updatedAt: now };
        store.putApp(next);
        return ok({ action, app: next });
      }
      case 'deactivate':
      case 'activate': {
        const checked = this.checkStatus(app, action);
        if (!checked.ok) return checked;
        const next: App = { ...app, status: action === 'deactivate' ? 'Deactivated' : 'Active', updatedAt: now };
        store.putApp(next);
        if (action === 'deactivate') {
          this.sessions.revokeApp(app.id, 'app-deactivated');
          this.staticIps.deregister(account.uid, app.id);
        }
        return ok({ action, app: next });
      }
      case 'regenerate-key': {
        const apiKey = newApiKey(random);
        const next = { ...app, apiKeyHash: secrets.hash(apiKey), updatedAt: now };
        store.putApp(next);
        this.sessions.revokeApp(app.id, 'key-regenerated');
        this.outbox.apiKey(account, next, apiKey);
        return ok({ action, app: next });
      }
      case 'regenerate-secret': {
        const apiSecret = newApiSecret(random);
        const next = { ...app, apiSecretHash: secrets.hash(apiSecret), updatedAt: now };
        store.putApp(next);
        this.sessions.revokeApp(app.id, 'secret-regenerated');
        return ok({ action, app: next, apiSecret });
      }
      case 'set-ip':
      case 'delete-ip': {
        const written = action === 'set-ip' ? this.staticIps.applySet(account, app, challenge) : this.staticIps.applyDelete(account, app, challenge);
        if (!written.ok) return written;
        return ok({ action, app, staticIps: written.value });
      }
    }
  }
}
