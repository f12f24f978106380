import { describe, expect, it } from 'vitest';
import type { PortalCatalog } from '../../api/portal.types';
import {
  beijingDateTime,
  disclosureSearch,
  dispositionFileName,
  isExactCode,
  isRetryable,
  listings,
  maskIdNumbers,
  pageParam,
  parseDisclosureParams,
  publicityText,
  recordFields,
  roleFieldName,
  searchHref,
  searchProblem,
  sharedFieldName,
  splitHighlights,
  verifyOutcome,
} from './portal-format';

describe('splitHighlights', () => {
  it.each([
    ['平顶山市鹰城建材有限公司', [{ start: 4, end: 6 }], [['平顶山市', false], ['鹰城', true], ['建材有限公司', false]]],
    ['鹰城鹰城', [{ start: 2, end: 4 }, { start: 0, end: 2 }], [['鹰城鹰城', true]]],
    ['建材建材厂', [{ start: 0, end: 2 }, { start: 2, end: 4 }], [['建材建材', true], ['厂', false]]],
    ['恒达', [], [['恒达', false]]],
    ['恒达商贸', [{ start: 1, end: 3 }, { start: 2, end: 4 }], [['恒', false], ['达商贸', true]]],
    ['恒达', [{ start: 1, end: 99 }, { start: -3, end: 0 }, { start: 1, end: 1 }], [['恒', false], ['达', true]]],
    ['', [{ start: 0, end: 2 }], [['', false]]],
  ])('%s %j', (text, highlights, expected) => {
    expect(splitHighlights(text, highlights).map((s) => [s.text, s.mark])).toEqual(expected);
  });
});

describe('publicityText', () => {
  it('words the period of a negative record', () => {
    expect(publicityText({ tier: 'general', minUntil: '2026-04-23', maxUntil: '2027-10-23' })).toEqual({
      tier: '一般',
      until: '公示期至 2027-10-23',
      repairFrom: '可申请信用修复自 2026-04-23',
    });
  });
  it('says that a record without a period (not 失信信息) stays public', () => {
    expect(publicityText({ tier: null, minUntil: null, maxUntil: null })).toEqual({ tier: null, until: '公示期：长期公示（非失信信息，不设公示期限）', repairFrom: null });
    expect(publicityText({})).toEqual({ tier: null, until: '公示期：长期公示（非失信信息，不设公示期限）', repairFrom: null });
  });
});

describe('maskIdNumbers', () => {
  it('masks 18-digit ID numbers but not 统一社会信用代码 or amounts', () => {
    expect(maskIdNumbers('身份证 410402197008155174。')).toBe('身份证 4104**********5174。');
    expect(maskIdNumbers('41040219681102518X')).toBe('4104**********518X');
    expect(maskIdNumbers('91410402MAA0M6D717')).toBe('91410402MAA0M6D717');
    expect(maskIdNumbers('11410400005847120C')).toBe('11410400005847120C');
    expect(maskIdNumbers('410402********5174')).toBe('410402********5174');
    expect(maskIdNumbers('1234567890123456789012')).toBe('1234567890123456789012');
  });

  it.each([
    ['wrong check digit', '身份证号410402199001011231。', '身份证号4104**********1231。'],
    ['full-width digits', '身份证号４１０４０２１９９００１０１１２３０', '身份证号４１０４**********１２３０'],
    ['split by spaces', '身份证号 410402 19900101 1230 无照经营', '身份证号 4104** ******** 1230 无照经营'],
    ['legacy 15-digit number', '旧身份证号410402900101123无照经营', '旧身份证号4104********123无照经营'],
    ['15 digits without a birth date (工商注册号)', '注册号410400000012345', '注册号410400000012345'],
  ])('masks an ID number typed in free text: %s', (_name, input, expected) => {
    expect(maskIdNumbers(input)).toBe(expected);
  });
});

