import { buildApp } from './app';
import { openContext } from './bootstrap';
import { parseConfig } from './config';
import type { Config } from './config';
import type { AppContext } from './context';
import { userMessage } from './errors/user-message';
import { createLogger } from './logger';
import { seedDemoIfEmpty } from './services/demo.service';
import { calendarHealth } from './services/health.service';
import { startPublicityJob } from './services/publicity/expiry.job';

// Entry of `npm start` (bin/start.mjs). Known start-up failures print one Chinese line, no stack.
function fail(err: unknown): never {
  const message = userMessage(err);
  if (message) process.stderr.write(`${message}\n`);
  else process.stderr.write(`启动失败：${err instanceof Error ? err.message : String(err)}（设置 LOG_LEVEL=debug 查看详情）\n`);
  process.exit(1);
}

/** Why the HTTP port could not be opened, in Chinese; undefined for any other failure. */
function listenFailure(err: unknown, host: string, port: number): string | undefined {
  switch ((err as { code?: unknown } | null)?.code) {
    case 'EADDRINUSE':
      return `端口 ${port} 已被占用（${host}）：可能已有一个 PubCredit 在运行；请先停止占用该端口的程序，或用 PORT 指定其他端口`;
    case 'EACCES':
      return `没有权限监听端口 ${port}（${host}）：1024 以下的端口需要管理员权限；请用 PORT 指定 1024 以上的端口`;
    case 'EADDRNOTAVAIL':
      return `本机没有地址 ${host}，无法监听：请检查 HOST`;
    default:
      return undefined;
  }
}

async function start(config: Config): Promise<void> {
  const log = createLogger(config.logLevel);
  let ctx: AppContext;
  try {
    ctx = await openContext(config, `pubcredit server on :${config.port}`, { log, server: true });
  } catch (err) {
    log.debug({ err }, 'open failed');
    fail(err);
  }
  if (config.databaseUrl === undefined && config.seedDemo) {
    // The demo is a convenience: failing to load it must not keep the platform from starting.
    await seedDemoIfEmpty(ctx).catch((err: unknown) => {
      log.warn({ err }, 'demo data not loaded');
      process.stderr.write(`演示数据未能载入：${userMessage(err) ?? '内部错误'}（可稍后运行 pubcredit demo load）\n`);
    });
  }

  const app = await buildApp(ctx, {
    http: { cookieSecure: config.cookieSecure, trustProxy: config.trustProxy, rateLimit: config.rateLimit, loginRateLimit: config.loginRateLimit },
  });
  // Ends publicity at maxUntil (and fills periods missing on old records): at start, then hourly.
  const publicityJob = startPublicityJob(ctx);
  let closing = false;
  const close = async (signal: string): Promise<void> => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'shutting down');
    await publicityJob.stop();
    await app.close();
    await ctx.db.close(); // releases the data-dir lock
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err) {
    const why = listenFailure(err, config.host, config.port);
    if (!why) throw err;
    await publicityJob.stop();
    await ctx.db.close(); // releases the data-dir lock
    process.stderr.write(`${why}\n`);
    process.exit(1);
  }
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}/`;
  log.info({ url, engine: ctx.db.engine }, 'PubCredit listening');
  process.stderr.write(`PubCredit 已启动：${url} （接口文档 ${url}docs）\n`);
  // A year about to begin (or begun) without its official calendar: said at start, and by /api/v1/health.
  const calendar = await calendarHealth(ctx);
  if (calendar.message) {
    log.warn({ calendar: { status: calendar.status, missingYear: calendar.missingYear } }, 'working-day calendar: a year is not loaded');
    process.stderr.write(`注意：${calendar.message}\n`);
  }
}

let config: Config;
try {
  config = parseConfig();
} catch (err) {
  fail(err);
}
await start(config).catch(fail);
