// Runs the platform server as a second process for the portal benchmark: `node
// packages/server/bin/start.mjs` on a free port against the bench database, rate limits off,
// warnings only. Its output goes to this process's stderr, prefixed.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';

/** A running server: its base URL and how to stop it. */
export interface RunningServer {
  baseUrl: string;
  pid: number;
  stop(): Promise<void>;
}

/** A port the OS says is free right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function prefixLines(stream: NodeJS.ReadableStream | null, prefix: string): void {
  if (!stream) return;
  createInterface({ input: stream }).on('line', (l) => console.error(`${prefix}${l}`));
}

async function waitHealthy(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} before answering`);
    try {
      const res = await fetch(`${baseUrl}/api/v1/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the server did not answer /api/v1/health within ${timeoutMs / 1000} s`);
}

/** Starts the server on `databaseUrl` and waits until /api/v1/health answers 200. */
export async function startServer(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    PUBCREDIT_RATE_LIMIT: '0',
    PUBCREDIT_LOGIN_RATE_LIMIT: '0',
    PUBCREDIT_DEMO: '0',
    PUBCREDIT_DATA_KEY: process.env.PUBCREDIT_DATA_KEY ?? randomBytes(32).toString('base64'),
    NODE_ENV: 'production',
    ...extraEnv,
  };
  const child = spawn(process.execPath, ['packages/server/bin/start.mjs'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  prefixLines(child.stdout, '[server] ');
  prefixLines(child.stderr, '[server] ');
  const baseUrl = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitHealthy(baseUrl, child, 120_000);
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  }
  return {
    baseUrl,
    pid: child.pid ?? 0,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
