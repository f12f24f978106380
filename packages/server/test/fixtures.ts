import { createHash, randomUUID } from 'node:crypto';
import { addDepartment } from '@pubcredit/db';
import type { AppContext } from '../src/context';
import { createApiKey } from '../src/services/api-key.service';

// Synthetic codes, valid by algorithm, not real entities (regulations §1.6).
export const DEPT_A = { uscc: '11410400MB0000019H', name: '平顶山市市场监督管理局（测试）' };
export const DEPT_B = { uscc: '11410400MB0000027C', name: '平顶山市生态环境局（测试）' };
export const COMPANY_USCC = '91410402MA9G12340K';

export async function addDepartments(ctx: AppContext): Promise<void> {
  await addDepartment(ctx.db, DEPT_A);
  await addDepartment(ctx.db, DEPT_B);
}

export async function departmentKey(ctx: AppContext, uscc: string, scopes = ['batches:write', 'batches:read']): Promise<string> {
  return (await createApiKey(ctx, { departmentUscc: uscc, scopes })).key;
}

export interface SubjectFixture {
  subjectId: string;
  recordKey: string;
  batchId: string;
}

/** A legal person with one penalty in two versions, a former name, and one quarantined row. */
export async function insertSubjectFixture(ctx: AppContext): Promise<SubjectFixture> {
  const subjectId = randomUUID();
  const batchId = randomUUID();
  const recordKey = createHash('sha256').update(`administrative_penalty|${DEPT_A.uscc}|平市监罚〔2024〕1号`).digest('hex');
  const q = (text: string, params: unknown[]) => ctx.db.query(text, params);
  await q(
    `insert into subjects (subject_id, kind, uscc, name, name_conflict) values ($1, 'legal_person', $2, $3, false)`,
    [subjectId, COMPANY_USCC, '平顶山市鹰城建材有限公司'],
  );
  await q(
    `insert into subject_names (subject_id, name, source_dept, first_seen_at, last_seen_at)
     values ($1, '平顶山市鹰城建材有限公司', $2, '2024-03-01T08:00:00Z', '2024-05-01T08:00:00Z'),
            ($1, '平顶山市新华区鹰城建材厂', $2, '2022-01-01T08:00:00Z', '2023-01-01T08:00:00Z')`,
    [subjectId, DEPT_A.uscc],
  );
  await q(
    `insert into batches (batch_id, catalog, edition, source_dept, file_name, format, encoding, file_sha256,
       total, accepted, rejected, created, updated, unchanged, warnings, received_at, finished_at)
     values ($1, 'administrative_penalty', '2021', $2, 'penalties.csv', 'csv', 'utf-8', $3,
       3, 2, 1, 1, 1, 0, 0, now(), now())`,
    [batchId, DEPT_A.uscc, 'a'.repeat(64)],
  );
  for (const version of [1, 2]) {
    await q(
      `insert into records (subject_id, record_key, version, catalog, edition, source_dept, doc_no, decision_date,
         received_at, report_working_days, content_hash, data, pii_cipher, batch_id, row_no, superseded_at)
       values ($1, $2, $3, 'administrative_penalty', '2021', $4, '平市监罚〔2024〕1号', '2024-03-01',
         now(), 5, $5, $6::jsonb, $7, $8, $9, $10)`,
      [
        subjectId,
        recordKey,
        version,
        DEPT_A.uscc,
        `hash${version}`,
        JSON.stringify({ CF_XDR_MC: '平顶山市鹰城建材有限公司', CF_NR_FK: version === 1 ? '0.2' : '0.3', CF_FR_ZJHM: '410402199001011230' }),
        ctx.keys.encrypt('{"CF_FR_ZJHM":"410402199001011230"}'),
        batchId,
        version + 1,
        version === 1 ? new Date('2024-04-01T00:00:00Z') : null,
      ],
    );
  }
  await q(`insert into record_keys (record_key, subject_id, version, content_hash) values ($1, $2, 2, 'hash2')`, [
    recordKey,
    subjectId,
  ]);
  const reasons = [
    { row: 4, field: 'CF_XDR_SHXYM', severity: 'error', rule: 'uscc.check_digit', message: '统一社会信用代码校验位错误，应为 K' },
    { row: 4, field: 'CF_SY', severity: 'error', rule: 'required', message: '缺少必填项' },
  ];
  await q(`insert into quarantine (batch_id, row_no, raw, reasons) values ($1, 4, $2::jsonb, $3::jsonb)`, [
    batchId,
    JSON.stringify({ '行政相对人名称': '=HYPERLINK("http://evil")', '行政相对人代码_1（统一社会信用代码）': '91410402MA9G12340X', '违法事实': '' }),
    JSON.stringify(reasons),
  ]);
  for (const r of reasons) {
    await q(`insert into batch_issues (batch_id, row_no, field, severity, rule, message) values ($1, $2, $3, $4, $5, $6)`, [
      batchId,
      r.row,
      r.field,
      r.severity,
      r.rule,
      r.message,
    ]);
  }
  return { subjectId, recordKey, batchId };
}
