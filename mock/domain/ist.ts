/** India Standard Time is UTC+05:30 all year (no daylight saving). */
export const IST_OFFSET_MS = 5.5 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const EIGHT_AM_MS = 8 * 60 * 60 * 1000;

const two = (n: number) => String(n).padStart(2, '0');

/** `dd/MM/yy HH:mm:ss` in IST, the envelope's serverTime. */
export function formatServerTime(ms: number): string {
  const d = new Date(ms + IST_OFFSET_MS);
  return `${two(d.getUTCDate())}/${two(d.getUTCMonth() + 1)}/${two(d.getUTCFullYear() % 100)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

/** The first 08:00 IST strictly after `ms`: when every session token issued at `ms` expires. */
export function next0800Ist(ms: number): number {
  const istMs = ms + IST_OFFSET_MS;
  const istMidnight = Math.floor(istMs / DAY_MS) * DAY_MS;
  let expiry = istMidnight + EIGHT_AM_MS;
  if (expiry <= istMs) expiry += DAY_MS;
  return expiry - IST_OFFSET_MS;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The IST calendar and clock parts of an instant. */
function istParts(ms: number) {
  const d = new Date(ms + IST_OFFSET_MS);
  return { day: two(d.getUTCDate()), month: d.getUTCMonth(), year: d.getUTCFullYear(), h: d.getUTCHours(), m: two(d.getUTCMinutes()), s: two(d.getUTCSeconds()) };
}

/** The formats Samco's order answers use, each in IST. */
export const IST_FORMATS = {
  /** placeOrder / getOrderStatus orderTime: `22/05/2024 17:17:15`. */
  slashed: (ms: number) => {
    const p = istParts(ms);
    return `${p.day}/${two(p.month + 1)}/${p.year} ${two(p.h)}:${p.m}:${p.s}`;
  },
  /** Order book and trade book orderTime: `06-Dec-2019 13:47:04`. */
  dashed: (ms: number) => {
    const p = istParts(ms);
    return `${p.day}-${MONTHS[p.month]}-${p.year} ${two(p.h)}:${p.m}:${p.s}`;
  },
  /** Trade book tradeDate: `06DEC2019`. */
  compactDate: (ms: number) => {
    const p = istParts(ms);
    return `${p.day}${MONTHS[p.month]!.toUpperCase()}${p.year}`;
  },
  /** Trade book tradeTime: `02:14:47 PM`. */
  clock12: (ms: number) => {
    const p = istParts(ms);
    return `${two(p.h % 12 === 0 ? 12 : p.h % 12)}:${p.m}:${p.s} ${p.h < 12 ? 'AM' : 'PM'}`;
  },
  /** Trade book exchangeConfirmationTime: `14:14:47`. */
  clock24: (ms: number) => {
    const p = istParts(ms);
    return `${two(p.h)}:${p.m}:${p.s}`;
  },
  /** Order numbers start with the IST date: `240522` for 22 May 2024. */
  orderDate: (ms: number) => {
    const p = istParts(ms);
    return `${two(p.year % 100)}${two(p.month + 1)}${p.day}`;
  },
} as const;

/** The IST calendar day of an instant, as a number: equal for two instants of the same IST day. */
export function istDay(ms: number): number {
  return Math.floor((ms + IST_OFFSET_MS) / DAY_MS);
}
