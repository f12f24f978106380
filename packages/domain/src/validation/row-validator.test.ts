import { describe, expect, it } from 'vitest';
import { getCatalog } from '../catalog';
import { validateRow } from './row-validator';
import type { ValidatedRow } from './row-validator';

const PENALTY = getCatalog('administrative_penalty');
const LICENSE = getCatalog('administrative_license');
const COERCION = getCatalog('administrative_coercion');
const ctx = { today: '2025-01-10' };

const USCC_OK = '91410402MA9G12340K'; // regulations §1.6 synthetic 平顶山
const AUTHORITY = '121200004013590816'; // stdnum test_cn_uscc 事业单位
const RID_OK = '410402199001011230'; // regulations §1.7 synthetic 新华区

const penaltyRow: Record<string, string> = {
  CF_XDR_MC: '平顶山市某某商贸有限公司',
  CF_XDR_LB: '法人及非法人组织',
  CF_XDR_SHXYM: USCC_OK,
  CF_FRDB: '张三',
  CF_WSH: '平市监罚〔2024〕12号',
  CF_WFXW: '销售过期食品',
  CF_SY: '当事人销售超过保质期的食品',
  CF_YJ: '《中华人民共和国食品安全法》第一百二十四条',
  CF_CFLB: '罚款',
  CF_NR: '罚款2000元',
  CF_NR_FK: '0.2',
  CF_JDRQ: '2024-09-30',
  CF_YXQ: '2025-09-30',
  CF_CFJG: '平顶山市市场监督管理局',
  CF_CFJGDM: AUTHORITY,
  CF_SJLY: '平顶山市市场监督管理局',
  CF_SJLYDM: AUTHORITY,
};
const naturalPerson = { CF_XDR_MC: '李四', CF_XDR_LB: '自然人', CF_XDR_SHXYM: '', CF_FRDB: '', CF_XDR_ZJLX: '身份证', CF_XDR_ZJHM: RID_OK };

const penalty = (patch: Record<string, string | undefined>): ValidatedRow => validateRow(PENALTY, { ...penaltyRow, ...patch }, ctx);
const rules = (r: ValidatedRow): string[] => r.issues.map((i) => `${i.field}:${i.rule}:${i.severity}`);

describe('validateRow: a good row (regulations §2.4 sample)', () => {
  it('is ok with its subject, 文书号 and decision date', () => {
    const r = penalty({});
    expect(r.issues).toEqual([]);
    expect(r).toMatchObject({ ok: true, docNo: '平市监罚〔2024〕12号', decisionDate: '2024-09-30' });
    expect(r.subject).toEqual({ kind: 'legal_person', name: '平顶山市某某商贸有限公司', uscc: USCC_OK });
    expect(r.values.CF_XDR_LB).toBe('02');
    expect(r.values.CF_CFLB).toEqual(['03']);
    expect(r.values.BZ).toBeNull();
  });

  it('natural person keyed by the full 证件号码 (GB 11643), type by name → code', () => {
    const r = penalty(naturalPerson);
    expect(r.ok).toBe(true);
    expect(r.subject).toEqual({ kind: 'natural_person', name: '李四', idType: '01', idNumber: RID_OK });
  });
});

