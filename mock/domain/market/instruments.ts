import { EQUITY_FREEZE_QUANTITY, FREEZE_QUANTITIES } from '../../../spec/schemas/market-rules.js';

/**
 * The instruments of the simulated market: a small fixed list, one per exchange and kind, enough
 * for every order rule (equity cash on NSE and BSE, index and stock derivatives on NFO and BFO,
 * commodities on MCX, currency on CDS). `symbolName` is what placeOrder takes (the ScripMaster
 * name for equity cash, the trading symbol for derivatives); `tradingSymbol` is what answers
 * carry; `atSymbol` is AutoTrader's broker-independent name.
 */
export const EXCHANGES = ['NSE', 'BSE', 'NFO', 'BFO', 'MCX', 'CDS'] as const;
export type Exchange = (typeof EXCHANGES)[number];

export interface Instrument {
  exchange: Exchange;
  symbolName: string;
  tradingSymbol: string;
  atSymbol: string;
  /** EQ for cash equity, FUTIDX/OPTIDX/FUTSTK/OPTSTK/FUTCOM/FUTCUR for derivatives. */
  instrument: 'EQ' | 'FUTIDX' | 'OPTIDX' | 'FUTSTK' | 'OPTSTK' | 'FUTCOM' | 'FUTCUR';
  lotSize: number;
  tickSize: number;
  /** The previous close: the price the market opens at, and the centre of the price band. */
  previousClose: number;
  /** The scrip description answers carry (the company name for equity). */
  description: string;
  /** The ISIN of an equity; `--` for a derivative. */
  isin: string;
  /** The exchange's numeric id of the scrip (Samco's `symbol` is `<listingId>_<exchange>`). */
  listingId: number;
  /** A derivative's expiry (`yyyy-MM-dd`), option type and strike; null for equity. */
  expiry: string | null;
  optionType: 'CE' | 'PE' | null;
  strike: number | null;
  /** The most one order may carry at the exchange (bulkOrder slices above it); see FREEZE_QUANTITIES. */
  freezeQuantity: number;
  /** The underlying's name (SBIN, NIFTY): what the chains and search take; the equity's own name for equity. */
  underlying: string;
}

export { EQUITY_FREEZE_QUANTITY, FREEZE_QUANTITIES };

const MONTH = { JAN: '01', FEB: '02', MAR: '03', APR: '04', MAY: '05', JUN: '06', JUL: '07', AUG: '08', SEP: '09', OCT: '10', NOV: '11', DEC: '12' } as const;

/** The contract terms spelled in AutoTrader's symbol: `NIFTY_29-DEC-2026_CE_26000`, `SBIN_29-DEC-2026_FUT`. */
function contractOf(atSymbol: string): Pick<Instrument, 'expiry' | 'optionType' | 'strike'> {
  const [, date, kind, strike] = atSymbol.split('_');
  if (!date) return { expiry: null, optionType: null, strike: null };
  const [day, month, year] = date.split('-') as [string, keyof typeof MONTH, string];
  const expiry = `${year}-${MONTH[month]}-${day}`;
  return kind === 'CE' || kind === 'PE' ? { expiry, optionType: kind, strike: Number(strike) } : { expiry, optionType: null, strike: null };
}

/** Company names and ISINs of the equities (both exchanges). */
const COMPANIES: Record<string, [string, string]> = {
  SBIN: ['STATE BANK OF INDIA', 'INE062A01020'],
  INFY: ['INFOSYS LIMITED', 'INE009A01021'],
  RELIANCE: ['RELIANCE INDUSTRIES LTD.', 'INE002A01018'],
  IDEA: ['VODAFONE IDEA LIMITED', 'INE669E01016'],
  TCS: ['TATA CONSULTANCY SERV LT', 'INE467B01029'],
  HDFCBANK: ['HDFC BANK LTD', 'INE040A01034'],
  ITC: ['ITC LTD', 'INE154A01025'],
};

type Row = [Exchange, string, string, string, Instrument['instrument'], number, number, number, number];

