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
