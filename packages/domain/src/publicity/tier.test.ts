/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { getCatalog } from '../catalog/catalog.registry';
import { publicityFacts } from './facts';
import { DEFAULT_TIERS, parseDefaultTiers, parseNegativeCatalogs, parseRegimes } from './publicity-rules';
import { penaltyTypeName, resolveTier } from './tier';
import type { TierRule } from './publicity.types';

const PENALTY = 'administrative_penalty';
const LIST = 'serious_dishonesty_list';
const DEPT = '11410400MB0000019H';
const OTHER = '11410400MB00000275';
const q = (penaltyTypes: string[], extra: { sourceDept?: string; simpleProcedure?: boolean } = {}) => ({ catalog: PENALTY, sourceDept: DEPT, penaltyTypes, ...extra });

describe('default tier table by 处罚类别 (行政处罚法 Art.9)', () => {
  it.each([
    ['警告', 'minor'], ['通报批评', 'minor'],
    ['罚款', 'general'], ['没收违法所得', 'general'], ['没收非法财物', 'general'], ['行政拘留', 'general'],
    ['暂扣许可证件', 'serious'], ['降低资质等级', 'serious'], ['吊销许可证件', 'serious'], ['限制开展生产经营活动', 'serious'],
    ['责令停产停业', 'serious'], ['责令关闭', 'serious'], ['限制从业', 'serious'],
    ['其他', 'general'],
  ])('%s → %s, with a basis', (type, tier) => {
    const r = resolveTier(q([type]), []);
    expect(r.tier).toBe(tier);
    expect(r.basis).not.toBe('');
  });

  it('reads codes and aliases as the catalogue does', () => {
    expect(penaltyTypeName(PENALTY, '03')).toBe('罚款');
    expect(penaltyTypeName(PENALTY, '吊销营业执照')).toBe('吊销许可证件');
    expect(resolveTier(q(['08']), []).tier).toBe('serious');
  });

  it('the most severe of several types wins', () => {
    expect(resolveTier(q(['警告', '罚款']), []).tier).toBe('general');
    expect(resolveTier(q(['警告', '罚款', '吊销许可证件']), []).tier).toBe('serious');
  });

  it('no type: 一般; 简易程序: 轻微', () => {
    expect(resolveTier(q([]), []).tier).toBe('general');
    expect(resolveTier(q(['罚款'], { simpleProcedure: true }), []).tier).toBe('minor');
  });
});

describe('default tier of 严重失信主体名单', () => {
  it('is 严重 with its basis (Order 36 draft summary; 527号 严重失信), whatever the department', () => {
    for (const sourceDept of [DEPT, OTHER]) {
      const r = resolveTier({ catalog: LIST, sourceDept, penaltyTypes: [] }, []);
      expect(r.tier).toBe('serious');
      expect(r.basis).toContain('Order 36');
    }
  });
  it('a rule of the credit centre for the catalogue or a department still wins', () => {
    const rules: TierRule[] = [{ catalog: LIST, sourceDept: OTHER, penaltyType: null, tier: 'general', basis: 'dept rule' }];
    expect(resolveTier({ catalog: LIST, sourceDept: OTHER, penaltyTypes: [] }, rules)).toEqual({ tier: 'general', basis: 'dept rule' });
    expect(resolveTier({ catalog: LIST, sourceDept: DEPT, penaltyTypes: [] }, rules).tier).toBe('serious');
  });
});

