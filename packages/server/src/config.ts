import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Settings read once from the environment at start-up. */
export interface Config {
  port: number;
  host: string;
  /** PostgreSQL server; when absent the embedded engine (PGlite) stores data in {@link Config.dataDir}. */
  databaseUrl: string | undefined;
  /** Absolute path of the data directory (embedded database, lock file, generated master key). */
  dataDir: string;
  /**
   * Absolute path of the directory of the audit spool (entries the database refused, replayed once
   * it accepts writes): the data directory on the embedded engine; PUBCREDIT_AUDIT_SPOOL_DIR on
   * the server engine, by default a directory of its own per database under the data directory
   * ({@link defaultServerSpoolDir}).
   */
  auditSpoolDir: string;
  logLevel: LogLevel;
  /** base64 master key (PUBCREDIT_DATA_KEY); never logged. */
  dataKey: string | undefined;
  keyFile: string | undefined;
  /** Load the demo data set on the first start of the embedded engine (PUBCREDIT_DEMO=0 turns it off). */
  seedDemo: boolean;
  /** Mark the session cookie Secure even when the request reached us over plain HTTP (TLS ends at a proxy). */
  cookieSecure: boolean;
  /** Fastify's trustProxy: which X-Forwarded-* to believe for the client address and protocol. */
  trustProxy: boolean | string;
  /** Requests per minute per client on public and credit-check routes; 0 turns the limit off. */
  rateLimit: number;
  /** Login attempts per minute per client; 0 turns the limit off. */
  loginRateLimit: number;
  /** Public base URL of the portal (PUBCREDIT_PUBLIC_URL, no trailing slash): report QR codes and 信用码 point under it. */
  publicUrl: string;
  /** PEM file of the Ed25519 key that signs credit reports (PUBCREDIT_SIGNING_KEY_FILE); see services/report/signing-key.ts. */
  signingKeyFile: string | undefined;
  /** PEM file of retired report-signing keys that still verify the reports they signed (PUBCREDIT_SIGNING_RETIRED_KEYS). */
  signingRetiredKeysFile: string | undefined;
}

/** The part of {@link Config} the HTTP app reads (buildApp). */
export type HttpSettings = Pick<Config, 'cookieSecure' | 'trustProxy' | 'rateLimit' | 'loginRateLimit'>;

export const DEFAULT_HTTP_SETTINGS: HttpSettings = { cookieSecure: false, trustProxy: false, rateLimit: 300, loginRateLimit: 30 };

/** Bad configuration: the message is bilingual and meant to be printed as is. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

const nonEmpty = (v: string | undefined): string | undefined => (v && v.trim() !== '' ? v.trim() : undefined);

function parsePort(raw: string | undefined): number {
  if (raw === undefined) return 8080;
  const port = Number(raw);
  if (!/^\d+$/.test(raw) || port < 1 || port > 65535) {
    throw new ConfigError(`PORT 应为 1–65535 之间的整数，实为 "${raw}"（PORT must be an integer 1–65535）`);
  }
  return port;
}

function parseLogLevel(raw: string | undefined): LogLevel {
  if (raw === undefined) return 'info';
  const level = LOG_LEVELS.find((l) => l === raw.toLowerCase());
  if (!level) {
    throw new ConfigError(`LOG_LEVEL 应为 ${LOG_LEVELS.join('|')} 之一，实为 "${raw}"（invalid LOG_LEVEL）`);
  }
  return level;
}

function parseDatabaseUrl(raw: string | undefined): string | undefined {
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError('DATABASE_URL 不是有效的连接串（DATABASE_URL is not a valid URL）');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    throw new ConfigError('DATABASE_URL 应以 postgres:// 开头（DATABASE_URL must start with postgres://）');
  }
  return raw;
}

function parseFlag(name: string, raw: string | undefined, fallback: boolean): boolean {
  if (raw === undefined) return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name} 应为 1 或 0，实为 "${raw}"（${name} must be 1 or 0）`);
}

function parseCount(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} 应为非负整数，实为 "${raw}"（${name} must be a non-negative integer）`);
  return Number(raw);
}

/**
 * true (believe any X-Forwarded-For: only when nothing but the proxy can reach the port), false,
 * or the comma-separated addresses or CIDR ranges of the proxies (Fastify's trustProxy).
 */
function parseTrustProxy(raw: string | undefined): boolean | string {
  if (raw === undefined) return false;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  return raw;
}

