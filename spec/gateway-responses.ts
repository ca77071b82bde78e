/**
 * What a gateway in front of the real service answers, beside the service's own answers: 502,
 * 503 and 504 with an HTML page, and 429 with Retry-After (HTML too). Samco and AutoTrader publish
 * none of these, yet every client meets them; the sandbox sends them only when a fault rule says
 * so (see /__sandbox/faults). Added to every operation of the emulated APIs, none of the sandbox's own.
 */
const OWN_TAGS = ['Sandbox', 'Dashboard'];
const html = { 'text/html': { schema: { type: 'string', description: "The gateway's HTML page (not JSON)" } } };
const GATEWAY: Record<string, string> = {
  '502': 'Bad Gateway, from a gateway in front of the service: an HTML page, not JSON. Whether the operation was applied is unknown to the client.',
  '503': 'Service Unavailable, from a gateway in front of the service: an HTML page, not JSON.',
  '504': 'Gateway Timeout: the gateway stopped waiting for the service, which may still have applied the operation. An HTML page, not JSON.',
};
const RETRY_AFTER = { 'Retry-After': { description: 'Seconds to wait before retrying', schema: { type: 'integer', minimum: 0 } } };

type Response = { description: string; content?: Record<string, unknown>; headers?: Record<string, unknown> };
type Operation = { tags?: string[]; responses?: Record<string, Response> };
export function addGatewayResponses<T extends { paths?: object }>(doc: T): T {
  for (const methods of Object.values((doc.paths ?? {}) as Record<string, Record<string, Operation>>)) {
    for (const op of Object.values(methods)) {
      if (!op.responses || op.tags?.some((t) => OWN_TAGS.includes(t))) continue;
      for (const [status, description] of Object.entries(GATEWAY)) op.responses[status] ??= { description, content: html };
      const limited = op.responses['429'];
      if (limited) {
        limited.content = { ...limited.content, ...html };
        limited.headers = { ...limited.headers, ...RETRY_AFTER };
      } else {
        op.responses['429'] = { description: 'Too Many Requests, from a gateway in front of the service: an HTML page, with Retry-After', content: html, headers: RETRY_AFTER };
      }
    }
  }
  return doc;
}
