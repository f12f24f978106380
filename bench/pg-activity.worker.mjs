// Worker side of PgActivitySampler: polls pg_stat_activity on its own event loop, so samples stay
// evenly spaced while the importer keeps the main thread busy.
import { parentPort, workerData } from 'node:worker_threads';
import pg from 'pg';

// Plain JavaScript: a worker does not inherit the main thread's tsx loader.
/** @type {{ url: string, applicationName: string, intervalMs: number }} */
const { url, applicationName, intervalMs } = workerData;
/** @type {Map<string, number>} */
const counts = new Map();
let samples = 0;
let stopping = false;

const client = new pg.Client({ connectionString: url, application_name: 'pubcredit bench sampler' });
await client.connect();
parentPort?.postMessage({ ready: true });
parentPort?.on('message', () => {
  stopping = true;
});

while (!stopping) {
  const started = performance.now();
  const { rows } = await client.query(
    `select query, coalesce(wait_event_type || ':' || wait_event, 'CPU') as wait
       from pg_stat_activity where application_name = $1 and state = 'active'`,
    [applicationName],
  );
  samples++;
  const keys = rows.length === 0 ? ['(no statement running: the importer is working)'] : rows.map((r) => `${r.query.replace(/\s+/g, ' ').trim().slice(0, 80)} [${r.wait}]`);
  for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, intervalMs - (performance.now() - started))));
}
await client.end();
parentPort?.postMessage({ samples, counts: [...counts] });
