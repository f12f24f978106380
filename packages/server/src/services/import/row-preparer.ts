import { hash } from 'node:crypto';
import type { SubjectUpsert } from '@pubcredit/db';
import { DomainError, fieldForHeader, fieldLabel, maskIdNumber, validateRow } from '@pubcredit/domain';
import type { CatalogDef, FieldDef, RowIssue, TierRule, WorkingCalendar } from '@pubcredit/domain';
import type { DataKeys } from '../../crypto/data-keys';
import { unguardCell } from '../export/cell-guard';
import { freeTextFields, sealFreeText } from './free-text';
import { personalHeaderTest, sealRow } from '../quarantine-seal.service';
import { FingerprintMap } from './fingerprint-map';
import { PublicityCalculator } from './record-publicity';
import type { RecordPublicity } from './record-publicity';
import type { SourceRow } from './source/source.types';
import { personSubjectId, usccSubjectId } from './subject-identity';

/** A valid row, ready to store. */
export interface PreparedRecord {
  rowNo: number;
  recordKey: string;
  subject: SubjectUpsert;
  docNo: string;
  decisionDate: string;
  contentHash: string;
  /** Normalised fields by code, personal ones masked, as JSON. */
  dataJson: string;
  piiCipher: string | null;
  reportWorkingDays: number | null;
  /** Publicity columns (regime, tier, periods, 简易程序, never public); all empty on non-negative catalogues. */
  publicity: RecordPublicity;
}

/** A rejected row: what was given, by header (ID and mobile numbers masked), and why. */
export interface RejectedRow {
  rowNo: number;
  rawJson: string;
  /** The masked cells as given, encrypted; null when the row had none. */
  piiCipher: string | null;
  reasons: RowIssue[];
}

export interface PreparedRow {
  record?: PreparedRecord;
  rejected?: RejectedRow;
  issues: RowIssue[];
}

export interface PrepareOptions {
  catalog: CatalogDef;
  source: string;
  /** Column index → field code (null for columns without a header and for ignored ones). */
  columns: (string | null)[];
  /** Columns read and dropped: the 错误原因 column of a downloaded rejected file. */
  ignored: ReadonlySet<number>;
  headers: readonly string[];
  keys: DataKeys;
  calendar: WorkingCalendar;
  /** The Beijing day of receipt, YYYY-MM-DD: bounds dates and ends the working-day count. */
  receivedDay: string;
  /** The credit centre's tier rules (publicity_tier_rules), read once per batch. */
  tierRules: readonly TierRule[];
}

/** The natural key: catalogue + source department + 文书号, as a SHA-256 digest. */
export function recordKeyDigest(catalog: string, source: string, docNo: string): Buffer {
  return hash('sha256', `${catalog}|${source}|${docNo}`, 'buffer');
}

/** Turns source rows into records or rejections; keeps per-file state (duplicates, day counts). */
export class RowPreparer {
  private readonly seen = new FingerprintMap();
  private readonly workingDays = new Map<string, number | null>();
  /** The year the calendar lacks, by decision date, where the working days could not be counted. */
  private readonly missingYears = new Map<string, number>();
  private readonly personal: readonly FieldDef[];
  /** Free-text fields (违法事实, 备注 …): an ID or mobile number typed into one is personal data too. */
  private readonly freeText: readonly FieldDef[];
  private readonly docField: FieldDef | undefined;
  private readonly dateField: FieldDef | undefined;
  /** Local extension fields (not in the national template): left out of the data when empty, so hashes stay. */
  private readonly extensions: readonly string[];
  private readonly publicity: PublicityCalculator;

  /** A downloaded rejected file (it has the 错误原因 column): its cells carry our export guard. */
  private readonly resubmitted: boolean;
  private readonly isPersonalHeader: (header: string) => boolean;

  constructor(private readonly opts: PrepareOptions) {
    this.resubmitted = opts.ignored.size > 0;
    this.isPersonalHeader = personalHeaderTest(opts.catalog);
    this.personal = opts.catalog.fields.filter((f) => f.personal);
    this.freeText = freeTextFields(opts.catalog);
    this.docField = opts.catalog.fields.find((f) => f.role === 'doc_no');
    this.dateField = opts.catalog.fields.find((f) => f.role === 'decision_date');
    this.extensions = opts.catalog.fields.filter((f) => f.localExtension).map((f) => f.code);
    this.publicity = new PublicityCalculator(opts.catalog, opts.tierRules);
  }

