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
