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
  /** EQ for cash equity, FUTIDX/OPTIDX/FUTSTK/FUTCOM/FUTCUR for derivatives. */
  instrument: 'EQ' | 'FUTIDX' | 'OPTIDX' | 'FUTSTK' | 'FUTCOM' | 'FUTCUR';
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

export const INSTRUMENTS: readonly Instrument[] = ROWS.map(([exchange, symbolName, tradingSymbol, atSymbol, instrument, lotSize, tickSize, previousClose, listingId]) => {
  const company = instrument === 'EQ' ? COMPANIES[symbolName] : undefined;
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
    freezeQuantity: instrument === 'EQ' ? EQUITY_FREEZE_QUANTITY : FREEZE_QUANTITIES[atSymbol.split('_')[0]!]!,
  };
});

/** Whether the instrument is an option (its premium is paid in full when bought). */
export const isOption = (i: Instrument) => i.instrument === 'OPTIDX';

/** Whether orders on the instrument use the commodity segment's limits (MCX) rather than equity's. */
export const isCommodity = (i: Instrument) => i.exchange === 'MCX';

export const instrumentKey = (exchange: string, symbolName: string) => `${exchange}:${symbolName}`;

const BY_KEY = new Map(INSTRUMENTS.map((i) => [instrumentKey(i.exchange, i.symbolName), i]));
const BY_TRADING_SYMBOL = new Map(INSTRUMENTS.map((i) => [instrumentKey(i.exchange, i.tradingSymbol), i]));
const BY_AT_SYMBOL = new Map(INSTRUMENTS.map((i) => [instrumentKey(i.exchange, i.atSymbol), i]));

/** By the name placeOrder takes; the trading symbol (SBIN-EQ) is accepted too. */
export function findInstrument(exchange: string, symbol: string): Instrument | undefined {
  return BY_KEY.get(instrumentKey(exchange, symbol)) ?? BY_TRADING_SYMBOL.get(instrumentKey(exchange, symbol));
}

/** By AutoTrader's broker-independent symbol (on the exchanges AutoTrader names: NSE, BSE, MCX, NFO, BFO, CDS). */
export function findAtInstrument(exchange: string, symbol: string): Instrument | undefined {
  return BY_AT_SYMBOL.get(instrumentKey(exchange, symbol));
}
