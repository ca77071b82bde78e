import { fileURLToPath } from 'node:url';
import { SandboxClock } from '../mock/domain/clock.js';
import { SandboxDomain } from '../mock/domain/domain.js';
import { EQUITY_FREEZE_QUANTITY, type Instrument } from '../mock/domain/market/instruments.js';
import { MemoryStore } from '../mock/store/memory.js';

/**
 * The trigger path, in process (no HTTP): 10,000 active GTTs and 1,000 open bracket orders (each
 * with its two legs resting) over 500 symbols, then a random walk of price changes on random
 * symbols. Reports the time one price change takes (mean, p50, p99) and the rate the market
 * sustains, for the market alone, with the GTTs alone, with the brackets alone, and with both,
 * so the difference shows where the time goes. Triggers sit 2-10% away, so most changes fire
 * nothing (the steady state); the count of what fired is printed too.
 */
const SYMBOLS = 500;
const GTTS = 10_000;
const BRACKETS = 1_000;
const ACCOUNTS = 50;
const CHANGES = 20_000;
const T0 = Date.UTC(2025, 11, 17, 4, 30, 0);

const instruments: Instrument[] = Array.from({ length: SYMBOLS }, (_, i) => ({
  exchange: 'NSE',
  symbolName: `BENCH${i}`,
  tradingSymbol: `BENCH${i}-EQ`,
  atSymbol: `BENCH${i}`,
  underlying: `BENCH${i}`,
  instrument: 'EQ',
  lotSize: 1,
  tickSize: 0.05,
  previousClose: 1000,
  description: `BENCH ${i}`,
  isin: '--',
  listingId: 900_000 + i,
  expiry: null,
  optionType: null,
  strike: null,
  freezeQuantity: EQUITY_FREEZE_QUANTITY,
}));

/** A seeded generator (mulberry32): the same walk on every run. */
function seeded(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LIMIT = { grossAvailableMargin: '1000000000.00', payInToday: '0.00', notionalCash: '1000000000.00', marginUsed: '0.00', netAvailableMargin: '1000000000.00' };

function build(gtts: number, brackets: number) {
  const clock = new SandboxClock();
  clock.set(T0);
  const domain = new SandboxDomain({ seed: 'bench-triggers', clock, store: new MemoryStore(), extraInstruments: instruments, rateLimits: false });
  const loaded = domain.load({
    accounts: Array.from({ length: ACCOUNTS }, (_, i) => ({
      uid: `BT${String(i).padStart(4, '0')}`,
      name: `Bench ${i}`,
      password: 'bench-pw',
      yob: '1990',
      mobile: '9876543210',
      email: `bt${i}@example.com`,
      limits: { equityLimit: LIMIT, commodityLimit: LIMIT },
    })),
  });
  if (!loaded.ok) throw new Error(loaded.error.code);
  const accounts = Array.from({ length: ACCOUNTS }, (_, i) => domain.accounts.get(`BT${String(i).padStart(4, '0')}`)!);
  const rng = seeded(1);
  const pick = (n: number) => Math.floor(rng() * n);
  for (let i = 0; i < gtts; i++) {
    const symbolName = `BENCH${i % SYMBOLS}`;
    const below = i % 2 === 0;
    const away = 1 + 0.02 + 0.08 * rng();
    const trigger = (Math.round((below ? 1000 / away : 1000 * away) * 20) / 20).toFixed(2);
    const r = domain.gtts.addGtt(accounts[i % ACCOUNTS]!.uid, {
      symbolName,
      transactionType: below ? 'BUY' : 'SELL',
      quantity: 1,
      productType: 'CNC',
      orderType: 'L',
      triggerPrice: trigger,
      limitPrice: trigger,
    });
    if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
  }
  for (let i = 0; i < brackets; i++) {
    const r = domain.bracketCover.placeBO(accounts[pick(ACCOUNTS)]!, {
      symbolName: `BENCH${i % SYMBOLS}`,
      transactionType: 'BUY',
      quantity: 1,
      price: '1000',
      squareOffValue: '50',
      stopLossValue: '50',
      trailingStopLoss: '5',
    });
    if (!r.ok || r.value.status !== 'COMPLETE') throw new Error('bracket entry did not fill');
  }
  return domain;
}

function walk(domain: SandboxDomain) {
  const rng = seeded(2);
  const prices = new Map<string, number>();
  const times: number[] = [];
  let fills = 0;
  for (let i = 0; i < CHANGES; i++) {
    const symbol = `BENCH${Math.floor(rng() * SYMBOLS)}`;
    const last = prices.get(symbol) ?? 1000;
    const next = Math.min(1150, Math.max(850, last * (1 + (rng() - 0.5) * 0.01)));
    prices.set(symbol, next);
    const t = performance.now();
    const r = domain.market.setPrice('NSE', symbol, next);
    times.push(performance.now() - t);
    if (r.ok) fills += r.value.fills;
  }
  times.sort((a, b) => a - b);
  const total = times.reduce((a, b) => a + b, 0);
  return { meanUs: (total / CHANGES) * 1000, p50Us: times[Math.floor(CHANGES / 2)]! * 1000, p99Us: times[Math.floor(CHANGES * 0.99)]! * 1000, perSecond: CHANGES / (total / 1000), fired: fills };
}

export type TriggerFigures = Array<{ name: string; meanUs: number; p50Us: number; p99Us: number; perSecond: number; fired: number; setupMs: number }>;

export function triggerBench(): TriggerFigures {
  const out: TriggerFigures = [];
  for (const [name, gtts, brackets] of [
    ['market only (500 symbols, nothing resting)', 0, 0],
    [`${GTTS.toLocaleString('en-US')} GTTs`, GTTS, 0],
    [`${BRACKETS.toLocaleString('en-US')} open BOs (2,000 legs)`, 0, BRACKETS],
    [`${GTTS.toLocaleString('en-US')} GTTs + ${BRACKETS.toLocaleString('en-US')} open BOs`, GTTS, BRACKETS],
  ] as const) {
    const t = performance.now();
    const domain = build(gtts, brackets);
    const setupMs = performance.now() - t;
    out.push({ name, setupMs, ...walk(domain) });
  }
  return out;
}

export function triggerTable(figures: TriggerFigures): string[] {
  const f = (n: number, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
  return [
    `Trigger path, in process: ${f(CHANGES)} price changes (random walk, ±0.5% a step) on random symbols of ${SYMBOLS}; triggers 2-10% away.`,
    '',
    '| resting | one price change: mean / p50 / p99 µs | changes/s sustained | fills+fired in the walk | setup ms |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...figures.map((x) => `| ${x.name} | ${f(x.meanUs, 1)} / ${f(x.p50Us, 1)} / ${f(x.p99Us, 1)} | ${f(x.perSecond)} | ${f(x.fired)} | ${f(x.setupMs)} |`),
  ];
}

if (process.argv[1] === fileURLToPath(import.meta.url)) for (const line of triggerTable(triggerBench())) console.log(line);
