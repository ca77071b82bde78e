import { ExchangeEvents } from './exchange-events.js';
import { StateViews } from './state-views.js';
import type { FixtureSetData } from '../../spec/schemas/fixtures.js';
import type { Durability, Store } from './store.js';
import { UnitOfWork } from './unit-of-work.js';
import { sweep } from './sweep.js';
import { Accounts, type FixtureRows } from './accounts.js';
import { Apps } from './apps.js';
import { Challenges } from './challenges.js';
import { type ClockState, SandboxClock } from './clock.js';
import type { DomainContext } from './context.js';
import { Outbox } from './outbox.js';
import { Random } from './random.js';
import { SecretHasher } from './secrets.js';
import { Sessions } from './sessions.js';
import { StaticIps } from './static-ips.js';
import { Orders } from './orders.js';
import { BracketCover } from './bracket-cover.js';
import { Gtts } from './gtt.js';
import { Bulk } from './bulk.js';
import { OAuth } from './oauth.js';
import { LoginCodes } from './login-codes.js';
import { TradingBackend } from './trading-backend.js';
import { Market } from './market/market.js';
import type { Instrument } from './market/instruments.js';
import { Portfolio } from './portfolio.js';
import { AutoTrader } from './autotrader/autotrader.js';
import { type Failure, ok, type Result } from './result.js';
import { SignInThrottle } from './sign-in-throttle.js';
import { Baskets, orderFields } from './baskets.js';
import { PortfolioActions } from './portfolio-actions.js';
import { Analytics } from './analytics.js';

export type DomainOptions = {
  seed?: string | number | null;
  /** Where the state lives (an adapter of mock/store, made by the caller: the domain knows only the port). */
  store: Store;
  /** Where committed units of work become durable (none: memory only). */
  durability?: Durability | null;
  /** How many outbox messages are kept, newest first (default 10,000). */
  outboxRetention?: number;
  clock?: SandboxClock;
  /** Loaded at start and again on every reset. */
  fixtures?: FixtureSetData | null;
  /** The rate limits (AutoTrader's API limits, the OTP send limit): on by default; off for load tests. */
  rateLimits?: boolean;
  /** The hasher of a persisted state (its pepper made the stored hashes); a fresh one otherwise. */
  secrets?: SecretHasher;
  /** Load the fixtures now (default); false when a persisted state is being resumed. */
  loadFixturesNow?: boolean;
  /** Instruments beyond the built-in list (benchmarks of many symbols). */
  extraInstruments?: readonly Instrument[];
};

/** The whole sandbox without HTTP: every rule of the reference lives below this object. */
export class SandboxDomain {
  readonly ctx: DomainContext;
  readonly clock: SandboxClock;
  readonly random: Random;
  readonly accounts: Accounts;
  readonly apps: Apps;
  readonly sessions: Sessions;
  readonly challenges: Challenges;
  readonly autotrader: AutoTrader;
  readonly staticIps: StaticIps;
  readonly orders: Orders;
  readonly bracketCover: BracketCover;
  readonly gtts: Gtts;
  readonly bulk: Bulk;
  readonly oauth: OAuth;
  readonly loginCodes: LoginCodes;
  readonly tradingBackend: TradingBackend;
  readonly market: Market;
  readonly portfolio: Portfolio;
  readonly exchangeEvents: ExchangeEvents;
  readonly signIns: SignInThrottle;
  readonly views: StateViews;
  readonly baskets: Baskets;
  readonly portfolioActions: PortfolioActions;
  readonly analytics: Analytics;
  readonly uow: UnitOfWork;
  /** The start-up set until it is first written; then the rows it wrote (see FixtureRows). */
  private fixtures: FixtureSetData | null;
  private fixtureRows: FixtureRows | null = null;
  private fixtureAtUsers: NonNullable<FixtureSetData['autotraderUsers']> = [];