describe('validateRow: defects (rule codes are stable)', () => {
  it.each([
    ['GB 32100 bad check digit', { CF_XDR_SHXYM: '91410402MA9G12340A' }, ['CF_XDR_SHXYM:uscc.check_digit:error']],
    ['GB 32100 forbidden letters I O Z S V', { CF_CFJGDM: '91410402MA9GI2340K' }, ['CF_CFJGDM:uscc.charset:error']],
    ['§2.4 必填 文书号 missing', { CF_WSH: '  ' }, ['CF_WSH:required:error']],
    ['§2.3 [U] USCC required for 法人', { CF_XDR_SHXYM: '' }, ['CF_XDR_SHXYM:required:error']],
    ['§2.3 [U] USCC required for 个体工商户', { CF_XDR_LB: '个体工商户', CF_XDR_SHXYM: '', CF_FRDB: '' }, ['CF_XDR_SHXYM:required:error']],
    ['§2.3 [U] 法定代表人 required for 法人', { CF_FRDB: '' }, ['CF_FRDB:required:error']],
    ['§2.3 证件类型/号码 required for 自然人', { ...naturalPerson, CF_XDR_ZJLX: '', CF_XDR_ZJHM: '' }, ['CF_XDR_ZJLX:required:error', 'CF_XDR_ZJHM:required:error']],
    ['impossible date 2023-02-30', { CF_JDRQ: '2023-02-30' }, ['CF_JDRQ:date.invalid:error']],
    ['garbage date', { CF_YXQ: '明年' }, ['CF_YXQ:date.invalid:error']],
    ['future decision date (> today)', { CF_JDRQ: '2025-01-11', CF_YXQ: '2026-01-11' }, ['CF_JDRQ:date.future:error']],
    ['GB 11643 bad check digit', { ...naturalPerson, CF_XDR_ZJHM: '410402199001011231' }, ['CF_XDR_ZJHM:ric.check_digit:error']],
    ['GB 11643 15-digit number refused', { ...naturalPerson, CF_XDR_ZJHM: '410402900101123' }, ['CF_XDR_ZJHM:ric.format:error']],
    ['GB 11643 birth after today', { ...naturalPerson, CF_XDR_ZJHM: '41040220300101123X' }, ['CF_XDR_ZJHM:ric.birth_date:error']],
    ['passport > 32 chars', { ...naturalPerson, CF_XDR_ZJLX: '02', CF_XDR_ZJHM: 'E'.repeat(33) }, ['CF_XDR_ZJHM:id.too_long:error']],
    ['non-numeric amount', { CF_NR_FK: '两千元' }, ['CF_NR_FK:decimal.invalid:error']],
    ['negative amount', { CF_NR_FK: '-0.2' }, ['CF_NR_FK:decimal.negative:error']],
    ['§2.4 罚款金额 required when 处罚类别 has 罚款', { CF_NR_FK: '' }, ['CF_NR_FK:required:error']],
    ['行政处罚法 Art.9: 拘役 is not an administrative penalty', { CF_CFLB: '罚款、拘役' }, ['CF_CFLB:enum.unknown:error']],
    ['unknown 相对人类别', { CF_XDR_LB: '外星人' }, ['CF_XDR_LB:enum.unknown:error']],
    ['文书号 over 128 characters (§2.4 ≤128)', { CF_WSH: '号'.repeat(129) }, ['CF_WSH:text.too_long:error']],
    ['GB 11714 embedded 组织机构代码 bad', { CF_XDR_ZZJG: 'MA2PBM9H-1' }, ['CF_XDR_ZZJG:orgcode.check_digit:error']],
    ['ID number Excel turned into a number', { ...naturalPerson, CF_XDR_ZJHM: '4.10402E+17' }, ['CF_XDR_ZJHM:excel.number:error']],
    ['ID number Excel turned into a number, lower-case e', { ...naturalPerson, CF_XDR_ZJHM: '4.10402e+17' }, ['CF_XDR_ZJHM:excel.number:error']],
    ['all-digit USCC Excel turned into a number', { CF_CFJGDM: '1.212E+17' }, ['CF_CFJGDM:excel.number:error']],
    ['legal representative ID Excel turned into a number', { CF_FR_ZJLX: '身份证', CF_FR_ZJHM: '4.10402E+17' }, ['CF_FR_ZJHM:excel.number:error']],
  ])('%s', (_case, patch, expected) => {
    const r = penalty(patch);
    expect(rules(r)).toEqual(expected);
    expect(r.ok).toBe(false);
  });

  it('messages are Chinese and name the field', () => {
    expect(penalty({ CF_JDRQ: '2023-02-30' }).issues[0]?.message).toMatch(/^处罚决定日期（CF_JDRQ）“2023-02-30”不是有效日期/);
    expect(penalty({ CF_XDR_SHXYM: '91410402MA9G12340A' }).issues[0]?.message).toBe(
      '行政相对人代码_1（统一社会信用代码）（CF_XDR_SHXYM）：统一社会信用代码校验码错误，应为 K',
    );
    expect(penalty({ CF_CFLB: '拘役' }).issues[0]?.message).toContain('允许值（代码或名称）：01 警告、02 通报批评');
    expect(penalty({ CF_JDRQ: '2025-01-11', CF_YXQ: '2026-01-11' }).issues[0]?.message).toBe(
      '处罚决定日期（CF_JDRQ）“2025-01-11”晚于导入当日 2025-01-10，处罚决定日期不能是将来的日期',
    );
    expect(penalty({ ...naturalPerson, CF_XDR_ZJLX: '' }).issues[0]?.message).toBe('证件类型（CF_XDR_ZJLX）：行政相对人类别为“自然人”时必填');
    expect(penalty({ ...naturalPerson, CF_XDR_ZJHM: '4.10402E+17' }).issues[0]?.message).toBe(
      '证件号码（CF_XDR_ZJHM）“4.10402E+17”是被 Excel 当作数字保存的号码（科学计数法），15 位以后的数字已丢失：' +
        '请在原始数据中将该列设为“文本”格式后重新填写完整号码',
    );
  });
});

