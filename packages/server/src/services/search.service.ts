import { findSubjectByUscc, searchSubjectsByName } from '@pubcredit/db';
import type { SubjectSearchHit } from '@pubcredit/db';
import { DomainError, checkResidentId, checkUscc, normalizeCode, toHalfWidth } from '@pubcredit/domain';
import type { AppContext } from '../context';
import type { SubjectSearchQuery, SubjectSearchResult } from '../schemas/subject.schema';

/**
 * A name as searched, exactly as SQL's `pubcredit_name_norm` (migration 007) makes it: full-width
 * ASCII and the ideographic space to half-width, trimmed, lower case.
 * @example normalizeQuery(' 鹰城ＡＢ ') // '鹰城ab'
 */
export function normalizeQuery(q: string): string {
  return toHalfWidth(q).replace(/^ +| +$/g, '').trim().toLowerCase();
}

/**
 * Where `q` (normalised) occurs in `name`, as [start, end) offsets into the name as stored.
 * Normalisation maps each UTF-16 unit to one unit, so offsets in the normalised name are offsets
 * in the name; occurrences do not overlap.
 */
export function highlights(name: string, q: string): { start: number; end: number }[] {
  const n = toHalfWidth(name).toLowerCase();
  if (n.length !== name.length || q.length === 0) return [];
  const out: { start: number; end: number }[] = [];
  for (let i = n.indexOf(q); i >= 0; i = n.indexOf(q, i + q.length)) out.push({ start: i, end: i + q.length });
  return out;
}

function item(hit: SubjectSearchHit, q: string): SubjectSearchResult['items'][number] {
  return { subjectId: hit.subjectId, uscc: hit.uscc, name: hit.name, kind: hit.kind, highlights: highlights(hit.name, q) };
}

/**
 * Public subject search: an exact 统一社会信用代码, or a name fragment of at least 2 characters
 * (legal persons and 个体工商户 only; natural persons are never found by name).
 * @example searchSubjects(ctx, { q: '鹰城', limit: 20, offset: 0 })
 */
export async function searchSubjects(ctx: AppContext, query: SubjectSearchQuery): Promise<SubjectSearchResult> {
  const { limit, offset } = query;
  const code = normalizeCode(query.q);
  if (checkUscc(code).valid) {
    // An exact code: that subject (a natural person has no 统一社会信用代码 and is never listed).
    const subject = await findSubjectByUscc(ctx.db, code);
    const found = subject && subject.kind !== 'natural_person' ? [subject] : [];
    const items = found.slice(offset, offset + limit).map((s) => ({ ...item(s, ''), highlights: [] }));
    return { items, total: found.length, totalCapped: false, limit, offset };
  }
  if (/^\d{17}[\dX]$/.test(code) && checkResidentId(code).valid) {
    throw new DomainError('INVALID_ARGUMENT', '不能按身份证号码检索；自然人的信用信息请凭主体标识查询');
  }
  const q = normalizeQuery(query.q);
  if ([...q].length < 2) throw new DomainError('INVALID_ARGUMENT', '请至少输入2个字的名称，或完整的统一社会信用代码');
  const found = await searchSubjectsByName(ctx.db, { q, limit, offset });
  return { items: found.items.map((h) => item(h, q)), total: found.total, totalCapped: found.totalCapped, limit, offset };
}
