import type { RouteConfig } from '@hono/zod-openapi';

type Entry = { method: string; pattern: RegExp; route: RouteConfig | null };

/**
 * Which operation a method and path belong to: for 405 versus 404, for authentication first and
 * for response checking. Asked several times per request, so a path without parameters is one
 * Map look-up; only paths with parameters are matched against patterns.
 */
export class RouteTable {
  private readonly entries: Entry[] = [];
  private readonly parametric: Entry[] = [];
  private readonly exact = new Map<string, RouteConfig | null>();

  add(method: string, path: string, route: RouteConfig | null = null) {
    const source = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
    const entry = { method: method.toUpperCase(), pattern: new RegExp(`^${source}$`), route };
    this.entries.push(entry);
    const key = `${entry.method} ${path}`;
    if (source.includes('[^/]+')) this.parametric.push(entry);
    else if (!this.exact.has(key)) this.exact.set(key, route);
    return this;
  }

  find(method: string, path: string): RouteConfig | undefined {
    const exact = this.exact.get(`${method} ${path}`);
    if (exact !== undefined) return exact ?? undefined;
    return this.parametric.find((e) => e.method === method && e.pattern.test(path))?.route ?? undefined;
  }

  methodsFor(path: string): string[] {
    return [...new Set(this.entries.filter((e) => e.pattern.test(path)).map((e) => e.method))];
  }
}
