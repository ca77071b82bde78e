import type { DomainContext } from './context.js';
import type { OrderState, SamcoOrder } from './orders.js';
import type { Portfolio, Position, PositionType } from './portfolio.js';
import { fail, ok, type Result } from './result.js';
import type { StaticIps } from './static-ips.js';
import type { Account, App, AppStatus, IpRegistration, OAuthGrant, Session } from './types.js';

export type Liveness = 'active' | 'expired' | 'revoked';

/** What the control API lists of one account: records as stored, minus every hash (no secret, token or code leaves). */
export type AppView = Omit<App, 'apiKeyHash' | 'apiSecretHash' | 'seq'>;
export type SessionView = Omit<Session, 'tokenHash'> & { state: Liveness };
export type GrantView = Omit<OAuthGrant, 'codeHash'> & { state: Liveness };
export type StaticIpsView = { rows: IpRegistration[]; lastIpChangeAt: number | null; nextChangeAllowedAt: number | null };

/**
 * Read-only views of an account's state for a person debugging a client: apps, static IPs,
 * sessions, OAuth grants, orders and positions. They change nothing and reveal no credential.
 */
export class StateViews {
  constructor(
    private readonly ctx: DomainContext,
    private readonly portfolio: Portfolio,
    private readonly ips: StaticIps,
  ) {}

  private account(uid: string): Result<Account> {
    const account = this.ctx.store.getAccount(uid);
    return account ? ok(account) : fail('UNKNOWN_USER');
  }

  apps(uid: string, status?: AppStatus): Result<AppView[]> {
    const account = this.account(uid);
    if (!account.ok) return account;
    const apps = this.ctx.store.appsOf(uid).filter((a) => status === undefined || a.status === status);
    return ok(apps.map(({ apiKeyHash: _k, apiSecretHash: _s, seq: _q, ...app }) => app));
  }

  staticIps(uid: string): Result<StaticIpsView> {
    const account = this.account(uid);
    if (!account.ok) return account;
    const { store } = this.ctx;
    const rows = [store.getIps(uid, null), ...store.appsOf(uid).map((a) => store.getIps(uid, a.id))].filter((r): r is IpRegistration => r !== undefined);
    return ok({ rows, lastIpChangeAt: account.value.lastIpChangeAt, nextChangeAllowedAt: this.ips.nextChangeAllowedAt(uid) });
  }

  /** Sessions of the account's apps, newest first (legacy, app-less sessions are not indexed by account, so not listed). */
  sessions(uid: string, filter: { appId?: string; state?: Liveness } = {}): Result<SessionView[]> {
    const account = this.account(uid);
    if (!account.ok) return account;
    const now = this.ctx.clock.now();
    const sessions = this.appIds(uid, filter.appId)
      .flatMap((id) => this.ctx.store.sessionsOfApp(id))
      .map(({ tokenHash: _h, ...s }) => ({ ...s, state: liveness(s.revokedAt, s.expiresAt, now) }))
      .filter((s) => filter.state === undefined || s.state === filter.state);
    return ok(sessions.sort((a, b) => b.createdAt - a.createdAt));
  }

  grants(uid: string, filter: { appId?: string; state?: Liveness } = {}): Result<GrantView[]> {
    const account = this.account(uid);
    if (!account.ok) return account;
    const now = this.ctx.clock.now();
    const grants = this.appIds(uid, filter.appId)
      .flatMap((id) => this.ctx.store.grantsOfApp(id))
      .map(({ codeHash: _h, ...g }) => ({ ...g, state: liveness(g.revokedAt, g.expiresAt, now) }))
      .filter((g) => filter.state === undefined || g.state === filter.state);
    return ok(grants.sort((a, b) => b.createdAt - a.createdAt));
  }

  orders(uid: string, filter: { status?: OrderState; symbolName?: string } = {}): Result<SamcoOrder[]> {
    const account = this.account(uid);
    if (!account.ok) return account;
    const orders = this.ctx.store.ordersOf(uid).filter((o) => (filter.status === undefined || o.status === filter.status) && (filter.symbolName === undefined || o.symbolName === filter.symbolName));
    return ok([...orders].sort((a, b) => b.createdAt - a.createdAt));
  }

  positions(uid: string, positionType: PositionType): Result<Position[]> {
    const account = this.account(uid);
    if (!account.ok) return account;
    return ok(this.portfolio.positions(account.value, positionType));
  }

  private appIds(uid: string, appId: string | undefined): string[] {
    return this.ctx.store
      .appsOf(uid)
      .map((a) => a.id)
      .filter((id) => appId === undefined || id === appId);
  }
}

const liveness = (revokedAt: number | null, expiresAt: number, now: number): Liveness => (revokedAt !== null ? 'revoked' : expiresAt <= now ? 'expired' : 'active');