describe('tier rules of the credit centre: the most specific wins', () => {
  const rules: TierRule[] = [
    { catalog: PENALTY, sourceDept: null, penaltyType: null, tier: 'minor', basis: 'catalogue-wide' },
    { catalog: PENALTY, sourceDept: null, penaltyType: '罚款', tier: 'serious', basis: 'type' },
    { catalog: PENALTY, sourceDept: DEPT, penaltyType: null, tier: 'general', basis: 'dept' },
    { catalog: PENALTY, sourceDept: DEPT, penaltyType: '罚款', tier: 'minor', basis: 'dept+type' },
  ];
  it.each([
    ['dept + type beats all', DEPT, ['罚款'], rules, 'minor', 'dept+type'],
    ['dept beats type', DEPT, ['警告'], rules, 'general', 'dept'],
    ['type beats catalogue-wide', OTHER, ['罚款'], rules, 'serious', 'type'],
    ['catalogue-wide when nothing else matches', OTHER, ['警告'], rules, 'minor', 'catalogue-wide'],
    ['default table without rules', OTHER, ['警告'], [], 'minor', DEFAULT_TIERS.byPenaltyType.get('警告')?.basis],
    ['rules of another catalogue do not apply', OTHER, ['罚款'], [{ ...rules[1], catalog: 'administrative_license' } as TierRule], 'general', DEFAULT_TIERS.byPenaltyType.get('罚款')?.basis],
    ['a rule beats the 简易程序 default', OTHER, ['罚款'], [rules[1] as TierRule], 'serious', 'type'],
  ])('%s', (_case, sourceDept, types, list, tier, basis) => {
    expect(resolveTier(q(types, { sourceDept, simpleProcedure: _case.includes('简易') }), list)).toEqual({ tier, basis });
  });

  it('of several types the most severe resolved tier wins', () => {
    expect(resolveTier({ catalog: PENALTY, sourceDept: OTHER, penaltyTypes: ['警告', '罚款'] }, rules)).toEqual({ tier: 'serious', basis: 'type' });
  });
});

describe('publicityFacts', () => {
  it('reads 处罚类别 and 处罚程序 from stored values', () => {
    const c = getCatalog(PENALTY);
    const noList = { listedUntil: null, removedOn: null };
    expect(publicityFacts(c, { CF_CFLB: ['01', '03'], CF_CFCX: '01' })).toEqual({ penaltyTypes: ['01', '03'], simpleProcedure: true, ...noList });
    expect(publicityFacts(c, { CF_CFLB: ['03'], CF_CFCX: '02' })).toEqual({ penaltyTypes: ['03'], simpleProcedure: false, ...noList });
    expect(publicityFacts(c, { CF_CFLB: ['03'] })).toEqual({ penaltyTypes: ['03'], simpleProcedure: false, ...noList });
    expect(publicityFacts(getCatalog('administrative_license'), {})).toEqual({ penaltyTypes: [], simpleProcedure: false, ...noList });
  });

  it.each([
    ['HN-Credit Art.19: 有效期至 is the last day listed', { SX_YXQZ: '2030-06-30' }, { listedUntil: '2030-06-30', removedOn: null }],
    ['HN-Credit Art.37: 移出日期 is the day of exit', { SX_YXQZ: '2030-06-30', SX_YCRQ: '2027-03-01' }, { listedUntil: '2030-06-30', removedOn: '2027-03-01' }],
    ['neither given', {}, { listedUntil: null, removedOn: null }],
    ['empty or malformed values are no dates', { SX_YXQZ: '', SX_YCRQ: 20270301 }, { listedUntil: null, removedOn: null }],
  ])('reads the list dates of a 严重失信主体名单 record: %s', (_case, values, dates) => {
    expect(publicityFacts(getCatalog('serious_dishonesty_list'), values)).toEqual({ penaltyTypes: [], simpleProcedure: false, ...dates });
  });

  it('a 行政处罚 has no list dates, even in fields of the same name', () => {
    expect(publicityFacts(getCatalog(PENALTY), { SX_YCRQ: '2027-03-01' })).toMatchObject({ listedUntil: null, removedOn: null });
  });

  it('处罚程序 is a documented local extension of the 行政处罚 catalogue', () => {
    const f = getCatalog(PENALTY).fields.find((x) => x.code === 'CF_CFCX');
    expect(f).toMatchObject({ name: '处罚程序', type: 'enum', required: 'never', localExtension: true });
    expect(f?.enumValues?.map((v) => v.name)).toEqual(['简易程序', '普通程序']);
    expect(f?.source).toContain('Art.13');
  });
});

