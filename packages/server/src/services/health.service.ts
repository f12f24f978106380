import { readDatabaseLocale } from '@pubcredit/db';
import type { AppContext } from '../context';
import type { Health } from '../schemas/health.schema';
import { SERVER_VERSION } from '../version';

/** Liveness with the facts an operator checks first: engine, version, database locale. */
export async function getHealth(ctx: AppContext): Promise<Health> {
  const database = await readDatabaseLocale(ctx.db);
  return { status: 'ok', engine: ctx.db.engine, version: SERVER_VERSION, database, time: ctx.now().toISOString() };
}
