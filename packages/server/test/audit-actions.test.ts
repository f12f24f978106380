import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AUDIT_ACTION_NAMES } from '@pubcredit/domain';
import { describe, expect, it } from 'vitest';

const packages = fileURLToPath(new URL('../../', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return sources(path);
    return /\.ts$/.test(d.name) && !/\.test\.ts$/.test(d.name) ? [path] : [];
  });
}

/** Every `action: 'a.b'` written in the server's and the CLI's sources: the codes they record. */
function recordedActions(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of [...sources(join(packages, 'server/src')), ...sources(join(packages, 'cli/src'))]) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\baction:\s*'([a-z_]+(?:\.[a-z_]+)+)'/g)) {
      found.set(m[1]!, file.slice(packages.length));
    }
  }
  return found;
}

describe('audit action names (the console, the CLI and the export show them)', () => {
  const recorded = recordedActions();

  it('finds the codes in the sources (the scan itself works)', () => {
    expect(recorded.get('batch.upload')).toMatch(/^server\//);
    expect(recorded.get('batch.import')).toMatch(/^cli\//);
    expect(recorded.size).toBeGreaterThan(30);
  });

  it('has a Chinese name for every code a route or command records', () => {
    const unnamed = [...recorded].filter(([code]) => !(code in AUDIT_ACTION_NAMES)).map(([code, file]) => `${code} (${file})`);
    expect(unnamed).toEqual([]);
  });

  it('names no code that nothing records any more', () => {
    expect(Object.keys(AUDIT_ACTION_NAMES).filter((code) => !recorded.has(code))).toEqual([]);
  });
});
