/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { getCatalog } from '../catalog/catalog.registry';
import { publicityFacts } from './facts';
import { DEFAULT_TIERS, parseDefaultTiers, parseNegativeCatalogs, parseRegimes } from './publicity-rules';
import { penaltyTypeName, resolveTier } from './tier';
import type { TierRule } from './publicity.types';

const PENALTY = 'administrative_penalty';
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
    expect(publicityFacts(c, { CF_CFLB: ['01', '03'], CF_CFCX: '01' })).toEqual({ penaltyTypes: ['01', '03'], simpleProcedure: true });
    expect(publicityFacts(c, { CF_CFLB: ['03'], CF_CFCX: '02' })).toEqual({ penaltyTypes: ['03'], simpleProcedure: false });
    expect(publicityFacts(c, { CF_CFLB: ['03'] })).toEqual({ penaltyTypes: ['03'], simpleProcedure: false });
    expect(publicityFacts(getCatalog('administrative_license'), {})).toEqual({ penaltyTypes: [], simpleProcedure: false });
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

  it('holds exactly the three documented files', () => {
    expect(Object.keys(byName).sort()).toEqual(['default-tiers.json', 'negative-catalogs.json', 'regimes.json']);
  });

  it('every catalogue is declared negative or not, with a reason', () => {
    const negative = parseNegativeCatalogs(byName['negative-catalogs.json']);
    expect(negative.map((n) => n.catalog)).toEqual([PENALTY]);
  });

  it.each([
    ['regimes out of order', () => parseRegimes({ ...(byName['regimes.json'] as object), regimes: [...(byName['regimes.json'] as { regimes: unknown[] }).regimes].reverse() }), /from 应晚于/],
    ['min above max', () => parseRegimes({ regimes: [{ code: 'x', name: 'x', title: 'x', source: 'x', from: '2020-01-01', catalogs: [PENALTY], periods: { minor: { minMonths: 4, maxMonths: 3 }, general: { minMonths: 0, maxMonths: 3 }, serious: { minMonths: 0, maxMonths: 3 } } }], cap: (byName['regimes.json'] as { cap: unknown }).cap }), /minMonths 大于 maxMonths/],
    ['a catalogue left out', () => parseNegativeCatalogs({ negative: [], notNegative: [] }), /应在 negative 或 notNegative/],
    ['an unknown penalty type', () => parseDefaultTiers({ ...(byName['default-tiers.json'] as object), byPenaltyType: [{ penaltyType: '打板子', tier: 'minor', basis: 'x' }] }), /打板子/],
  ])('refuses %s', (_case, parse, message) => {
    expect(parse).toThrow(message);
  });
});