  prepare(row: SourceRow): PreparedRow {
    const { catalog, columns, headers } = this.opts;
    const at = (issue: Omit<RowIssue, 'row'>): RowIssue => ({ row: row.rowNo, ...issue });
    const issues: RowIssue[] = [];
    if (row.problem) issues.push(at({ ...row.problem, severity: 'error' }));
    if (row.cells.some((c) => c.includes('\u0000'))) {
      // PostgreSQL text cannot hold NUL; the rejected copy keeps the row without it.
      row.cells = row.cells.map((c) => c.replaceAll('\u0000', ''));
      issues.push(at({ field: '', severity: 'error', rule: 'text.nul', message: '本行含空字符（NUL，常见于二进制或损坏的导出文件），请检查后重新导出' }));
      return { rejected: this.reject(row, issues), issues };
    }
    if (row.unparsed) return { rejected: this.reject(row, issues), issues };

    // JSON Lines may add header keys as it goes.
    for (let i = columns.length; i < headers.length; i++) columns.push(fieldForHeader(catalog, headers[i] ?? '') ?? null);
    const byCode: Record<string, string | undefined> = {};
    for (let i = 0; i < row.cells.length; i++) {
      const code = columns[i];
      if (code) byCode[code] = this.resubmitted ? unguardCell(row.cells[i] ?? '') : row.cells[i];
      else if (!this.opts.ignored.has(i) && (row.cells[i] ?? '').trim() !== '') {
        issues.push(at({ field: '', severity: 'error', rule: 'row.extra_cells', message: `第${i + 1}列有数据但没有表头` }));
      }
    }
    const validated = validateRow(catalog, byCode, { today: this.opts.receivedDay });
    for (const issue of validated.issues) issues.push(at(issue));

    if (issues.some((i) => i.severity === 'error') || !validated.subject || !validated.docNo || !validated.decisionDate) {
      return { rejected: this.reject(row, issues), issues };
    }

    const digest = recordKeyDigest(catalog.code, this.opts.source, validated.docNo);
    const first = this.seen.firstRowOrAdd(digest.readUInt32BE(0), digest.readUInt32BE(4), row.rowNo);
    if (first !== undefined) {
      const field = this.docField?.code ?? '';
      const label = this.docField ? fieldLabel(this.docField) : '文书号';
      issues.push(at({ field, severity: 'error', rule: 'record.duplicate_in_file', message: `${label}“${validated.docNo}”与第${first}行重复，已保留第${first}行` }));
      return { rejected: this.reject(row, issues), issues };
    }

    const reportWorkingDays = this.countWorkingDays(validated.decisionDate, (issue) => issues.push(at(issue)));
    const values = validated.values;
    const { publicity, warning } = this.publicity.of({
      sourceDept: this.opts.source,
      decisionDate: validated.decisionDate,
      subjectKind: validated.subject.kind,
      values,
    });
    if (warning) issues.push(at({ field: this.dateField?.code ?? '', severity: 'warning', rule: 'publicity.before_regimes', message: warning }));
    for (const code of this.extensions) {
      // undefined, not delete: JSON.stringify leaves it out and the object keeps its shape.
      if (values[code] === null) (values as Record<string, unknown>)[code] = undefined;
    }
    const plain: Record<string, string> = {};
    for (const f of this.personal) {
      const v = values[f.code];
      if (typeof v === 'string') {
        plain[f.code] = v;
        values[f.code] = maskIdNumber(v);
      }
    }
    sealFreeText(this.freeText, values, plain);
    const hasPii = Object.keys(plain).length > 0;
    const plainJson = hasPii ? JSON.stringify(plain) : '';
    const dataJson = JSON.stringify(values);
    const { keys } = this.opts;
    return {
      issues,
      record: {
        rowNo: row.rowNo,
        recordKey: digest.toString('hex'),
        subject: this.subjectOf(validated.subject),
        docNo: validated.docNo,
        decisionDate: validated.decisionDate,
        // Keyed: a plain hash of a row would let anyone who knows the rest of it guess the ID number.
        contentHash: keys.fingerprint(hasPii ? `${dataJson}\u0000${plainJson}` : dataJson),
        dataJson,
        piiCipher: hasPii ? keys.encrypt(plainJson) : null,
        reportWorkingDays,
        publicity,
      },
    };
  }

  private subjectOf(s: NonNullable<ReturnType<typeof validateRow>['subject']>): SubjectUpsert {
    if (s.kind === 'natural_person' && s.idNumber) {
      const idHash = this.opts.keys.hash(s.idNumber);
      return {
        subjectId: personSubjectId(idHash),
        kind: s.kind,
        uscc: null,
        idType: s.idType ?? null,
        idHash,
        idCipher: this.opts.keys.encrypt(s.idNumber),
        idMasked: maskIdNumber(s.idNumber),
        name: s.name,
      };
    }
    const uscc = s.uscc ?? '';
    return { subjectId: usccSubjectId(uscc), kind: s.kind, uscc, idType: null, idHash: null, idCipher: null, idMasked: null, name: s.name };
  }

  private countWorkingDays(decisionDate: string, warn: (issue: Omit<RowIssue, 'row'>) => void): number | null {
    let days = this.workingDays.get(decisionDate);
    if (days === undefined) {
      try {
        days = this.opts.calendar.workingDaysBetween(decisionDate, this.opts.receivedDay);
      } catch (err) {
        if (!(err instanceof DomainError) || err.code !== 'CALENDAR_YEAR_UNKNOWN') throw err;
        days = null;
        this.missingYears.set(decisionDate, Number(err.details.year));
      }
      this.workingDays.set(decisionDate, days);
    }
    if (days === null) {
      // The year the calendar lacks: the decision's, or a later one up to the day of receipt.
      const year = this.missingYears.get(decisionDate);
      warn({
        field: this.dateField?.code ?? '',
        severity: 'warning',
        rule: 'calendar.year_unknown',
        message: `缺少 ${year} 年的官方节假日安排，暂不计算本行的报送时效（工作日）；请平台管理员载入该年日历（pubcredit calendar load）`,
      });
    }
    return days;
  }

  private reject(row: SourceRow, reasons: RowIssue[]): RejectedRow {
    const raw: Record<string, string> = {};
    const { headers, ignored } = this.opts;
    row.cells.forEach((cell, i) => {
      if (ignored.has(i)) return;
      const header = (headers[i] ?? '').trim();
      raw[header === '' ? `第${i + 1}列` : header] = cell;
    });
    const sealed = sealRow(raw, this.isPersonalHeader, this.opts.keys);
    return { rowNo: row.rowNo, rawJson: JSON.stringify(sealed.raw), piiCipher: sealed.piiCipher, reasons };
  }
}
