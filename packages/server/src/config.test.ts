import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './config';

describe('parseConfig', () => {
  it('applies the defaults', () => {
    expect(parseConfig({})).toEqual({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: undefined,
      dataDir: resolve('./data'),
      logLevel: 'info',
      dataKey: undefined,
      keyFile: undefined,
      seedDemo: true,
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
    });
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: 'postgres://u@db:5432/credit', dataDir: '/srv/pubcredit', logLevel: 'warn', seedDemo: false });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ PORT: '70000' }, /PORT/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
    [{ DATABASE_URL: 'mysql://x' }, /postgres:\/\//],
    [{ DATABASE_URL: 'not a url' }, /DATABASE_URL/],
  ])('refuses %j with a bilingual message', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });
});
