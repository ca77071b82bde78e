/** Which API a path belongs to decides the shape of its failures: Samco's envelope, AutoTrader's, OAuth's, or one of the published special cases. */
const AUTOTRADER_PREFIXES = ['/trading/', '/account/', '/autotrader/'];

export function isAutoTraderPath(path: string): boolean {
  return AUTOTRADER_PREFIXES.some((prefix) => path.startsWith(prefix));
}

export type FailureShape = 'samco' | 'autotrader' | 'oauth' | 'bare' | 'validation';

/** Paths whose published failure samples differ from the usual envelope. */
const SPECIAL: Record<string, FailureShape> = {
  '/session/token': 'bare',
  '/webSecretCodeValidation': 'validation',
};

export function failureShape(path: string): FailureShape {
  if (isAutoTraderPath(path)) return 'autotrader';
  if (path.startsWith('/oauth/')) return 'oauth';
  return SPECIAL[path] ?? 'samco';
}

/** The sandbox's own JSON APIs (the dashboard's endpoints, the control API): strict, unlike Samco's operations. */
export function isSandboxDesignedPath(path: string): boolean {
  return path.startsWith('/app/api/') || path.startsWith('/__sandbox/');
}
