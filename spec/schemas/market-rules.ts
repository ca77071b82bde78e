/**
 * The order rules of the placeOrder chapter, and the sandbox's where it is silent: shared by the
 * spec's descriptions and the domain, so each number is typed once.
 */
export const ORDER_RULES = {
  defaultExchange: 'NSE',
  orderTypes: ['L', 'SL'],
  /** "If provided, it should be a minimum of 10% of the actual quantity." */
  minDisclosedShare: 0.1,
  /** "In the BFO exchange, only SENSEX and BANKEX trades are allowed." */
  bfoUnderlyings: ['SENSEX', 'BANKEX'],
  /** Share of an order's value the account's limits must cover (the sandbox's simplified RMS). */
  marginRate: { cash: 1, intraday: 0.2, futures: 0.12, futuresIntraday: 0.06 },
  /** Prices outside previous close ± this share are rejected (the exchanges' widest equity band, used for every instrument). */
  priceBand: 0.2,
} as const;

const pct = (n: number) => `${n * 100}%`;
const rate = ORDER_RULES.marginRate;

export const PRICE_BAND_PERCENT = ORDER_RULES.priceBand * 100;
export const MARGIN_RULES_TEXT = `equity CNC and NRML ${pct(rate.cash)} of the value, MIS ${pct(rate.intraday)}; futures and option sells NRML ${pct(rate.futures)}, MIS ${pct(rate.futuresIntraday)}; option buys the whole premium`;

/** Bracket and cover orders (issue 18a): where they may be placed, and the intraday square-off block. */
export const BRACKET_RULES = {
  /** "BO not allowed on BSE"; CO is. */
  boExchanges: ['NSE', 'NFO', 'BFO', 'MCX', 'CDS'],
  coExchanges: ['NSE', 'BSE', 'NFO', 'BFO', 'MCX', 'CDS'],
  /** IST minutes after midnight: the market's close; new MIS/BO/CO orders are rejected in the half hour before it. */
  closeAt: { NSE: 930, BSE: 930, NFO: 930, BFO: 930, CDS: 1020, MCX: 1410 },
  squareOffBlockMinutes: 30,
  /** The bulkOrder sample's rejectionReason, verbatim. */
  squareOffBlockReason:
    "Your order was rejected since you can't place intraday orders in the last half hour of trade as intraday square off's are initiated by the RMS System in this period. All MIS / BO / CO orders shall be rejected during square off block period.",
} as const;

/** GTT and OCO (issue 18a). */
export const GTT_RULES = {
  /** "Default is set to 3% to protect the order from potential market losses." */
  defaultMarketProtection: 3,
  maxMarketProtection: 100,
  /** A derivative's trigger expires after its expiry day's close (15:30 IST = 10:00 UTC). */
  expiryCloseUtc: '10:00:00',
} as const;

/**
 * The span-margin calculator (issue 18a; Samco publishes no rates): the sandbox splits the
 * futures margin of its RMS (ORDER_RULES.marginRate.futures) into span and exposure, charges an
 * option buy its premium, an option sell on its notional (strike x quantity), and equity its RMS
 * rate as exposure. Opposite exposures on one underlying offset: the smaller side's span is the
 * spread benefit. Brokerage is flat per item, expenses are GST on it plus exchange charges.
 */
export const SPAN_RULES = {
  spanRate: 0.09,
  exposureRate: 0.03,
  brokeragePerOrder: 20,
  gstRate: 0.18,
  exchangeChargeRate: 0.0000345,
  /** "transactionType ... default SELL". */
  defaultSide: 'SELL',
} as const;

/**
 * Freeze quantities, the most one order may carry at the exchange (bulkOrder slices above it).
 * Samco publishes none; its 2024 bulkOrder sample implies 1800 for NIFTY options at lot 75, the
 * sandbox keeps 27 lots of today's 65 (1755). Per underlying for derivatives, in units, a whole
 * number of lots; equity cash has no exchange freeze: the sandbox slices it at
 * EQUITY_FREEZE_QUANTITY shares.
 */
export const EQUITY_FREEZE_QUANTITY = 100_000;
export const FREEZE_QUANTITIES: Record<string, number> = {
  NIFTY: 1755,
  BANKNIFTY: 900,
  SBIN: 15_000,
  SENSEX: 1000,
  BANKEX: 900,
  RELIANCE: 10_000,
  CRUDEOIL: 10_000,
  GOLDM: 1000,
  USDINR: 10_000,
};
