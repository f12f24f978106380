import { describe, expect, it } from 'vitest';
import { getCatalog } from '../catalog';
import { DomainError } from '../errors';
import { matchHeaders } from './header-match';

const PENALTY = getCatalog('administrative_penalty');
const LICENSE = getCatalog('administrative_license');
const REQUIRED_CODES = PENALTY.fields.filter((f) => f.required === 'always').map((f) => f.code);

function refusal(headers: string[]): DomainError {
  try {
    matchHeaders(PENALTY, headers);
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected HEADERS_REFUSED');
}

describe('matchHeaders (regulations §2.3–2.4 national field codes)', () => {
  it('matches every field by national code', () => {
    const codes = PENALTY.fields.map((f) => f.code);
    expect(matchHeaders(PENALTY, codes).columns).toEqual(codes);
  });

  it('matches every field by Chinese name', () => {
    expect(matchHeaders(PENALTY, PENALTY.fields.map((f) => f.name)).columns).toEqual(PENALTY.fields.map((f) => f.code));
  });

  it.each([
    ['surrounding spaces', ' CF_WSH ', 'CF_WSH'],
    ['lower-case code', 'cf_jdrq', 'CF_JDRQ'],
    ['full-width code', 'ＣＦ＿ＳＪＬＹＤＭ', 'CF_SJLYDM'],
    ['half-width parentheses in the name', '罚款金额(万元)', 'CF_NR_FK'],
    ['space inside the name', '处罚决定 日期', 'CF_JDRQ'],
  ])('%s: %s', (_case, header, code) => {
    const headers = [...REQUIRED_CODES.filter((c) => c !== code), header];
    expect(matchHeaders(PENALTY, headers).columns.at(-1)).toBe(code);
  });

  it('§2.3 older code XK_FR_SFZH matches 法定代表人证件号码', () => {
    const required = LICENSE.fields.filter((f) => f.required === 'always').map((f) => f.code);
    expect(matchHeaders(LICENSE, [...required, 'XK_FR_SFZH']).columns.at(-1)).toBe('XK_FR_ZJHM');
  });

  it('ignores empty trailing header cells (Excel)', () => {
    expect(matchHeaders(PENALTY, [...REQUIRED_CODES, '', '  ']).columns.slice(-3)).toEqual(['CF_SJLYDM', null, null]);
  });
});

describe('matchHeaders refuses the file (HEADERS_REFUSED)', () => {
  it('names an unknown column and lists the expected headers', () => {
    const e = refusal([...REQUIRED_CODES, '联系电话']);
    expect(e.code).toBe('HEADERS_REFUSED');
    expect(e.message).toContain('无法识别的列：联系电话');
    expect(e.message).toContain('CF_WSH 行政处罚决定书文号*');
    expect(e.details).toMatchObject({ unknown: ['联系电话'], missing: [], duplicate: [] });
    expect(e.details.expected).toContainEqual({ code: 'CF_NR_FK', name: '罚款金额（万元）', required: false });
  });

  it('names a missing required column (§2.4 必填)', () => {
    const e = refusal(REQUIRED_CODES.filter((c) => c !== 'CF_JDRQ'));
    expect(e.message).toContain('缺少必填列：CF_JDRQ（处罚决定日期）');
    expect(e.details.missing).toEqual(['CF_JDRQ']);
  });

  it('names a duplicated column (code and name of one field)', () => {
    const e = refusal([...REQUIRED_CODES, '行政处罚决定书文号']);
    expect(e.message).toContain('重复的列：行政处罚决定书文号（与 CF_WSH 同为 CF_WSH）');
    expect(e.details.duplicate).toHaveLength(1);
  });

  it('an empty header between columns is unknown', () => {
    const e = refusal(['CF_XDR_MC', '', ...REQUIRED_CODES.slice(1)]);
    expect(e.details.unknown).toEqual(['第2列（空表头）']);
  });
});