describe('validateRow: warnings keep the row', () => {
  it.each([
    ['§1.5 pilot-era USCC flagged, not rejected', { CF_XDR_SHXYM: '91350211M0000XUF46' }, ['CF_XDR_SHXYM:uscc.pilot_check_digit:warning']],
    ['§2.4 处罚有效期 before 处罚决定日期', { CF_YXQ: '2024-09-01' }, ['CF_YXQ:date.order:warning']],
    ['法定代表人证件号码 without its type', { CF_FR_ZJHM: 'K1234567' }, ['CF_FR_ZJHM:id.type_missing:warning']],
  ])('%s', (_case, patch, expected) => {
    const r = penalty(patch);
    expect(rules(r)).toEqual(expected);
    expect(r.ok).toBe(true);
  });

  it('§1.5 pilot code is kept as the subject key', () => {
    expect(penalty({ CF_XDR_SHXYM: '91350211M0000XUF46' }).subject?.uscc).toBe('91350211M0000XUF46');
  });
});

describe('validateRow: normalisation', () => {
  it.each([
    ['full-width USCC and spaces', { CF_XDR_SHXYM: '　９１４１０４０２ｍａ９Ｇ１２３４０Ｋ ' }, 'CF_XDR_SHXYM', USCC_OK],
    ['full-width amount with thousands separator', { CF_NR_FK: '１，０００．５' }, 'CF_NR_FK', '1000.5'],
    ['date YYYY/MM/DD', { CF_JDRQ: '2024/9/30' }, 'CF_JDRQ', '2024-09-30'],
    ['date YYYYMMDD', { CF_JDRQ: '20240930' }, 'CF_JDRQ', '2024-09-30'],
    ['date YYYY年M月D日, full-width digits', { CF_JDRQ: '２０２４年9月30日' }, 'CF_JDRQ', '2024-09-30'],
    ['date with a midnight time from a database export', { CF_JDRQ: '2024-09-30 00:00:00' }, 'CF_JDRQ', '2024-09-30'],
    ['enum by code', { CF_XDR_LB: '04', CF_FRDB: '' }, 'CF_XDR_LB', '04'],
    ['enum by name', { CF_XDR_LB: '个体工商户', CF_FRDB: '' }, 'CF_XDR_LB', '04'],
    ['enum code with its leading zero dropped by Excel', { CF_XDR_LB: '4', CF_FRDB: '' }, 'CF_XDR_LB', '04'],
    ['enum code full-width', { CF_XDR_LB: '０２' }, 'CF_XDR_LB', '02'],
    ['formula-like text kept verbatim (neutralised at export)', { CF_NR: '=HYPERLINK("http://x")' }, 'CF_NR', '=HYPERLINK("http://x")'],
    ['text starting with + - @ kept', { CF_SY: ' @SUM(1)+-2 ' }, 'CF_SY', '@SUM(1)+-2'],
    ['amount with a plus sign', { CF_NR_FK: '+0.50' }, 'CF_NR_FK', '0.50'],
    ['amount with a leading dot', { CF_NR_FK: '.5' }, 'CF_NR_FK', '0.5'],
    ['enum alias', { CF_XDR_LB: '法人和其他组织' }, 'CF_XDR_LB', '02'],
    ['enum name with a space inside', { CF_XDR_LB: '个体 工商户', CF_FRDB: '' }, 'CF_XDR_LB', '04'],
    ['文书号 of 128 characters outside the BMP (256 UTF-16 units) is not too long', { CF_WSH: '𠀀'.repeat(128) }, 'CF_WSH', '𠀀'.repeat(128)],
  ])('%s', (_case, patch, field, expected) => {
    const r = penalty(patch);
    expect(r.issues).toEqual([]);
    expect(r.values[field]).toBe(expected);
  });

  it.each([
    ['codes with spaces, repeated', ' 03 ; 01 ;03', ['03', '01']],
    ['full-width codes and separators', '０３；０１', ['03', '01']],
    ['names and codes mixed', '罚款，01', ['03', '01']],
  ])('处罚类别 %s', (_case, list, expected) => {
    const r = penalty({ CF_CFLB: list });
    expect(r.issues).toEqual([]);
    expect(r.values.CF_CFLB).toEqual(expected);
  });

  it('文书号 of 129 characters outside the BMP is too long, counted in characters', () => {
    const issues = penalty({ CF_WSH: '𠀀'.repeat(129) }).issues;
    expect(issues.map((i) => i.rule)).toEqual(['text.too_long']);
    expect(issues[0]?.message).toContain('实为129个');
  });

  it.each([
    ['、', '警告、罚款'],
    [';', '警告;罚款'],
    ['；', '警告；罚款'],
    [',', '警告,罚款'],
    ['，', '警告，罚款'],
    ['mixed codes and names, duplicates merged', '01；03、罚款'],
  ])('行政处罚法 Art.9: several 处罚类别 separated by %s', (_sep, value) => {
    const r = penalty({ CF_CFLB: value });
    expect(r.issues).toEqual([]);
    expect(r.values.CF_CFLB).toEqual(['01', '03']);
  });

  it('居民身份证 lower-case x normalised; 证件类型 alias 居民身份证', () => {
    const r = penalty({ ...naturalPerson, CF_XDR_ZJLX: '居民身份证', CF_XDR_ZJHM: '41040220100101123x' });
    expect(r.values.CF_XDR_ZJHM).toBe('41040220100101123X');
    expect(r.values.CF_XDR_ZJLX).toBe('01');
  });
});

