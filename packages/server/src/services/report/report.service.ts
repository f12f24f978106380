import { findCreditReport, getSubject, insertCreditReport } from '@pubcredit/db';
import type { CreditReportKind, CreditReportParams } from '@pubcredit/db';
import { DomainError, isIsoDate } from '@pubcredit/domain';
import type { AppContext } from '../../context';
import type { CreditReport, ReportQuery, ReportVerification, SigningKeyBody } from '../../schemas/report.schema';
import { beijingToday } from '../publicity/today';
import { requireSubject } from '../subject.service';
import { contentHashOf } from './canonical-json';
import { SPECIAL_CATEGORIES, buildReportContent, standardCategories } from './report-content';
import { newReportNo } from './report-number';
import type { ReportSettings } from './report-settings';
import { generateSigningKey, signHash, verifyHash } from './signing-key';

const DEFAULT_PUBLIC_URL = 'http://localhost:8080';

// A context built without openContext (tests, tools) signs with a throwaway key of its own.
const throwaway = new WeakMap<AppContext['db'], ReportSettings>();

/** The context's report settings (public URL, signing key). */
export function reportSettings(ctx: AppContext): ReportSettings {
  if (ctx.reports) return ctx.reports;
  let settings = throwaway.get(ctx.db);
  if (!settings) {
    settings = { publicUrl: DEFAULT_PUBLIC_URL, signingKey: generateSigningKey() };
    throwaway.set(ctx.db, settings);
  }
  return settings;
}

/** The portal page a report's QR code leads to. */
export function verifyUrlOf(settings: ReportSettings, reportNo: string): string {
  return `${settings.publicUrl}/verify/${encodeURIComponent(reportNo)}`;
}

const bad = (message: string): DomainError => new DomainError('INVALID_ARGUMENT', message);

function checkDate(name: 'from' | 'to', value: string | undefined): string | null {
  if (value === undefined || value.trim() === '') return null;
  if (!isIsoDate(value.trim())) throw bad(`参数 ${name} 应为 YYYY-MM-DD 格式的日期，实为“${value}”`);
  return value.trim();
}

/** The kind and parameters of a report request, checked; a bad one names the parameter in Chinese. */
export function reportParams(query: ReportQuery): { kind: CreditReportKind; params: CreditReportParams } {
  const kind = query.kind?.trim() || 'standard';
  if (kind !== 'standard' && kind !== 'special') throw bad(`参数 kind 应为 standard（标准信用报告）或 special（专项信用报告），实为“${kind}”`);
  if (kind === 'standard') {
    if (query.from || query.to || query.categories) throw bad('标准信用报告不接受参数 from、to、categories：请用 kind=special（专项信用报告）');
    return { kind, params: { period: null, categories: standardCategories() } };
  }
  const from = checkDate('from', query.from);
  const to = checkDate('to', query.to);
  if (from && to && from > to) throw bad(`参数 from（${from}）不能晚于参数 to（${to}）`);
  const known = SPECIAL_CATEGORIES;
  const asked = (query.categories ?? '').split(',').map((c) => c.trim()).filter(Boolean);
  const unknown = asked.filter((c) => !known.includes(c));
  if (unknown.length > 0) throw bad(`参数 categories 含未知的信息类别“${unknown.join('、')}”：可选 ${known.join('、')}`);
  const categories = asked.length === 0 ? [...known] : known.filter((c) => asked.includes(c));
  return { kind, params: { period: { from, to }, categories } };
}

/**
 * Issues a credit report (信用报告) of a subject by code: a new number, the content of its records
 * public now, its SM3 hash and the platform's Ed25519 signature; stores number, parameters, hash
 * and signature (never the document).
 * @example issueReport(ctx, '91410402MA9G12340K', { kind: 'special', categories: 'administrative_penalty' })
 */
export async function issueReport(ctx: AppContext, code: string, query: ReportQuery): Promise<CreditReport> {
  const { kind, params } = reportParams(query);
  const subject = await requireSubject(ctx, code);
  const settings = reportSettings(ctx);
  const asOf = ctx.now();
  const reportNo = newReportNo(asOf);
  const content = await buildReportContent(ctx, subject, params, { reportNo, kind, issuedAt: asOf, asOf });
  const contentHash = contentHashOf(content);
  const signature = signHash(settings.signingKey, contentHash);
  await insertCreditReport(ctx.db, {
    reportNo,
    subjectId: subject.subjectId,
    kind,
    params,
    contentHash,
    signature,
    keyId: settings.signingKey.keyId,
    issuedAt: asOf,
    asOf,
  });
  return {
    ...content,
    contentHash,
    signature: { algorithm: 'Ed25519', keyId: settings.signingKey.keyId, value: signature },
    verifyUrl: verifyUrlOf(settings, reportNo),
  };
}

const MESSAGES = {
  notFound: '未找到该报告：本平台没有签发过这个编号的信用报告，请核对报告编号。',
  forged: '签名校验未通过：该编号的报告记录与平台签名不符，报告可能被篡改，请勿采信。',
  changed: '报告由本平台签发，签名校验通过；但签发后该主体的公示信息已发生变化（如信用修复、公示期满），请以最新报告为准。',
  authentic: '报告真实有效：由本平台签发，签名校验通过，当前公示信息与报告内容一致。',
} as const;

/**
 * Verifies a report by number: found; authentic (the stored signature verifies over the stored hash
 * with the platform key); changed (the content rebuilt now, with the stored parameters and the
 * records public today, hashes differently: e.g. a record was repaired or its period ended).
 */
export async function verifyReport(ctx: AppContext, rawReportNo: string): Promise<ReportVerification> {
  const reportNo = rawReportNo.trim().toUpperCase();
  const stored = await findCreditReport(ctx.db, reportNo);
  if (!stored) {
    return { reportNo, found: false, authentic: false, changed: false, issuedAt: null, asOf: null, subjectName: null, kind: null, message: MESSAGES.notFound };
  }
  const { signingKey, retiredKeys = [] } = reportSettings(ctx);
  // The key that signed it: the current one, or one retired by a rotation.
  const key = [signingKey, ...retiredKeys].find((k) => k.keyId === stored.keyId);
  const authentic = key !== undefined && verifyHash(key, stored.contentHash, stored.signature);
  // Rebuilt with the stored number, times and parameters, but the records public today.
  const subject = await getSubject(ctx.db, stored.subjectId);
  let changed = true;
  if (subject) {
    try {
      const content = await buildReportContent(ctx, subject, stored.params, stored, beijingToday(ctx.now()));
      changed = contentHashOf(content) !== stored.contentHash;
    } catch {
      changed = true;
    }
  }
  return {
    reportNo,
    found: true,
    authentic,
    changed,
    issuedAt: stored.issuedAt.toISOString(),
    asOf: stored.asOf.toISOString(),
    subjectName: subject?.name ?? null,
    kind: stored.kind,
    message: !authentic ? MESSAGES.forged : changed ? MESSAGES.changed : MESSAGES.authentic,
  };
}

/** The platform's public report-signing key, for offline verification. */
export function signingKeyInfo(ctx: AppContext): SigningKeyBody {
  const { signingKey, retiredKeys = [] } = reportSettings(ctx);
  return {
    algorithm: 'Ed25519',
    keyId: signingKey.keyId,
    publicKeyPem: signingKey.publicKeyPem,
    retired: retiredKeys.map((k) => ({ keyId: k.keyId, publicKeyPem: k.publicKeyPem })),
  };
}