// The rules are data: the files in packages/domain/publicity are checked at module load.
describe('rules data files', () => {
  const files = import.meta.glob('../../publicity/*.json', { eager: true, import: 'default' });
  const byName = Object.fromEntries(Object.entries(files).map(([p, json]) => [p.split('/').pop() ?? p, json]));

  /** negative-catalogs.json with other list dates on 严重失信主体名单. */
  const withListDates = (listDates: unknown) => {
    const json = byName['negative-catalogs.json'] as { negative: { catalog: string }[] };
    return { ...json, negative: json.negative.map((n) => (n.catalog === LIST ? { ...n, listDates } : n)) };
  };

  it('holds exactly the three documented files', () => {
    expect(Object.keys(byName).sort()).toEqual(['default-tiers.json', 'negative-catalogs.json', 'regimes.json']);
  });

  it('every catalogue is declared negative or not, with a reason: 行政处罚 and 严重失信主体名单 are negative (Order 36 Art.4)', () => {
    const negative = parseNegativeCatalogs(byName['negative-catalogs.json']);
    expect(negative.map((n) => n.catalog)).toEqual([PENALTY, LIST]);
    expect(negative.find((n) => n.catalog === LIST)?.listDates).toMatchObject({ listedUntilField: 'SX_YXQZ', removedOnField: 'SX_YCRQ' });
  });

  it.each([
    ['regimes out of order', () => parseRegimes({ ...(byName['regimes.json'] as object), regimes: [...(byName['regimes.json'] as { regimes: unknown[] }).regimes].reverse() }), /from 应晚于/],
    ['min above max', () => parseRegimes({ regimes: [{ code: 'x', name: 'x', title: 'x', source: 'x', from: '2020-01-01', catalogs: [PENALTY], periods: { minor: { minMonths: 4, maxMonths: 3 }, general: { minMonths: 0, maxMonths: 3 }, serious: { minMonths: 0, maxMonths: 3 } } }], cap: (byName['regimes.json'] as { cap: unknown }).cap }), /minMonths 大于 maxMonths/],
    ['a catalogue left out', () => parseNegativeCatalogs({ negative: [], notNegative: [] }), /应在 negative 或 notNegative/],
    ['an unknown penalty type', () => parseDefaultTiers({ ...(byName['default-tiers.json'] as object), byPenaltyType: [{ penaltyType: '打板子', tier: 'minor', basis: 'x' }] }), /打板子/],
    ['list dates naming a field that is no date', () => parseNegativeCatalogs(withListDates({ listedUntilField: 'SX_MDMC', removedOnField: 'SX_YCRQ', source: 'x' })), /SX_MDMC 不是该目录的日期字段/],
    ['list dates without a source', () => parseNegativeCatalogs(withListDates({ listedUntilField: 'SX_YXQZ', removedOnField: 'SX_YCRQ' })), /listDates 应有/],
    ['a catalogue default for 行政处罚', () => parseDefaultTiers({ ...(byName['default-tiers.json'] as object), byCatalog: [{ catalog: PENALTY, tier: 'minor', basis: 'x' }] }), /不应出现在 byCatalog/],
    ['a catalogue default for a catalogue that is not negative', () => parseDefaultTiers({ ...(byName['default-tiers.json'] as object), byCatalog: [{ catalog: 'administrative_reward', tier: 'minor', basis: 'x' }] }), /不是失信信息目录/],
    ['a catalogue default without a basis', () => parseDefaultTiers({ ...(byName['default-tiers.json'] as object), byCatalog: [{ catalog: LIST, tier: 'serious' }] }), /byCatalog 条目应有/],
  ])('refuses %s', (_case, parse, message) => {
    expect(parse).toThrow(message);
  });
});
