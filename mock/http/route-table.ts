import type { RouteConfig } from '@hono/zod-openapi';

type Entry = { method: string; pattern: RegExp; route: RouteConfig | null };

/** Which operation a method and path belong to: for 405 versus 404, and for response checking. */
export class RouteTable {
  private readonly entries: Entry[] = [];

  add(method: string, path: string, route: RouteConfig | null = null) {
    const source = path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
    this.entries.push({ method: method.toUpperCase(), pattern: new RegExp(`^${source}$`), route });
    return this;
  }

  find(method: string, path: string): RouteConfig | undefined {
    return this.entries.find((e) => e.method === method && e.pattern.test(path))?.route ?? undefined;
  }

  methodsFor(path: string): string[] {
    return [...new Set(this.entries.filter((e) => e.pattern.test(path)).map((e) => e.method))];
  }
}
