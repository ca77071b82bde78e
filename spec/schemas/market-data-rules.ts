/**
 * The numbers of the market-data, candle and streaming chapters, and the sandbox's where Samco is
 * silent: shared by the spec's descriptions and the domain, so each is typed once.
 */
export const MARKET_HOURS = {
  /** Minutes after IST midnight: pre-open 09:00, open 09:15, close 15:30 (NSE/BSE equity; the sandbox uses them for every segment). */
  preOpen: 9 * 60,
  open: 9 * 60 + 15,
  close: 15 * 60 + 30,
} as const;

export const CANDLE_RULES = {
  /** The intraday intervals in minutes (stocknotejsbridge's constants); 1 when absent. */
  intervals: [1, 5, 10, 15, 30, 60],
  defaultInterval: 1,
} as const;

export const STREAM_RULES = {
  /** Symbols one connection may hold (quote and quote2 together); more are ignored. Samco publishes no limit. */
  maxSymbols: 1000,
  /** A subscriber whose unsent data exceeds this many bytes gets only each symbol's newest tick once it drains (each tick carries the whole state). */
  maxBufferedBytes: 1024 * 1024,
  /** How often a subscriber over that limit is checked for room. */
  drainCheckMs: 50,
  /** The server pings every this many ms; a connection that has not answered the previous ping by the next is ended. */
  pingIntervalMs: 30_000,
  /** How often live connections' sessions are checked (expiry at 08:00 IST, logout, revocation). */
  sessionCheckMs: 1_000,
  /** Largest client frame accepted, in bytes. */
  maxFrameBytes: 64 * 1024,
  /** Close code when the session ends (WebSocket "policy violation"); the reason is the REST 401 text. */
  sessionEndedCode: 1008,
} as const;

export const WALK_RULES = {
  /** Each step moves a price by at most this share (then rounds to the tick, stays in the band). */
  maxStepShare: 0.002,
  /** Fastest and slowest step interval the control API accepts, in ms. */
  minIntervalMs: 10,
  maxIntervalMs: 60_000,
} as const;

/** POST /contractsAnalyser (Samco publishes no method): the payoff grid, the breakeven scan and what counts as unbounded. */
export const ANALYSER_RULES = {
  /** The payoff chart spans the spot ± this share (the price band), in about gridPoints steps of 1, 2, 5, 10, 20, 50, ... */
  gridBand: 0.2,
  gridPoints: 100,
  /** Breakevens and the max profit/loss are searched over 0 .. scanTop x spot, in this many steps. */
  scanTop: 3,
  breakevenScanSteps: 3000,
  /** A payoff still changing by more than this (rupees) between scanTop and twice that is unbounded: "Unlimited". */
  flatSlope: 0.5,
} as const;
