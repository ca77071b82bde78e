/** Which API a path belongs to decides the shape of its failures: Samco's envelope or AutoTrader's. */
const AUTOTRADER_PREFIXES = ['/trading/', '/account/', '/autotrader/'];

export function isAutoTraderPath(path: string): boolean {
  return AUTOTRADER_PREFIXES.some((prefix) => path.startsWith(prefix));
}