function parsePublicUrl(raw: string | undefined, port: number): string {
  if (raw === undefined) return `http://localhost:${port}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`PUBCREDIT_PUBLIC_URL 不是有效的网址，实为 "${raw}"（PUBCREDIT_PUBLIC_URL is not a valid URL）`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError('PUBCREDIT_PUBLIC_URL 应以 http:// 或 https:// 开头（PUBCREDIT_PUBLIC_URL must be http(s)://）');
  }
  return raw.replace(/\/+$/, '');
}

/**
 * The server engine's default spool directory: `<data dir>/audit-spool/<host>-<port>-<database>-<hash>`,
 * one per database (the hash covers the whole address but the password: user, schema options). So
 * an embedded engine in the same data directory, or a server pointed at another database, never
 * replays entries into the wrong trail.
 * @example defaultServerSpoolDir('/srv/p', 'postgres://u:pw@db/credit') // '/srv/p/audit-spool/db-5432-credit-…'
 */
export function defaultServerSpoolDir(dataDir: string, databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.password = '';
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || 'postgres';
  const readable = `${url.hostname || 'localhost'}-${url.port || '5432'}-${database}`.replace(/[^\w.-]+/g, '_');
  const hash = createHash('sha256').update(url.toString()).digest('hex').slice(0, 8);
  return join(dataDir, 'audit-spool', `${readable}-${hash}`);
}

/** Where the audit spool lives (see {@link Config.auditSpoolDir}). */
function parseAuditSpoolDir(raw: string | undefined, databaseUrl: string | undefined, dataDir: string): string {
  if (raw === undefined) return databaseUrl === undefined ? dataDir : defaultServerSpoolDir(dataDir, databaseUrl);
  if (databaseUrl === undefined) {
    throw new ConfigError(
      `PUBCREDIT_AUDIT_SPOOL_DIR 只用于 PostgreSQL（设置了 DATABASE_URL 时）：内嵌数据库的审计暂存文件固定在数据目录 ${dataDir}，请去掉该设置` +
        '（PUBCREDIT_AUDIT_SPOOL_DIR applies to the server engine only）',
    );
  }
  const dir = resolve(raw);
  let isFile = false;
  try {
    isFile = !statSync(dir).isDirectory();
  } catch {
    // Not there yet: created when the server starts.
  }
  if (isFile) {
    throw new ConfigError(`PUBCREDIT_AUDIT_SPOOL_DIR 应为一个目录，而 ${dir} 是一个文件（PUBCREDIT_AUDIT_SPOOL_DIR must be a directory）`);
  }
  return dir;
}

/**
 * Parses the environment once; throws {@link ConfigError} with a bilingual message on bad values.
 * @example parseConfig({ PORT: '3000' }).port // 3000
 */
export function parseConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const databaseUrl = parseDatabaseUrl(nonEmpty(env.DATABASE_URL));
  const dataDir = resolve(nonEmpty(env.PUBCREDIT_DATA_DIR) ?? './data');
  return {
    port: parsePort(nonEmpty(env.PORT)),
    host: nonEmpty(env.HOST) ?? '0.0.0.0',
    databaseUrl,
    dataDir,
    auditSpoolDir: parseAuditSpoolDir(nonEmpty(env.PUBCREDIT_AUDIT_SPOOL_DIR), databaseUrl, dataDir),
    logLevel: parseLogLevel(nonEmpty(env.LOG_LEVEL)),
    dataKey: nonEmpty(env.PUBCREDIT_DATA_KEY),
    keyFile: nonEmpty(env.PUBCREDIT_KEY_FILE),
    seedDemo: nonEmpty(env.PUBCREDIT_DEMO) !== '0',
    cookieSecure: parseFlag('PUBCREDIT_COOKIE_SECURE', nonEmpty(env.PUBCREDIT_COOKIE_SECURE), DEFAULT_HTTP_SETTINGS.cookieSecure),
    trustProxy: parseTrustProxy(nonEmpty(env.PUBCREDIT_TRUST_PROXY)),
    rateLimit: parseCount('PUBCREDIT_RATE_LIMIT', nonEmpty(env.PUBCREDIT_RATE_LIMIT), DEFAULT_HTTP_SETTINGS.rateLimit),
    loginRateLimit: parseCount('PUBCREDIT_LOGIN_RATE_LIMIT', nonEmpty(env.PUBCREDIT_LOGIN_RATE_LIMIT), DEFAULT_HTTP_SETTINGS.loginRateLimit),
    publicUrl: parsePublicUrl(nonEmpty(env.PUBCREDIT_PUBLIC_URL), parsePort(nonEmpty(env.PORT))),
    signingKeyFile: nonEmpty(env.PUBCREDIT_SIGNING_KEY_FILE),
    signingRetiredKeysFile: nonEmpty(env.PUBCREDIT_SIGNING_RETIRED_KEYS),
  };
}
