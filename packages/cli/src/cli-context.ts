import type * as Server from '@pubcredit/server';
import type { AppContext } from '@pubcredit/server';

/** The server package's exports, loaded lazily by {@link withContext}. */
export type ServerModule = typeof Server;

/**
 * Opens the same context as the server (config from the environment, migrations, data keys, the
 * data-dir lock in the command's name), runs fn, and always closes it. Logs go to stderr so
 * stdout carries only the command's output (e.g. one JSON object). The server package is loaded
 * here, not at start-up, so `--help` stays instant.
 */
export async function withContext<T>(command: string, fn: (ctx: AppContext, server: ServerModule) => Promise<T>): Promise<T> {
  const server = await import('@pubcredit/server');
  const config = server.parseConfig();
  const log = server.createLogger(process.env.LOG_LEVEL ? config.logLevel : 'warn', 2);
  const ctx = await server.openContext(config, `pubcredit ${command} (pid ${process.pid})`, { log });
  try {
    return await fn(ctx, server);
  } finally {
    await ctx.db.close();
  }
}
