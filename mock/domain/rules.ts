import { APP_RULES } from '../../spec/schemas/apps.js';
import type { App } from './types.js';
import { fail, ok, type Result } from './result.js';

export { APP_RULES };

/** Characters a name may not hold: controls, invisible format marks (zero-width, direction), line/paragraph separators, private-use, unpaired surrogates and unassigned code points. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cs}\p{Cn}]/u;

/** The key two app names collide on: Unicode-normalised (NFKC: full-width and no-break forms fold), whitespace runs as one space, trimmed, lower-cased. */
export function appNameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/gu, ' ').trim().toLowerCase().normalize('NFKC');
}

export function checkAppName(raw: string): Result<string> {
  const name = raw.trim();
  if (name.length < APP_RULES.nameMin || name.length > APP_RULES.nameMax) {
    return fail('VALIDATION', `Invalid request: appName must be ${APP_RULES.nameMin}-${APP_RULES.nameMax} characters after trimming surrounding whitespace.`);
  }
  if (INVISIBLE.test(name)) return fail('INVALID_APP_NAME', 'App name must not contain control characters or invisible format characters (zero-width spaces, direction marks, soft hyphens).');
  return ok(name);
}

export function checkRedirectUrl(raw: string): Result<string> {
  const text = raw.trim();
  if (text.length === 0 || text.length > APP_RULES.redirectUrlMax) {
    return fail('INVALID_REDIRECT_URL', `Redirect URL must be 1-${APP_RULES.redirectUrlMax} characters.`);
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail('INVALID_REDIRECT_URL', 'Redirect URL is not a valid absolute URL.');
  }
  if (text.includes('#')) return fail('INVALID_REDIRECT_URL', 'Redirect URL must not contain a fragment (#...).');
  if (url.username || url.password) return fail('INVALID_REDIRECT_URL', 'Redirect URL must not contain a user name or password.');
  if (url.protocol === 'https:' && url.hostname) return ok(text);
  if (url.protocol === 'http:' && url.hostname === '127.0.0.1') return ok(text);
  if (url.protocol === 'http:') {
    return fail('INVALID_REDIRECT_URL', 'Redirect URL must use HTTPS; plain http is allowed only on 127.0.0.1 for local testing.');
  }
  return fail('INVALID_REDIRECT_URL', `Redirect URL must use HTTPS, not ${url.protocol.replace(':', '')}.`);
}

/** Whether `name` collides with another of the account's apps (deactivated apps keep their names). */
export function nameTaken(apps: readonly App[], name: string, exceptAppId: string | null = null): boolean {
  const key = appNameKey(name);
  return apps.some((app) => app.id !== exceptAppId && appNameKey(app.name) === key);
}

/** Every app counts toward the limit, deactivated ones included: there is no delete. */
export function limitReached(apps: readonly App[]): boolean {
  return apps.length >= APP_RULES.maxApps;
}
