import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';

describe('parseConfig', () => {
  it('applies the defaults', () => {
    expect(parseConfig({})).toEqual({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: undefined,
      dataDir: resolve('./data'),
      auditSpoolDir: resolve('./data'),
      logLevel: 'info',
      dataKey: undefined,
      keyFile: undefined,
      seedDemo: true,
      cookieSecure: false,
      trustProxy: false,
      rateLimit: 300,
      loginRateLimit: 30,
      publicUrl: 'http://localhost:8080',
      signingKeyFile: undefined,
      signingRetiredKeysFile: undefined,
    });
  });

  it('reads every setting', () => {
    const config = parseConfig({
      PORT: '3000',
      HOST: '127.0.0.1',
      DATABASE_URL: 'postgres://u@db:5432/credit',
      PUBCREDIT_DATA_DIR: '/srv/pubcredit',
      LOG_LEVEL: 'WARN',
      PUBCREDIT_DEMO: '0',
      PUBCREDIT_COOKIE_SECURE: '1',
      PUBCREDIT_TRUST_PROXY: '10.0.0.1,10.0.0.2',
      PUBCREDIT_RATE_LIMIT: '0',
      PUBCREDIT_LOGIN_RATE_LIMIT: '5',
    });
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: 'postgres://u@db:5432/credit', dataDir: '/srv/pubcredit', logLevel: 'warn', seedDemo: false });
    expect(config).toMatchObject({ cookieSecure: true, trustProxy: '10.0.0.1,10.0.0.2', rateLimit: 0, loginRateLimit: 5 });
    expect(parseConfig({ PUBCREDIT_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(parseConfig({ PUBCREDIT_TRUST_PROXY: '0' }).trustProxy).toBe(false);
  });

  it('keeps the audit spool in the data directory, or on the server engine in PUBCREDIT_AUDIT_SPOOL_DIR', () => {
    expect(parseConfig({ PUBCREDIT_DATA_DIR: '/srv/pubcredit' }).auditSpoolDir).toBe('/srv/pubcredit');
    const server = { DATABASE_URL: 'postgres://u@db/credit', PUBCREDIT_DATA_DIR: '/srv/pubcredit' };
    // By default one directory per database, apart from an embedded engine's spool in the same data directory.
    const own = parseConfig(server).auditSpoolDir;
    expect(own).toMatch(/^\/srv\/pubcredit\/audit-spool\/db-5432-credit-[0-9a-f]{8}$/);
    expect(parseConfig({ ...server, DATABASE_URL: 'postgres://u:secret@db/credit' }).auditSpoolDir).toBe(own); // the password is not part of it
    expect(parseConfig({ ...server, DATABASE_URL: 'postgres://u@db/credit?options=-c%20search_path%3Dother' }).auditSpoolDir).not.toBe(own);
    expect(parseConfig({ ...server, DATABASE_URL: 'postgres://u@db2:6432/credit' }).auditSpoolDir).toMatch(/\/db2-6432-credit-[0-9a-f]{8}$/);
    expect(parseConfig({ ...server, PUBCREDIT_AUDIT_SPOOL_DIR: '/var/spool/pubcredit' }).auditSpoolDir).toBe('/var/spool/pubcredit');
    expect(parseConfig({ ...server, PUBCREDIT_AUDIT_SPOOL_DIR: 'spool' }).auditSpoolDir).toBe(resolve('spool'));
  });

  it('refuses an audit spool directory on the embedded engine, or one that is a file', () => {
    expect(() => parseConfig({ PUBCREDIT_DATA_DIR: '/srv/pubcredit', PUBCREDIT_AUDIT_SPOOL_DIR: '/var/spool/pubcredit' })).toThrow(
      /^PUBCREDIT_AUDIT_SPOOL_DIR 只用于 PostgreSQL（设置了 DATABASE_URL 时）：内嵌数据库的审计暂存文件固定在数据目录 \/srv\/pubcredit/,
    );
    const file = fileURLToPath(import.meta.url);
    expect(() => parseConfig({ DATABASE_URL: 'postgres://u@db/credit', PUBCREDIT_AUDIT_SPOOL_DIR: file })).toThrow(
      `PUBCREDIT_AUDIT_SPOOL_DIR 应为一个目录，而 ${file} 是一个文件`,
    );
  });

  it('takes the public base URL from PUBCREDIT_PUBLIC_URL (no trailing slash), else localhost on PORT', () => {
    expect(parseConfig({ PORT: '3000' }).publicUrl).toBe('http://localhost:3000');
    expect(parseConfig({ PUBCREDIT_PUBLIC_URL: 'https://credit.pds.gov.cn/' }).publicUrl).toBe('https://credit.pds.gov.cn');
    expect(parseConfig({ PUBCREDIT_SIGNING_KEY_FILE: '/etc/pubcredit/signing.pem' }).signingKeyFile).toBe('/etc/pubcredit/signing.pem');
    expect(parseConfig({ PUBCREDIT_SIGNING_RETIRED_KEYS: '/etc/pubcredit/retired.pem' }).signingRetiredKeysFile).toBe('/etc/pubcredit/retired.pem');
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ DATABASE_URL: 'mysql://x' }, /postgres:\/\//],
    [{ DATABASE_URL: 'not a url' }, /DATABASE_URL/],
    [{ PUBCREDIT_COOKIE_SECURE: 'maybe' }, /PUBCREDIT_COOKIE_SECURE/],
    [{ PUBCREDIT_RATE_LIMIT: '-1' }, /PUBCREDIT_RATE_LIMIT/],
    [{ PUBCREDIT_PUBLIC_URL: 'credit.pds.gov.cn' }, /PUBCREDIT_PUBLIC_URL/],
    [{ PUBCREDIT_PUBLIC_URL: 'ftp://credit.pds.gov.cn' }, /PUBCREDIT_PUBLIC_URL/],
  ])('refuses %j with a bilingual message', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });
});
