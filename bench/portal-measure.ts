// HTTP measurement of the portal benchmark: a fixed number of GETs over `connections` keep-alive
// connections, each URL taken in turn from a list of distinct URLs, timed from the request to the
// last byte of the body. A warm-up (not counted) precedes the timed requests. No If-None-Match is
// ever sent, so ETags cannot turn an answer into an empty 304.
import http from 'node:http';

/** Figures of one scenario, in milliseconds. */
export interface ScenarioResult {
  name: string;
  requests: number;
  connections: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
  perSecond: number;
  /** Answers other than 200, by status. */
  errors: Record<string, number>;
  /** Mean body size in bytes. */
  meanBytes: number;
  /** The slowest requests (path, ms), slowest first. */
  slowest: { path: string; ms: number }[];
}

export interface Scenario {
  name: string;
  /** Paths (with query) to request in order, cycled; warm-up paths come first. */
  paths: readonly string[];
  warmup: number;
  requests: number;
  connections: number;
}

interface Timing {
  path: string;
  ms: number;
  status: number;
  bytes: number;
}

function get(agent: http.Agent, baseUrl: string, path: string): Promise<Timing> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.get(`${baseUrl}${path}`, { agent, headers: { accept: '*/*' } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on('end', () => resolve({ path, ms: Number(process.hrtime.bigint() - started) / 1e6, status: res.statusCode ?? 0, bytes }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.setTimeout(60_000, () => req.destroy(new Error(`timeout on ${path}`)));
  });
}

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
const round = (ms: number): number => Math.round(ms * 100) / 100;

/** Runs `count` requests from `paths[offset…]` over the agent's connections; returns their timings. */
async function drive(agent: http.Agent, baseUrl: string, paths: readonly string[], offset: number, count: number, connections: number): Promise<Timing[]> {
  const timings: Timing[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const i = next++;
      const path = paths[(offset + i) % paths.length] ?? '/';
      timings.push(await get(agent, baseUrl, path));
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  return timings;
}

/** Warm-up then the timed requests of one scenario. */
export async function runScenario(baseUrl: string, s: Scenario): Promise<ScenarioResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: s.connections });
  try {
    await drive(agent, baseUrl, s.paths, 0, s.warmup, s.connections);
    const started = performance.now();
    const timings = await drive(agent, baseUrl, s.paths, s.warmup, s.requests, s.connections);
    const seconds = (performance.now() - started) / 1000;
    const sorted = timings.map((t) => t.ms).sort((a, b) => a - b);
    const errors: Record<string, number> = {};
    for (const t of timings) if (t.status !== 200) errors[t.status] = (errors[t.status] ?? 0) + 1;
    return {
      name: s.name,
      requests: timings.length,
      connections: s.connections,
      p50: round(percentile(sorted, 50)),
      p90: round(percentile(sorted, 90)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted[sorted.length - 1] ?? Number.NaN),
      mean: round(sorted.reduce((a, b) => a + b, 0) / sorted.length),
      perSecond: Math.round((timings.length / seconds) * 10) / 10,
      errors,
      meanBytes: Math.round(timings.reduce((a, t) => a + t.bytes, 0) / timings.length),
      slowest: [...timings].sort((a, b) => b.ms - a.ms).slice(0, 5).map((t) => ({ path: t.path, ms: round(t.ms) })),
    };
  } finally {
    agent.destroy();
  }
}