describe('recordFields', () => {
  const fields = [
    { code: 'CF_WSH', name: '行政处罚决定书文号' },
    { code: 'CF_FR', name: '法定代表人' },
    { code: 'CF_JE', name: '罚款金额（万元）' },
    { code: 'CF_CFLB', name: '处罚类别', type: 'enum_list', enumValues: [{ code: '03', name: '罚款' }, { code: '04', name: '没收违法所得' }] },
    { code: 'CF_LB', name: '行政相对人类别', type: 'enum', enumValues: [{ code: '02', name: '法人' }] },
  ];
  it('labels by Chinese name in catalogue order, drops empty values, keeps unknown codes last', () => {
    const rows = recordFields({ X_EXTRA: '附加', CF_JE: 0.8, CF_FR: '', CF_WSH: '平市监罚〔2026〕100号', NONE: null }, fields);
    expect(rows).toEqual([
      { label: '行政处罚决定书文号', value: '平市监罚〔2026〕100号' },
      { label: '罚款金额（万元）', value: '0.8' },
      { label: 'X_EXTRA', value: '附加' },
    ]);
  });
  it('names enum codes, lists joined; unknown codes stay', () => {
    expect(recordFields({ CF_CFLB: ['03', '04', '99'], CF_LB: '02' }, fields)).toEqual([
      { label: '处罚类别', value: '罚款、没收违法所得、99' },
      { label: '行政相对人类别', value: '法人' },
    ]);
  });
  it('masks ID numbers that slipped through', () => {
    expect(recordFields({ CF_FR: '410402197008155174' }, fields)).toEqual([{ label: '法定代表人', value: '4104**********5174' }]);
  });
  it('works before the catalogue has loaded', () => {
    expect(recordFields({ A: 'x' }, undefined)).toEqual([{ label: 'A', value: 'x' }]);
  });
});

describe('search query', () => {
  it('builds /search links', () => {
    expect(searchHref(' 鹰城 ')).toBe('/search?q=%E9%B9%B0%E5%9F%8E');
    expect(searchHref('鹰城', 3)).toBe('/search?q=%E9%B9%B0%E5%9F%8E&page=3');
  });
  it('asks for at least two characters', () => {
    expect(searchProblem('  ')).toBe('请输入企业名称或统一社会信用代码');
    expect(searchProblem('鹰')).toBe('请至少输入 2 个字');
    expect(searchProblem('鹰城')).toBeNull();
  });
  it.each([
    [null, 1],
    ['2', 2],
    ['0', 1],
    ['-1', 1],
    ['1.5', 1],
    ['abc', 1],
  ])('page %s → %d', (value, page) => {
    expect(pageParam(value)).toBe(page);
  });
});

describe('disclosure query', () => {
  it('reads the filters, dropping malformed dates', () => {
    expect(parseDisclosureParams(new URLSearchParams('catalog=administrative_penalty&department=11410400005847120C&from=2026-01-01&to=bad&page=2'))).toEqual({
      catalog: 'administrative_penalty',
      department: '11410400005847120C',
      from: '2026-01-01',
      to: undefined,
      page: 2,
    });
    expect(parseDisclosureParams(new URLSearchParams(''))).toEqual({ catalog: undefined, department: undefined, from: undefined, to: undefined, page: 1 });
  });
  it('writes them back without empty ones', () => {
    expect(disclosureSearch({ page: 1 })).toBe('');
    expect(disclosureSearch({ catalog: 'administrative_license', from: '2026-01-01', page: 3 })).toBe('?catalog=administrative_license&from=2026-01-01&page=3');
  });
});

describe('verifyOutcome', () => {
  it.each([
    [{ found: true, authentic: true, changed: false }, 'authentic'],
    [{ found: true, authentic: true, changed: true }, 'changed'],
    [{ found: true, authentic: false, changed: false }, 'forged'],
    [{ found: true, authentic: false, changed: true }, 'forged'],
    [{ found: false, authentic: false, changed: false }, 'not_found'],
  ])('%j → %s', (v, outcome) => {
    expect(verifyOutcome(v)).toBe(outcome);
  });
});

describe('dispositionFileName', () => {
  it.each([
    [null, 'x.pdf'],
    ['attachment', 'x.pdf'],
    ['attachment; filename="report.pdf"', 'report.pdf'],
    ["attachment; filename=\"report.pdf\"; filename*=UTF-8''%E4%BF%A1%E7%94%A8%E6%8A%A5%E5%91%8A.pdf", '信用报告.pdf'],
    ["attachment; filename*=UTF-8''%E4%BF%A1%ZZ", 'x.pdf'],
  ])('%s → %s', (header, name) => {
    expect(dispositionFileName(header, 'x.pdf')).toBe(name);
  });
});

