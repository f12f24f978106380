// Fills the publicity columns of records stored before migration 006 (or before their catalogue
// became negative): regime, tier, periods, 简易程序 and never-public, as the importer sets them now.
// Runs in keyset pages of the primary key, one statement per page; safe to repeat and to interrupt.
import { DomainError, NEGATIVE_CATALOGS, getCatalog, listCatalogEditions } from '@pubcredit/domain';
import type { CatalogDef, SubjectKind, TierRule } from '@pubcredit/domain';
import { listTierRules } from '@pubcredit/db';
import type { AppContext } from '../../context';
import { PublicityCalculator } from '../import/record-publicity';
import type { RecordPublicity } from '../import/record-publicity';

const PAGE = 1000;

interface PendingRow {
  subject_id: string;
  record_key: string;
  version: number;
  catalog: string;
  edition: string;
  source_dept: string;
  decision_date: string;
  data: Record<string, unknown>;
  kind: SubjectKind;
  negative: boolean;
  regime: string | null;
  tier: string | null;
  min_until: string | null;
  max_until: string | null;
  simple_procedure: boolean;
  never_public: boolean;
}

export interface RecomputeReport {
  /** Records whose publicity columns were filled. */
  updated: number;
}

function calculatorFor(cache: Map<string, PublicityCalculator>, row: PendingRow, rules: readonly TierRule[]): PublicityCalculator {
  const key = `${row.catalog}|${row.edition}`;
  let calc = cache.get(key);
  if (!calc) {
    const def: CatalogDef = listCatalogEditions(row.catalog).find((c) => c.edition === row.edition) ?? getCatalog(row.catalog, row.decision_date);
    calc = new PublicityCalculator(def, rules.filter((r) => r.catalog === row.catalog));
    cache.set(key, calc);
  }
  return calc;
}

/** Which current records a run recomputes. */
interface Scope {
  /** A SQL condition on `records r` (after the keyset and catalogue conditions), params from $5. */
  where: string;
  params: unknown[];
  /** Write only rows whose computed columns differ (a re-computation after a rule change). */
  changedOnly: boolean;
  dryRun: boolean;
}

/**
 * Computes publicity for current records of negative catalogues that have none yet (imported
 * before migration 006). Records already computed, including ones whose decision precedes every
 * regime (regime null, max_until set by the Henan cap), are left alone.
 */
export function recomputeMissingPublicity(ctx: AppContext): Promise<RecomputeReport> {
  return run(ctx, NEGATIVE_CATALOGS.map((c) => c.catalog), {
    where: '(not r.negative or (r.regime is null and r.max_until is null))',
    params: [],
    changedOnly: false,
    dryRun: false,
  }).then(({ updated }) => {
    if (updated > 0) ctx.log.info({ updated }, 'publicity computed for records stored before migration 006');
    return { updated };
  });
}

export interface RecomputeRequest {
  /** A negative catalogue; default all of them. */
  catalog?: string;
  /** One source department (USCC); default all. */
  department?: string;
  /** Count what would change, write nothing. */
  dryRun?: boolean;
}

export interface RecomputeAllReport {
  /** Current records still in publicity that were looked at. */
  examined: number;
  /** Records whose tier or periods changed (written unless dryRun). */
  changed: number;
  dryRun: boolean;
}

/**
 * The explicit re-computation regulations §3.7 asks for after the credit centre changes a tier rule
 * (`pubcredit publicity recompute`, audited by the CLI): every current negative record whose
 * publicity has not ended gets its tier and periods again under today's rules. Records whose
 * publicity already ended (expired, repaired, withdrawn) keep their history.
 */