  constructor(options: DomainOptions) {
    this.clock = options.clock ?? new SandboxClock();
    this.random = new Random(options.seed === undefined || options.seed === null ? null : String(options.seed));
    this.ctx = { store: options.store, clock: this.clock, random: this.random, secrets: options.secrets ?? new SecretHasher(), afterCommit: (fn) => this.uow.afterCommit(fn) };
    this.uow = new UnitOfWork(options.store, this.metaSource(), options.durability ?? null);
    const outbox = new Outbox(this.ctx, options.outboxRetention);
    this.market = new Market(this.ctx, options.extraInstruments);
    // Prices another replica committed reach this one's stream too.
    this.uow.follow((changes) => this.market.changedElsewhere(changes));
    this.challenges = new Challenges(this.ctx, outbox, { sendLimit: options.rateLimits ?? true });
    this.tradingBackend = new TradingBackend(this.ctx);
    this.sessions = new Sessions(this.ctx, this.tradingBackend);
    this.loginCodes = new LoginCodes(this.ctx, this.sessions);
    this.accounts = new Accounts(this.ctx, this.challenges, outbox);
    this.staticIps = new StaticIps(this.ctx, this.challenges);
    this.orders = new Orders(this.ctx, this.market);
    this.portfolio = new Portfolio(this.ctx, this.market, this.orders);
    this.orders.useRisk(this.portfolio);
    this.exchangeEvents = new ExchangeEvents(this.ctx, this.market);
    this.orders.useExchangeEvents(this.exchangeEvents);
    this.bracketCover = new BracketCover(this.ctx, this.market, this.orders);
    this.gtts = new Gtts(this.ctx, this.market, this.orders);
    this.bulk = new Bulk(this.market, this.orders, this.bracketCover);
    this.oauth = new OAuth(this.ctx, this.sessions, this.staticIps, this.tradingBackend);
    this.apps = new Apps(this.ctx, this.challenges, this.sessions, outbox, this.staticIps);
    this.autotrader = new AutoTrader(this.ctx, this.market, { rateLimits: options.rateLimits });
    this.signIns = new SignInThrottle(this.ctx, options.rateLimits ?? true);
    this.views = new StateViews(this.ctx, this.portfolio, this.staticIps);
    this.baskets = new Baskets(this.ctx, this.market, this.orders);
    // A basket's bracket and cover orders are placed as placeOrderBO / placeOrderCO place them.
    this.baskets.usePlacer('BO', (account, item) =>
      this.bracketCover.placeBO(account, {
        ...orderFields(item),
        priceType: item.priceType,
        squareOffValue: item.squareOffValue,
        stopLossValue: item.stopLossValue,
        valueType: item.valueType,
        trailingStopLoss: item.trailingStopLoss,
        productType: 'BO',
      }),
    );
    this.baskets.usePlacer('CO', (account, item) => this.bracketCover.placeCO(account, { ...orderFields(item), productType: 'CO', triggerPrice: item.triggerPrice }));
    this.portfolioActions = new PortfolioActions(this.ctx, this.market, this.orders, this.portfolio);
    this.analytics = new Analytics(this.ctx, this.market, this.orders);
    this.fixtures = options.fixtures ?? null;
    if (options.loadFixturesNow ?? true) this.loadStartupFixtures();
  }

  /** Forgets what can no longer matter (see sweep.ts). */
  sweep(): number {
    return sweep(this.ctx.store, this.clock.now());
  }

  /** What a durable batch carries besides rows: where the random streams and the clock stand. */
  private metaSource() {
    return {
      snapshot: () => ({ rng: this.random.snapshot(), clock: this.clock.snapshot(), pepper: this.ctx.secrets.pepperBase64() }),
      restore: (meta: Record<string, unknown>) => {
        if (meta.rng) this.random.restore(meta.rng as Record<string, number>);
        if (meta.clock) this.clock.restore(meta.clock as ClockState);
        if (typeof meta.pepper === 'string') this.ctx.secrets.adopt(Buffer.from(meta.pepper, 'base64'));
      },
    };
  }

  /** Puts the random streams and the clock where a durable state left them. */
  restoreMeta(meta: Record<string, unknown>) {
    this.metaSource().restore(meta);
  }

  get store(): Store {
    return this.ctx.store;
  }

  /** Adds a fixture set whole, or nothing: every rule of every part is checked before anything is written. */
  load(set: FixtureSetData): Result<{ accounts: number; apps: number; autotraderUsers: number }> {
    const users = set.autotraderUsers ?? [];
    const problem = this.accounts.check(set.accounts) ?? this.autotrader.check(users);
    if (problem) return problem;
    const apps = this.accounts.write(set.accounts);
    this.autotrader.write(users);
    return ok({ accounts: set.accounts.length, apps, autotraderUsers: users.length });
  }

  /**
   * Writes the start-up fixtures: the first time from the set (checked whole first, as `load`
   * does), then from the rows that wrote (reset), so the set itself is not kept.
   */
  loadStartupFixtures() {
    if (this.fixtureRows) {
      this.fixtureRows = this.accounts.rewrite(this.fixtureRows);
      this.autotrader.write(this.fixtureAtUsers);
      return;
    }
    const set = this.fixtures;
    if (!set) return;
    const users = set.autotraderUsers ?? [];
    const invalid = (problem: Failure) => new Error(`The start-up fixture set is invalid: ${problem.error.message ?? problem.error.code}`);
    const atProblem = this.autotrader.check(users);
    const written = this.accounts.writeKept(set.accounts);
    if (!written.ok) throw invalid(written);
    if (atProblem) throw invalid(atProblem);
    this.fixtureRows = written.value;
    this.autotrader.write(users);
    this.fixtureAtUsers = users;
    this.fixtures = null;
  }

  /** Back to the start: no state, every random stream from its beginning, the start-up fixtures again (unless `empty`). */
  reset(mode: 'fixtures' | 'empty' = 'fixtures') {
    this.ctx.store.clear();
    this.random.restart();
    this.tradingBackend.reset();
    this.exchangeEvents.reset();
    if (mode === 'fixtures') this.loadStartupFixtures();
  }

  counts() {
    const { store } = this.ctx;
    return {
      accounts: store.accountCount(),
      apps: store.appCount(),
      activeSessions: store.activeSessionCount(this.clock.now()),
      outbox: store.messageCount(),
      autotraderUsers: store.atUserCount(),
    };
  }
}
