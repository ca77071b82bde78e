/** A method and path pattern, as fault rules and journal verification take them. */
export type RequestPattern = { method?: string | undefined; path: string };

/**
 * `{name}` matches one path segment, `*` any run of characters (slashes included), anything else
 * itself: `/order/*` matches every order call, `/order/modifyOrder/{orderNumber}` one operation.
 */
export function compilePath(pattern: string): RegExp {
  const source = pattern
    .split(/(\{[^}]+\}|\*)/)
    .map((part) => (part === '*' ? '.*' : /^\{[^}]+\}$/.test(part) ? '[^/]+' : part.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

export function compileMatcher(pattern: RequestPattern): (method: string, path: string) => boolean {
  const method = !pattern.method || pattern.method === '*' ? null : pattern.method.toUpperCase();
  const path = compilePath(pattern.path);
  return (m, p) => (method === null || m.toUpperCase() === method) && path.test(p);
}