export async function recomputePublicity(ctx: AppContext, req: RecomputeRequest = {}): Promise<RecomputeAllReport> {
  const negative = NEGATIVE_CATALOGS.map((c) => c.catalog);
  if (req.catalog !== undefined && !negative.includes(req.catalog)) {
    throw new DomainError('INVALID_ARGUMENT', `目录 ${req.catalog} 不是失信信息目录，没有公示期限（失信信息目录：${negative.join('、')}）`);
  }
  const dryRun = req.dryRun === true;
  const { examined, updated } = await run(ctx, req.catalog ? [req.catalog] : negative, {
    where: 'r.negative and r.publicity_end_reason is null and ($5::text is null or r.source_dept = $5::text)',
    params: [req.department ?? null],
    changedOnly: true,
    dryRun,
  });
  return { examined, changed: updated, dryRun };
}

async function run(ctx: AppContext, catalogs: string[], scope: Scope): Promise<{ examined: number; updated: number }> {
  const rules = await listTierRules(ctx.db);
  const calculators = new Map<string, PublicityCalculator>();
  let after: [string, string, number] = ['00000000-0000-0000-0000-000000000000', '', -1];
  let updated = 0;
  let examined = 0;
  for (;;) {
    const { rows } = await ctx.db.query<PendingRow>(
      `select r.subject_id, r.record_key, r.version, r.catalog, r.edition, r.source_dept, r.decision_date, r.data, s.kind,
              r.negative, r.regime, r.tier, r.min_until, r.max_until, r.simple_procedure, r.never_public
         from records r join subjects s on s.subject_id = r.subject_id
        where (r.subject_id, r.record_key, r.version) > ($2::uuid, $3::text, $4::int)
          and r.superseded_at is null and r.catalog = any($1::text[])
          and ${scope.where}
        order by r.subject_id, r.record_key, r.version
        limit ${PAGE}`,
      [catalogs, ...after, ...scope.params],
    );
    const last = rows[rows.length - 1];
    if (!last) break;
    examined += rows.length;
    const computed = rows.map((row) => ({ row, p: calculatorFor(calculators, row, rules).of({
      sourceDept: row.source_dept,
      decisionDate: row.decision_date,
      subjectKind: row.kind,
      values: row.data,
    }).publicity }));
    const out = scope.changedOnly ? computed.filter(({ row, p }) => differs(row, p)) : computed;
    if (scope.dryRun) updated += out.length;
    else if (out.length > 0) updated += await write(ctx, out);
    after = [last.subject_id, last.record_key, last.version];
    if (rows.length < PAGE) break;
  }
  return { examined, updated };
}

function differs(row: PendingRow, p: RecordPublicity): boolean {
  return (
    row.negative !== p.negative || row.regime !== p.regime || row.tier !== p.tier || row.min_until !== p.minUntil ||
    row.max_until !== p.maxUntil || row.simple_procedure !== p.simpleProcedure || row.never_public !== p.neverPublic
  );
}

async function write(ctx: AppContext, out: { row: PendingRow; p: RecordPublicity }[]): Promise<number> {
  const col = <T>(f: (o: (typeof out)[number]) => T): T[] => out.map(f);
  const { rowCount } = await ctx.db.query(
    `update records r
        set negative = u.negative, regime = u.regime, tier = u.tier, min_until = u.min_until, max_until = u.max_until,
            simple_procedure = u.simple_procedure, never_public = u.never_public
       from unnest($1::uuid[], $2::text[], $3::int[], $4::boolean[], $5::text[], $6::text[], $7::date[], $8::date[], $9::boolean[], $10::boolean[])
         as u(subject_id, record_key, version, negative, regime, tier, min_until, max_until, simple_procedure, never_public)
      where r.subject_id = u.subject_id and r.record_key = u.record_key and r.version = u.version`,
    [
      col((o) => o.row.subject_id), col((o) => o.row.record_key), col((o) => o.row.version),
      col((o) => o.p.negative), col((o) => o.p.regime), col((o) => o.p.tier), col((o) => o.p.minUntil), col((o) => o.p.maxUntil),
      col((o) => o.p.simpleProcedure), col((o) => o.p.neverPublic),
    ],
  );
  return rowCount;
}
