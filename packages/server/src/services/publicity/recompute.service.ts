// Fills the publicity columns of records stored before migration 006 (or before their catalogue
// became negative): regime, tier, periods, 简易程序 and never-public, as the importer sets them now.
// Runs in keyset pages of the primary key, one statement per page; safe to repeat and to interrupt.
import { NEGATIVE_CATALOGS, getCatalog, listCatalogEditions } from '@pubcredit/domain';
import type { CatalogDef, SubjectKind, TierRule } from '@pubcredit/domain';
import { listTierRules } from '@pubcredit/db';
import type { AppContext } from '../../context';
import { PublicityCalculator } from '../import/record-publicity';

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

/**
 * Computes publicity for current records of negative catalogues that have none yet (imported
 * before migration 006). Records already computed, including ones whose decision precedes every
 * regime (regime null, max_until set by the Henan cap), are left alone.
 */
export async function recomputeMissingPublicity(ctx: AppContext): Promise<RecomputeReport> {
  const catalogs = NEGATIVE_CATALOGS.map((c) => c.catalog);
  const rules = await listTierRules(ctx.db);
  const calculators = new Map<string, PublicityCalculator>();
  let after: [string, string, number] = ['00000000-0000-0000-0000-000000000000', '', -1];
  let updated = 0;
  for (;;) {
    const { rows } = await ctx.db.query<PendingRow>(
      `select r.subject_id, r.record_key, r.version, r.catalog, r.edition, r.source_dept, r.decision_date, r.data, s.kind
         from records r join subjects s on s.subject_id = r.subject_id
        where (r.subject_id, r.record_key, r.version) > ($2::uuid, $3::text, $4::int)
          and r.superseded_at is null and r.catalog = any($1::text[])
          and (not r.negative or (r.regime is null and r.max_until is null))
        order by r.subject_id, r.record_key, r.version
        limit ${PAGE}`,
      [catalogs, ...after],
    );
    const last = rows[rows.length - 1];
    if (!last) break;
    const out = rows.map((row) => ({ row, p: calculatorFor(calculators, row, rules).of({
      sourceDept: row.source_dept,
      decisionDate: row.decision_date,
      subjectKind: row.kind,
      values: row.data,
    }).publicity }));
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
    updated += rowCount;
    after = [last.subject_id, last.record_key, last.version];
    if (rows.length < PAGE) break;
  }
  if (updated > 0) ctx.log.info({ updated }, 'publicity computed for records stored before migration 006');
  return { updated };
}
