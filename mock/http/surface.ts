/** Which API a path belongs to decides the shape of its failures: Samco's envelope, AutoTrader's, or OAuth's. */
const AUTOTRADER_PREFIXES = ['/trading/', '/account/', '/autotrader/'];

export function isAutoTraderPath(path: string): boolean {
  return AUTOTRADER_PREFIXES.some((prefix) => path.startsWith(prefix));
}

export const OAUTH_METADATA_PATH = '/.well-known/oauth-authorization-server';

export function isOAuthPath(path: string): boolean {
  return path.startsWith('/oauth/') || path === OAUTH_METADATA_PATH;
}
