import { createHash, randomUUID } from 'node:crypto';
import { isNegativeCatalog } from '@pubcredit/domain';
import type { AppContext } from '../../src/context';
import { DEPT_A } from '../fixtures';

// Synthetic subjects and records for the portal tests, written straight into the tables (the
// importer is tested elsewhere): codes valid by algorithm, not real entities.

export type Kind = 'legal_person' | 'individual_business' | 'natural_person';

export async function addSubject(
  ctx: AppContext,
  s: { name: string; kind?: Kind; uscc?: string | null; idMasked?: string | null },
): Promise<string> {
  const subjectId = randomUUID();
  await ctx.db.query(
    `insert into subjects (subject_id, kind, uscc, id_masked, name, name_conflict) values ($1, $2, $3, $4, $5, false)`,
    [subjectId, s.kind ?? 'legal_person', s.uscc ?? null, s.idMasked ?? null, s.name],
  );
  return subjectId;
}

export interface RecordInput {
  subjectId: string;
  docNo: string;
  catalog?: string;
  sourceDept?: string;
  decisionDate?: string;
  data?: Record<string, unknown>;
  version?: number;
  supersededAt?: Date | null;
  negative?: boolean;
  regime?: string | null;
  tier?: 'minor' | 'general' | 'serious' | null;
  minUntil?: string | null;
  maxUntil?: string | null;
  neverPublic?: boolean;
  publicityEndReason?: 'expired' | 'repaired' | 'withdrawn' | null;
}

let batchId: string | undefined;

async function batch(ctx: AppContext): Promise<string> {
  if (batchId) {
    const seen = await ctx.db.query('select 1 from batches where batch_id = $1', [batchId]);
    if (seen.rowCount > 0) return batchId;
  }
  batchId = randomUUID();
  await ctx.db.query(
    `insert into batches (batch_id, catalog, edition, source_dept, file_name, format, encoding, file_sha256,
       total, accepted, rejected, created, updated, unchanged, warnings, received_at, finished_at)
     values ($1, 'administrative_penalty', '2021', $2, 'portal.csv', 'csv', 'utf-8', $3, 1, 1, 0, 1, 0, 0, 0, now(), now())`,
    [batchId, DEPT_A.uscc, 'b'.repeat(64)],
  );
  return batchId;
}

export function recordKeyOf(catalog: string, dept: string, docNo: string): string {
  return createHash('sha256').update(`${catalog}|${dept}|${docNo}`).digest('hex');
}

/** Inserts one version of a record (and its record_keys row for the current version); returns the record key. */
export async function addRecord(ctx: AppContext, r: RecordInput): Promise<string> {
  const catalog = r.catalog ?? 'administrative_penalty';
  const dept = r.sourceDept ?? DEPT_A.uscc;
  const key = recordKeyOf(catalog, dept, r.docNo);
  const version = r.version ?? 1;
  const negative = r.negative ?? isNegativeCatalog(catalog);
  await ctx.db.query(
    `insert into records (subject_id, record_key, version, catalog, edition, source_dept, doc_no, decision_date,
       received_at, report_working_days, content_hash, data, batch_id, row_no, superseded_at,
       negative, regime, tier, min_until, max_until, never_public, publicity_end_reason, publicity_ended_at)
     values ($1, $2, $3, $4, '2021', $5, $6, $7, now(), 3, $8, $9::jsonb, $10, 1, $11,
       $12, $13, $14, $15, $16, $17, $18, case when $18::text is null then null else now() end)`,
    [
      r.subjectId,
      key,
      version,
      catalog,
      dept,
      r.docNo,
      r.decisionDate ?? '2026-05-01',
      `h${version}${r.docNo}`,
      JSON.stringify(r.data ?? { CF_WFXW: '测试违法行为' }),
      await batch(ctx),
      r.supersededAt ?? null,
      negative,
      negative ? (r.regime ?? 'ndrc-order-36') : null,
      negative ? (r.tier ?? 'general') : null,
      negative ? (r.minUntil ?? '2026-08-01') : null,
      negative ? (r.maxUntil === undefined ? '2027-05-01' : r.maxUntil) : null,
      r.neverPublic ?? false,
      r.publicityEndReason ?? null,
    ],
  );
  if (!r.supersededAt) {
    await ctx.db.query(
      `insert into record_keys (record_key, subject_id, version, content_hash) values ($1, $2, $3, $4)
       on conflict (record_key) do update set version = excluded.version`,
      [key, r.subjectId, version, `h${version}${r.docNo}`],
    );
  }
  return key;
}
