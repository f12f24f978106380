import { randomBytes } from 'node:crypto';
import { createTestDatabase } from '@pubcredit/db/testing';
import type { Engine } from '@pubcredit/db';
import pino from 'pino';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../src/app';
import type { BuildAppOptions } from '../src/app';
import type { AppContext } from '../src/context';
import { createDataKeys } from '../src/crypto/data-keys';

/** A context on a fresh migrated database of the engine, with throwaway keys and a silent log. */
export async function createTestContext(engine: Engine): Promise<AppContext> {
  const db = await createTestDatabase(engine);
  return { db, keys: createDataKeys(randomBytes(32)), now: () => new Date(), log: pino({ level: 'silent' }) };
}

/** The app on a test context; the web dist is pointed at nothing so the placeholder page is served. */
export function createTestApp(ctx: AppContext, opts: BuildAppOptions = {}): Promise<FastifyInstance> {
  return buildApp(ctx, { webDist: '/nonexistent', ...opts });
}
