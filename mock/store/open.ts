import type { Durability } from '../domain/store.js';

/**
 * The durable engine for a start-up option: SQLite for `state`, PostgreSQL for `databaseUrl`.
 * Imported on demand, so that a sandbox kept in memory loads neither driver.
 */
export async function openDurability(where: { state?: string; databaseUrl?: string }): Promise<Durability> {
  if (where.state && where.databaseUrl) throw new Error('give --state or --database-url, not both');
  if (where.databaseUrl) {
    const { PostgresDurability } = await import('./postgres-durability.js');
    return new PostgresDurability(where.databaseUrl);
  }
  const { SqliteDurability } = await import('./sqlite-durability.js');
  return new SqliteDurability(where.state!);
}
