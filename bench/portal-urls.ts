// URLs of the portal benchmark, drawn from what the database holds (seeded, so the same data
// gives the same URLs): existing subjects' USCCs, and name fragments cut at random places from
// real names (so common pieces like 平顶 come up as often as users would type them).
import pg from 'pg';
import { Rng } from './portal-data';

export interface BenchUrls {
  search2: string[];
  search3: string[];
  subject: string[];
  report: string[];
  health: string[];
  /** Distinct 2- and 3-character fragments drawn. */
  distinct2: number;
  distinct3: number;
}

const fragment = (rng: Rng, name: string, length: number): string => {
  const chars = Array.from(name);
  const at = rng.int(0, Math.max(0, chars.length - length));
  return chars.slice(at, at + length).join('');
};

/** Draws `count` subjects (legal persons and 个体工商户) and cuts fragments from their names. */
export async function drawUrls(databaseUrl: string, count: number, seed: number): Promise<BenchUrls> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  let rows: { uscc: string; name: string }[];
  try {
    // Same rows in the same order for the same seed: one backend draws every random() (parallel
    // workers would each have their own sequence), and the scan starts at the table's first page
    // (a synchronised scan would join another one midway).
    await client.query('set max_parallel_workers_per_gather = 0; set synchronize_seqscans = off');
    await client.query('select setseed($1)', [(seed % 1000) / 1000]);
    ({ rows } = await client.query<{ uscc: string; name: string }>(
      `select uscc, name from subjects where kind <> 'natural_person' and uscc is not null order by random() limit $1`,
      [count],
    ));
  } finally {
    await client.end();
  }
  const rng = new Rng(seed, 7);
  const q = (f: string): string => `/api/v1/subjects?q=${encodeURIComponent(f)}`;
  const f2 = rows.map((r) => fragment(rng, r.name, 2));
  const f3 = rows.map((r) => fragment(rng, r.name, 3));
  return {
    search2: f2.map(q),
    search3: f3.map(q),
    subject: rows.map((r) => `/api/v1/subjects/${r.uscc}`),
    report: rows.map((r) => `/api/v1/subjects/${r.uscc}/report.pdf`),
    health: rows.map(() => '/api/v1/health'),
    distinct2: new Set(f2).size,
    distinct3: new Set(f3).size,
  };
}
