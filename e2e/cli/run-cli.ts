import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');
const BIN = join(REPO_ROOT, 'packages/cli/bin/pubcredit.mjs');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'pubcredit-e2e-'));
}

/** Runs `node packages/cli/bin/pubcredit.mjs …` on the embedded engine in dataDir. */
export function runCli(args: readonly string[], dataDir: string, env: Record<string, string> = {}): Promise<CliRun> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PUBCREDIT_DATA_DIR: dataDir, ...env };
  delete childEnv.DATABASE_URL; // the CLI specs exercise the embedded engine and its lock
  delete childEnv.LOG_LEVEL;
  delete childEnv.PUBCREDIT_DATA_KEY;
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: REPO_ROOT, env: childEnv });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** stderr without blank lines: a failure must say why in exactly one line. */
export function stderrLines(run: CliRun): string[] {
  return run.stderr.split('\n').filter((l) => l.trim() !== '');
}
