import type { BasicCredentials } from '../domain/oauth.js';

const formDecode = (text: string) => decodeURIComponent(text.replace(/\+/g, ' '));

/**
 * OAuth client credentials from `Authorization: Basic ...` (RFC 6749 2.3.1: client_id and
 * client_secret are form-encoded, joined by a colon, then base64-encoded). Any other
 * Authorization header is malformed for a client: it cannot authenticate one.
 */
export function basicCredentials(authorization: string | undefined): BasicCredentials {
  if (authorization === undefined) return null;
  const match = /^Basic +([A-Za-z0-9+/]+={0,2})$/i.exec(authorization.trim());
  if (!match) return 'malformed';
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return 'malformed';
  try {
    return { clientId: formDecode(decoded.slice(0, colon)), clientSecret: formDecode(decoded.slice(colon + 1)) };
  } catch {
    return 'malformed';
  }
}