const ROWS: Row[] = [
  ['NSE', 'SBIN', 'SBIN-EQ', 'SBIN', 'EQ', 1, 0.05, 812.4, 3045],
  ['NSE', 'INFY', 'INFY-EQ', 'INFY', 'EQ', 1, 0.05, 1520.15, 1594],
  ['NSE', 'RELIANCE', 'RELIANCE-EQ', 'RELIANCE', 'EQ', 1, 0.05, 2950.5, 2885],
  ['NSE', 'IDEA', 'IDEA-EQ', 'IDEA', 'EQ', 1, 0.01, 13.4, 14366],
  ['NSE', 'TCS', 'TCS-EQ', 'TCS', 'EQ', 1, 0.05, 3890, 11536],
  ['NSE', 'HDFCBANK', 'HDFCBANK-EQ', 'HDFCBANK', 'EQ', 1, 0.05, 1650.25, 1333],
  ['NSE', 'ITC', 'ITC-EQ', 'ITC', 'EQ', 1, 0.05, 455.3, 1660],
  ['BSE', 'SBIN', 'SBIN', 'SBIN', 'EQ', 1, 0.05, 812.35, 500112],
  ['BSE', 'RELIANCE', 'RELIANCE', 'RELIANCE', 'EQ', 1, 0.05, 2950.45, 500325],
  ['BSE', 'INFY', 'INFY', 'INFY', 'EQ', 1, 0.05, 1520.2, 500209],
  ['NFO', 'NIFTY26DECFUT', 'NIFTY26DECFUT', 'NIFTY_29-DEC-2026_FUT', 'FUTIDX', 65, 0.1, 26150, 52310],
  ['NFO', 'NIFTY29DEC2626000CE', 'NIFTY29DEC2626000CE', 'NIFTY_29-DEC-2026_CE_26000', 'OPTIDX', 65, 0.05, 310.5, 61234],
  ['NFO', 'NIFTY29DEC2626000PE', 'NIFTY29DEC2626000PE', 'NIFTY_29-DEC-2026_PE_26000', 'OPTIDX', 65, 0.05, 145.25, 61235],
  ['NFO', 'BANKNIFTY26DECFUT', 'BANKNIFTY26DECFUT', 'BANKNIFTY_29-DEC-2026_FUT', 'FUTIDX', 30, 0.2, 59800, 52311],
  ['NFO', 'SBIN26DECFUT', 'SBIN26DECFUT', 'SBIN_29-DEC-2026_FUT', 'FUTSTK', 750, 0.05, 815.6, 52398],
  ['BFO', 'SENSEX26DECFUT', 'SENSEX26DECFUT', 'SENSEX_24-DEC-2026_FUT', 'FUTIDX', 20, 0.05, 85600, 1123456],
  ['BFO', 'BANKEX26DECFUT', 'BANKEX26DECFUT', 'BANKEX_24-DEC-2026_FUT', 'FUTIDX', 30, 0.05, 66200, 1123457],
  ['BFO', 'RELIANCE26DECFUT', 'RELIANCE26DECFUT', 'RELIANCE_24-DEC-2026_FUT', 'FUTSTK', 500, 0.05, 2962, 1123501],
  ['MCX', 'CRUDEOIL26DECFUT', 'CRUDEOIL26DECFUT', 'CRUDEOIL_17-DEC-2026_FUT', 'FUTCOM', 100, 1, 5840, 438612],
  ['MCX', 'GOLDM27JANFUT', 'GOLDM27JANFUT', 'GOLDM_05-JAN-2027_FUT', 'FUTCOM', 10, 1, 76450, 440212],
  ['CDS', 'USDINR26DECFUT', 'USDINR26DECFUT', 'USDINR_29-DEC-2026_FUT', 'FUTCUR', 1000, 0.0025, 84.725, 8721],
];

export const instrumentKey = (exchange: string, symbolName: string) => `${exchange}:${symbolName}`;

/** Freeze quantities per underlying (the exchanges' circulars; the sandbox's round figures for stocks). */

const underlyingOf = (atSymbol: string) => atSymbol.split('_')[0]!;

function instrumentOf([exchange, symbolName, tradingSymbol, atSymbol, instrument, lotSize, tickSize, previousClose, listingId]: Row): Instrument {
  const company = instrument === 'EQ' ? COMPANIES[symbolName] : undefined;
  const underlying = underlyingOf(atSymbol);
  return {
    exchange,
    symbolName,
    tradingSymbol,
    atSymbol,
    instrument,
    lotSize,
    tickSize,
    previousClose,
    description: company?.[0] ?? atSymbol.replaceAll('_', ' ').replaceAll('-', ' '),
    isin: company?.[1] ?? '--',
    listingId,
    ...contractOf(atSymbol),
    underlying,
    freezeQuantity: instrument === 'EQ' ? EQUITY_FREEZE_QUANTITY : FREEZE_QUANTITIES[underlying]!,
  };
}

/** The seed the ScripMaster is generated from: the fixtures' default seed (fixtures/generator.ts DEFAULT_SET_OPTIONS). */
export const SCRIPMASTER_SEED = 42;

