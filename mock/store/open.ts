import type { Durability } from '../domain/store.js';

type Engine = { new (where: string): Durability };

/**
 * The durable engine for a start-up option: the embedded database for `state`, PostgreSQL for
 * `databaseUrl`. Imported on demand, so that a sandbox kept in memory loads neither driver.
 */
export async function openDurability(where: { state?: string; databaseUrl?: string }): Promise<Durability> {
  if (where.state && where.databaseUrl) throw new Error('give --state or --database-url, not both');
  // The adapters' modules are named at run time: they land in a following commit.
  const load = async (file: string, name: string) => ((await import(`./${file}.js`)) as Record<string, Engine>)[name]!;
  if (where.databaseUrl) return new (await load('postgres-durability', 'PostgresDurability'))(where.databaseUrl);
  return new (await load('sqlite-durability', 'SqliteDurability'))(where.state!);
}
