// A poor man's server-side profiler for the benchmark (BENCH_PG_ACTIVITY=1): a worker thread
// samples pg_stat_activity of the importer's connections and counts what they were running, so
// the import's wall time can be split between the server's statements and the importer's own work.
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';

interface Report {
  samples: number;
  counts: [string, number][];
}

export class PgActivitySampler {
  private worker: Worker | undefined;

  constructor(
    private readonly url: string,
    private readonly applicationName: string,
    private readonly intervalMs = 50,
  ) {}

  async start(): Promise<this> {
    this.worker = new Worker(new URL('./pg-activity.worker.mjs', import.meta.url), {
      workerData: { url: this.url, applicationName: this.applicationName, intervalMs: this.intervalMs },
    });
    await once(this.worker, 'message');
    return this;
  }

  /** Stops and returns the top statements as "share  statement [wait event]" lines. */
  async stop(top = 12): Promise<string[]> {
    const worker = this.worker;
    if (!worker) return [];
    const reply = once(worker, 'message') as Promise<[Report]>;
    worker.postMessage('stop');
    const [report] = await reply;
    await worker.terminate();
    const total = Math.max(1, report.samples);
    return [`${report.samples} samples every ${this.intervalMs} ms`].concat(
      report.counts
        .sort((a, b) => b[1] - a[1])
        .slice(0, top)
        .map(([k, n]) => `${((100 * n) / total).toFixed(1).padStart(5)}%  ${k}`),
    );
  }
}
