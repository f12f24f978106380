import type * as Server from '@pubcredit/server';
import type { AppContext } from '@pubcredit/server';

/** The server package's exports, loaded lazily by {@link withContext}. */
export type ServerModule = typeof Server;

/** How a command that changes data (or reads personal data) is entered in the audit trail. */
export interface CliAudit<T> {
  /** e.g. 'department.create', named like the API's action for the same change. */
  action: string;
  target?: string;
  details?: Record<string, unknown>;
  /** Facts of the result worth keeping (ids, counts), never a secret such as a new API key. */
  result?: (result: T) => Record<string, unknown>;
}

/**
 * Opens the same context as the server (config from the environment, migrations, data keys, the
 * data-dir lock in the command's name), runs fn, and always closes it. Logs go to stderr so
 * stdout carries only the command's output (e.g. one JSON object). The server package is loaded
 * here, not at start-up, so `--help` stays instant.
 *
 * With `audit`, the run is recorded in the audit trail as done by the OS user (actor kind 'cli'),
 * whether it succeeds (status 0) or fails (status 1, with the error code).
 */
export async function withContext<T>(
  command: string,
  fn: (ctx: AppContext, server: ServerModule) => Promise<T>,
  audit?: CliAudit<T>,
): Promise<T> {
  const server = await import('@pubcredit/server');
  const config = server.parseConfig();
  const log = server.createLogger(process.env.LOG_LEVEL ? config.logLevel : 'warn', 2);
  const ctx = await server.openContext(config, `pubcredit ${command} (pid ${process.pid})`, { log });
  try {
    let result: T;
    try {
      result = await fn(ctx, server);
    } catch (err) {
      if (audit) {
        const error = server.errorCode(err) ?? (err instanceof Error ? err.name : 'Error');
        await record(server, ctx, command, audit, 'error', { error }).catch((auditErr: unknown) => {
          log.error({ err: auditErr }, 'audit entry of a failed command not written');
        });
      }
      throw err;
    }
    if (audit) await record(server, ctx, command, audit, 'success', audit.result?.(result) ?? {});
    return result;
  } finally {
    await ctx.db.close();
  }
}

async function record<T>(
  server: ServerModule,
  ctx: AppContext,
  command: string,
  audit: CliAudit<T>,
  outcome: 'success' | 'error',
  facts: Record<string, unknown>,
): Promise<void> {
  await server.recordAudit(ctx, {
    actor: server.cliActor(),
    action: audit.action,
    target: audit.target ?? null,
    client: { ip: null, userAgent: `pubcredit-cli/0.1.0 (${command}; pid ${process.pid})` },
    outcome,
    status: outcome === 'success' ? 0 : 1,
    details: { command, ...audit.details, ...facts },
  });
}