/** The option series generated around each underlying's price: strikes either side of the money, both types, one expiry. */
const SERIES: Array<{ exchange: 'NFO' | 'BFO'; underlying: string; kind: 'OPTIDX' | 'OPTSTK'; expiry: [string, string, string]; spot: number; step: number; each: number; lotSize: number }> = [
  { exchange: 'NFO', underlying: 'NIFTY', kind: 'OPTIDX', expiry: ['29', 'DEC', '2026'], spot: 26000, step: 50, each: 5, lotSize: 65 },
  { exchange: 'NFO', underlying: 'BANKNIFTY', kind: 'OPTIDX', expiry: ['29', 'DEC', '2026'], spot: 59800, step: 100, each: 5, lotSize: 30 },
  { exchange: 'NFO', underlying: 'SBIN', kind: 'OPTSTK', expiry: ['29', 'DEC', '2026'], spot: 815, step: 10, each: 4, lotSize: 750 },
  { exchange: 'BFO', underlying: 'SENSEX', kind: 'OPTIDX', expiry: ['24', 'DEC', '2026'], spot: 85600, step: 200, each: 3, lotSize: 20 },
];

/** The generated options' premiums: Black-Scholes at a seeded volatility, 25 days before expiry (fixed, so the list never depends on the clock). */
const PRICING_YEARS = 25 / 365;

/** Every tradable instrument: the fixed rows, then the option series generated from `seed`. */
export function generateInstruments(seed: number = SCRIPMASTER_SEED): Instrument[] {
  const fixed = ROWS.map(instrumentOf);
  const taken = new Set(fixed.map((i) => instrumentKey(i.exchange, i.tradingSymbol)));
  const generated: Instrument[] = [];
  const nextId = { NFO: 40000 + Math.floor(unit(seed, 'NFO') * 1000) * 10, BFO: 1130000 + Math.floor(unit(seed, 'BFO') * 1000) * 10 };
  for (const s of SERIES) {
    const [day, month, year] = s.expiry;
    for (let n = -s.each; n <= s.each; n++) {
      const strike = s.spot + n * s.step;
      for (const optionType of ['CE', 'PE'] as const) {
        const tradingSymbol = `${s.underlying}${day}${month}${year.slice(2)}${strike}${optionType}`;
        if (taken.has(instrumentKey(s.exchange, tradingSymbol))) continue;
        const vol = 0.12 + unit(seed, tradingSymbol) * 0.06;
        const premium = Math.max(0.05, blackScholes(optionType, s.spot, strike, PRICING_YEARS, vol));
        const listingId = nextId[s.exchange]++;
        generated.push(
          instrumentOf([
            s.exchange,
            tradingSymbol,
            tradingSymbol,
            `${s.underlying}_${day}-${month}-${year}_${optionType}_${strike}`,
            s.kind,
            s.lotSize,
            0.05,
            Math.round(premium * 20) / 20,
            listingId,
          ]),
        );
      }
    }
  }
  return [...fixed, ...generated];
}

export const INSTRUMENTS: readonly Instrument[] = generateInstruments();

/** A market index: priced like an instrument, never traded. Its listing id is negative and its stream symbol carries no exchange suffix. */
export interface MarketIndex {
  kind: 'index';
  /** The name requests take (case-insensitive): `NIFTY 50`, `SENSEX`. */
  name: string;
  /** The exchange's spelling indexQuote answers with: `Nifty 50`. */
  displayName: string;
  exchange: 'NSE' | 'BSE';
  listingId: number;
  previousClose: number;
  tickSize: number;
}

/** -21, -23 and -101 are Samco's published ids; NIFTY BANK's and BANKEX's are the sandbox's (Samco publishes none). */
export const INDICES: readonly MarketIndex[] = (
  [
    ['NIFTY 50', 'Nifty 50', 'NSE', -21, 26110.35],
    ['NIFTY NEXT 50', 'Nifty Next 50', 'NSE', -23, 69120.4],
    ['NIFTY BANK', 'Nifty Bank', 'NSE', -25, 59710.85],
    ['SENSEX', 'SENSEX', 'BSE', -101, 85540.1],
    ['BANKEX', 'BANKEX', 'BSE', -104, 66150.3],
  ] as const
).map(([name, displayName, exchange, listingId, previousClose]) => ({ kind: 'index' as const, name, displayName, exchange, listingId, previousClose, tickSize: 0.01 }));

/** Anything with a price in the market: a tradable instrument or an index. */
export type Listing = Instrument | MarketIndex;

export const isIndex = (l: Listing): l is MarketIndex => 'kind' in l && l.kind === 'index';

/** The exchange the ScripMaster and listing ids print: MFO for the commodity segment. */
export const scripExchange = (exchange: string) => (exchange === 'MCX' ? 'MFO' : exchange);

/** Samco's `symbol` / ScripMaster `symbolCode` / stream symbol: `3045_NSE`, `438612_MFO`, and a bare `-21` for an index. */
export const symbolCodeOf = (l: Listing) => (isIndex(l) ? String(l.listingId) : `${l.listingId}_${scripExchange(l.exchange)}`);