describe('validateRow: other catalogues', () => {
  const licenseRow: Record<string, string> = {
    XK_XDR_MC: '平顶山市某某商贸有限公司', XK_XDR_LB: '法人', XK_XDR_SHXYM: USCC_OK, XK_FRDB: '张三',
    XK_XKWS: '食品经营许可决定书', XK_WSH: '平食许〔2024〕8号', XK_XKLB: '普通', XK_NR: '食品销售',
    XK_JDRQ: '2024-03-01', XK_YXQZ: '2024-03-01', XK_YXQZI: '2029-02-28', XK_XKJG: '平顶山市市场监督管理局',
    XK_XKJGDM: AUTHORITY, XK_ZT: '有效', XK_LYDW: '平顶山市市场监督管理局', XK_LYDWDM: AUTHORITY,
  };

  it('§2.3 行政许可 row ok; 许可类别 and 当前状态 by name', () => {
    const r = validateRow(LICENSE, licenseRow, ctx);
    expect(r.issues).toEqual([]);
    expect(r.values).toMatchObject({ XK_XKLB: '01', XK_ZT: '1' });
  });

  it('§2.3 有效期自 after 有效期至 is an error', () => {
    const r = validateRow(LICENSE, { ...licenseRow, XK_YXQZI: '2023-12-31' }, ctx);
    expect(rules(r)).toEqual(['XK_YXQZI:date.order:error']);
  });

  it('§2.3 XK_FR_ZJHM (older XK_FR_SFZH) without a type is checked as a 居民身份证', () => {
    const r = validateRow(LICENSE, { ...licenseRow, XK_FR_ZJHM: '410402199001011231' }, ctx);
    expect(rules(r)).toEqual(['XK_FR_ZJHM:ric.check_digit:error']);
  });

  it('[U] 行政强制 template: 相对人 block + decision block', () => {
    const r = validateRow(
      COERCION,
      { QZ_XDR_MC: '王五', QZ_XDR_LB: '01', QZ_XDR_ZJLX: '01', QZ_XDR_ZJHM: RID_OK, QZ_WSH: '平公强〔2024〕3号', QZ_JDRQ: '2024-05-06',
        QZ_NR: '查封场所', QZ_JG: '平顶山市公安局', QZ_JGDM: AUTHORITY, QZ_SJLY: '平顶山市公安局', QZ_SJLYDM: AUTHORITY },
      ctx,
    );
    expect(r.issues).toEqual([]);
    expect(r).toMatchObject({ ok: true, docNo: '平公强〔2024〕3号', decisionDate: '2024-05-06' });
    expect(r.subject).toMatchObject({ kind: 'natural_person', idNumber: RID_OK });
  });
});