describe('beijingDateTime', () => {
  it('shows the report times as the PDF prints them, in Beijing time whatever the browser zone', () => {
    expect(beijingDateTime('2026-11-29T09:06:05.542Z')).toBe('2026-11-29 17:06:05（北京时间）');
    expect(beijingDateTime('2026-12-31T16:30:00Z')).toBe('2027-01-01 00:30:00（北京时间）');
    expect(beijingDateTime(null)).toBe('—');
    expect(beijingDateTime('not a date')).toBe('not a date');
  });
});

describe('isExactCode', () => {
  it.each([
    ['as printed', '91410402MAA0M6D717', true],
    ['lower case with spaces', ' 91410402maa0m6d717 ', true],
    ['full width (a Chinese input method)', '９１４１０４０２ＭＡＡ０Ｍ６Ｄ７１７', true],
    ['another code', '91410402MAA0M6D718', false],
    ['a name', '鹰城建材', false],
  ])('%s', (_name, q, expected) => {
    expect(isExactCode(q, '91410402MAA0M6D717')).toBe(expected);
  });
  it('is false for a subject without a code', () => {
    expect(isExactCode('鹰城', null)).toBe(false);
  });
});

describe('isRetryable', () => {
  it('offers 重试 for a busy or unreachable server, not for a refused query', () => {
    expect([0, 429, 500, 503].map(isRetryable)).toEqual([true, true, true, true]);
    expect([400, 404].map(isRetryable)).toEqual([false, false]);
  });
});

describe('catalogue field names by role (a list’s 列入日期, not 决定日期)', () => {
  const penalty: PortalCatalog = {
    code: 'administrative_penalty',
    name: '行政处罚',
    kind: 'administrative_act',
    fields: [
      { code: 'CF_WSH', name: '行政处罚决定书文号', type: 'text', role: 'doc_no' },
      { code: 'CF_JDRQ', name: '处罚决定日期', type: 'date', role: 'decision_date' },
    ],
  };
  const list: PortalCatalog = {
    code: 'serious_dishonesty_list',
    name: '严重失信主体名单',
    kind: 'list',
    fields: [
      { code: 'SX_MDMC', name: '名单名称', type: 'text', role: 'list_name' },
      { code: 'SX_RDWSH', name: '认定决定文书号', type: 'text', role: 'doc_no' },
      { code: 'SX_LRRQ', name: '列入日期', type: 'date', role: 'decision_date' },
      { code: 'SX_YXQZ', name: '有效期至', type: 'date', role: null },
    ],
  };
  const old: PortalCatalog = { code: 'administrative_license', name: '行政许可', fields: [{ code: 'XK_JDRQ', name: '许可决定日期', type: 'date' }] };

  it('roleFieldName: the catalogue’s own name, else the fallback', () => {
    expect(roleFieldName(list, 'decision_date', '决定日期')).toBe('列入日期');
    expect(roleFieldName(penalty, 'decision_date', '决定日期')).toBe('处罚决定日期');
    // A server before roles were published, or no catalogue at all.
    expect(roleFieldName(old, 'decision_date', '决定日期')).toBe('决定日期');
    expect(roleFieldName(undefined, 'decision_date', '决定日期')).toBe('决定日期');
  });

  it('sharedFieldName: generic for the acts, the list’s own, both when mixed', () => {
    expect(sharedFieldName([penalty, old], 'decision_date', '决定日期')).toBe('决定日期');
    expect(sharedFieldName([list], 'decision_date', '决定日期')).toBe('列入日期');
    expect(sharedFieldName([list], 'doc_no', '决定文书号')).toBe('认定决定文书号');
    expect(sharedFieldName([penalty, list], 'decision_date', '决定日期')).toBe('决定日期/列入日期');
    expect(sharedFieldName([], 'decision_date', '决定日期')).toBe('决定日期');
  });

  it('listings: the lists that hold records of the subject', () => {
    expect(listings([penalty, list], { administrative_penalty: 2, serious_dishonesty_list: 1 })).toEqual([{ catalog: list, count: 1 }]);
    expect(listings([penalty, list], { administrative_penalty: 2, serious_dishonesty_list: 0 })).toEqual([]);
    expect(listings([penalty, list], undefined)).toEqual([]);
  });
});