/** The key of a listing's price in the store. */
export const listingKey = (l: Listing) => (isIndex(l) ? `INDEX:${l.name}` : instrumentKey(l.exchange, l.symbolName));

const BY_INDEX_NAME = new Map(INDICES.map((i) => [i.name.toUpperCase(), i]));

/** An index by its name, case-insensitively (`Sensex`, `NIFTY 50`). */
export function findIndex(name: string): MarketIndex | undefined {
  return BY_INDEX_NAME.get(name.trim().toUpperCase());
}

/** The underlying index an index derivative follows (NIFTY -> NIFTY 50), for chains' spot prices. */
const INDEX_OF_UNDERLYING: Record<string, string> = { NIFTY: 'NIFTY 50', BANKNIFTY: 'NIFTY BANK', SENSEX: 'SENSEX', BANKEX: 'BANKEX' };
export const indexOfUnderlying = (underlying: string) => findIndex(INDEX_OF_UNDERLYING[underlying] ?? '');

/** A number in [0, 1) from the seed and a name: the same on every run (FNV-1a, then a murmur finaliser). */
export function unit(seed: number | string, ...parts: Array<string | number>): number {
  let h = 0x811c9dc5;
  for (const ch of `${seed}\u0000${parts.join('\u0000')}`) {
    h ^= ch.charCodeAt(0);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

/** The standard normal distribution function (Abramowitz-Stegun 26.2.17, error < 7.5e-8). */
export function normCdf(x: number): number {
  const t = 1 / (1 + 0.2316419 * Math.abs(x));
  const d = 0.3989422804014327 * Math.exp((-x * x) / 2);
  const p = d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return x >= 0 ? 1 - p : p;
}

/** An option's Black-Scholes price (no rates, no dividends). */
export function blackScholes(type: 'CE' | 'PE', spot: number, strike: number, years: number, vol: number): number {
  if (years <= 0) return Math.max(0, type === 'CE' ? spot - strike : strike - spot);
  const d1 = (Math.log(spot / strike) + (vol * vol * years) / 2) / (vol * Math.sqrt(years));
  const d2 = d1 - vol * Math.sqrt(years);
  return type === 'CE' ? spot * normCdf(d1) - strike * normCdf(d2) : strike * normCdf(-d2) - spot * normCdf(-d1);
}

/** Whether the instrument is an option (its premium is paid in full when bought). */
export const isOption = (i: Instrument) => i.instrument === 'OPTIDX' || i.instrument === 'OPTSTK';

/** Whether orders on the instrument use the commodity segment's limits (MCX) rather than equity's. */
export const isCommodity = (i: Instrument) => i.exchange === 'MCX';

const BY_KEY = new Map(INSTRUMENTS.map((i) => [instrumentKey(i.exchange, i.symbolName), i]));
const BY_TRADING_SYMBOL = new Map(INSTRUMENTS.map((i) => [instrumentKey(i.exchange, i.tradingSymbol), i]));
const BY_UPPER = new Map(INSTRUMENTS.flatMap((i) => [[instrumentKey(i.exchange, i.symbolName.toUpperCase()), i] as const, [instrumentKey(i.exchange, i.tradingSymbol.toUpperCase()), i] as const]));
const BY_SYMBOL_CODE = new Map<string, Listing>([...INSTRUMENTS, ...INDICES].map((l) => [symbolCodeOf(l), l]));
const BY_AT_SYMBOL = new Map(INSTRUMENTS.map((i) => [instrumentKey(i.exchange, i.atSymbol), i]));

/** By the name placeOrder takes; the trading symbol (SBIN-EQ) is accepted too. */
export function findInstrument(exchange: string, symbol: string): Instrument | undefined {
  return BY_KEY.get(instrumentKey(exchange, symbol)) ?? BY_TRADING_SYMBOL.get(instrumentKey(exchange, symbol));
}

/** By AutoTrader's broker-independent symbol (on the exchanges AutoTrader names: NSE, BSE, MCX, NFO, BFO, CDS). */
export function findAtInstrument(exchange: string, symbol: string): Instrument | undefined {
  return BY_AT_SYMBOL.get(instrumentKey(exchange, symbol));
}

/**
 * How the market-data calls find a scrip: the equity name or F&O trading symbol, case-insensitively
 * (the samples send `Reliance`, `sensex`); MFO and MCX name the same commodity segment.
 */
export function lookupInstrument(exchange: string, symbol: string): Instrument | undefined {
  const segment = exchange.toUpperCase() === 'MFO' ? 'MCX' : exchange.toUpperCase();
  return BY_UPPER.get(instrumentKey(segment, symbol.trim().toUpperCase()));
}

/** By the stream's symbol: `3045_NSE`, `438612_MFO`, `-21`. */
export function findBySymbolCode(code: string): Listing | undefined {
  return BY_SYMBOL_CODE.get(code.trim());
}
