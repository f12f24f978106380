import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { TIER_NAMES, computePublicity, henanCapUntil, isNegativeCatalog, listBoundedUntil, listRegimes, publicityUnder, regimeFor, regimeName } from './compute';
import { DISCLOSURE_CAP } from './publicity-rules';
import type { PublicityTier, RegimeDef } from './publicity.types';

// Issue #4 §1, regulations §3.1 / §3.5 / §3.7: every regime × tier with both boundaries.
describe('computePublicity: every regime × tier', () => {
  it.each<[string, string, PublicityTier, string, string, string]>([
    // 发改办财金〔2019〕527号 (decisions before 2023-05-01): 一般 3 m / 1 y, 严重 6 m / 3 y, 轻微 as 一般.
    ['527 first day', '2017-07-31', 'general', 'ndrc-2019-527', '2017-10-31', '2018-07-31'],
    ['527 minor as general', '2023-04-30', 'minor', 'ndrc-2019-527', '2023-07-30', '2024-04-30'],
    ['527 general', '2023-04-30', 'general', 'ndrc-2019-527', '2023-07-30', '2024-04-30'],
    ['527 serious', '2023-04-30', 'serious', 'ndrc-2019-527', '2023-10-30', '2026-04-30'],
    // NDRC Order 58 (2023-05-01 … 2026-03-31): 3 m / 3 y whatever the tier.
    ['58 minor', '2023-05-01', 'minor', 'ndrc-order-58', '2023-08-01', '2026-05-01'],
    ['58 general', '2023-05-01', 'general', 'ndrc-order-58', '2023-08-01', '2026-05-01'],
    ['58 serious', '2023-05-01', 'serious', 'ndrc-order-58', '2023-08-01', '2026-05-01'],
    ['58 last day, month end', '2026-03-31', 'minor', 'ndrc-order-58', '2026-06-30', '2029-03-31'],
    ['58 last day general', '2026-03-31', 'general', 'ndrc-order-58', '2026-06-30', '2029-03-31'],
    ['58 last day serious', '2026-03-31', 'serious', 'ndrc-order-58', '2026-06-30', '2029-03-31'],
    // NDRC Order 36 (from 2026-04-01): 轻微 ≤ 3 m (repair any time), 一般 3 m–1 y, 严重 1–3 y.
    ['36 minor', '2026-04-01', 'minor', 'ndrc-order-36', '2026-04-01', '2026-07-01'],
    ['36 general', '2026-04-01', 'general', 'ndrc-order-36', '2026-07-01', '2027-04-01'],
    ['36 serious', '2026-04-01', 'serious', 'ndrc-order-36', '2027-04-01', '2029-04-01'],
    ['36 minor, Nov 30 + 3 months', '2026-11-30', 'minor', 'ndrc-order-36', '2026-11-30', '2027-02-28'],
    ['36 general, Nov 30', '2026-11-30', 'general', 'ndrc-order-36', '2027-02-28', '2027-11-30'],
    ['36 serious, leap day', '2028-02-29', 'serious', 'ndrc-order-36', '2029-02-28', '2031-02-28'],
    ['36 general, Jan 31', '2027-01-31', 'general', 'ndrc-order-36', '2027-04-30', '2028-01-31'],
  ])('%s: %s %s → %s, %s … %s', (_case, decisionDate, tier, regime, minUntil, maxUntil) => {
    expect(computePublicity({ decisionDate, tier })).toEqual({ regime, tier, minUntil, maxUntil });
  });

  it('the boundaries choose the regime by decision date', () => {
    expect(regimeFor('2023-04-30')?.code).toBe('ndrc-2019-527');
    expect(regimeFor('2023-05-01')?.code).toBe('ndrc-order-58');
    expect(regimeFor('2026-03-31')?.code).toBe('ndrc-order-58');
    expect(regimeFor('2026-04-01')?.code).toBe('ndrc-order-36');
    expect(regimeFor('2017-07-30')).toBeNull();
  });

  it('names regimes and tiers in Chinese', () => {
    expect(regimeName('ndrc-2019-527')).toBe('发改办财金〔2019〕527号');
    expect(regimeName('ndrc-order-58')).toBe('国家发展改革委令第58号');
    expect(regimeName('ndrc-order-36')).toBe('国家发展改革委令第36号');
    expect(regimeName('not-a-regime')).toBe('not-a-regime');
    expect(TIER_NAMES).toEqual({ minor: '轻微', general: '一般', serious: '严重' });
    for (const r of listRegimes()) expect(r.source.length).toBeGreaterThan(20);
  });
});

describe('Henan cap and list extension (HN-Credit Art.19)', () => {
  it('the cap is five years from the decision date', () => {
    expect(henanCapUntil('2026-04-01')).toBe('2031-04-01');
    expect(henanCapUntil('2024-02-29')).toBe('2029-02-28');
  });

  it('no regime exceeds it, so the regime maximum stands', () => {
    expect(computePublicity({ decisionDate: '2026-04-01', tier: 'serious' }).maxUntil).toBe('2029-04-01');
  });

  it('caps a longer regime maximum at five years (a synthetic 8-year regime)', () => {
    const long: RegimeDef = {
      code: 'test-long', name: '测试规定', title: '测试', from: '2020-01-01', catalogs: ['administrative_penalty'], source: 'test',
      periods: { minor: { minMonths: 0, maxMonths: 96 }, general: { minMonths: 3, maxMonths: 96 }, serious: { minMonths: 72, maxMonths: 96 } },
    };
    expect(DISCLOSURE_CAP).toMatchObject({ code: 'hn-credit-art19', maxYears: 5 });
    expect(publicityUnder([long], DISCLOSURE_CAP, { decisionDate: '2024-02-29', tier: 'general' })).toEqual({
      regime: 'test-long', tier: 'general', minUntil: '2024-05-29', maxUntil: '2029-02-28',
    });
    // A minimum beyond the cap ends with it.
    expect(publicityUnder([long], DISCLOSURE_CAP, { decisionDate: '2024-02-29', tier: 'serious' }).minUntil).toBe('2029-02-28');
    // Still listed at the end of the five years: public until removed from the list.
    expect(publicityUnder([long], DISCLOSURE_CAP, { decisionDate: '2024-02-29', tier: 'general', listedUntil: '2030-01-15' }).maxUntil).toBe('2030-01-15');
    expect(publicityUnder([long], { ...DISCLOSURE_CAP, extendWhileListed: false }, { decisionDate: '2024-02-29', tier: 'general', listedUntil: '2030-01-15' }).maxUntil).toBe('2029-02-28');
  });

  it('a subject still listed when the period ends stays public until it is removed', () => {
    const p = computePublicity({ decisionDate: '2026-04-01', tier: 'general', listedUntil: '2030-06-30' });
    expect(p).toEqual({ regime: 'ndrc-order-36', tier: 'general', minUntil: '2026-07-01', maxUntil: '2030-06-30' });
    // Removed before the period ends: nothing changes.
    expect(computePublicity({ decisionDate: '2026-04-01', tier: 'general', listedUntil: '2026-12-31' }).maxUntil).toBe('2027-04-01');
    expect(computePublicity({ decisionDate: '2026-04-01', tier: 'general', listedUntil: null }).maxUntil).toBe('2027-04-01');
  });
});

describe('catalogues', () => {
  it('行政处罚 and 严重失信主体名单 are 失信信息 (Order 36 Art.4), the other catalogues are not', () => {
    expect(isNegativeCatalog('administrative_penalty')).toBe(true);
    expect(isNegativeCatalog('serious_dishonesty_list')).toBe(true);
    for (const c of ['administrative_license', 'administrative_coercion', 'administrative_reward', 'nonsense']) expect(isNegativeCatalog(c)).toBe(false);
  });

  it('accepts the negative catalogue and refuses the others', () => {
    expect(computePublicity({ decisionDate: '2026-04-01', tier: 'minor', catalog: 'administrative_penalty' }).regime).toBe('ndrc-order-36');
    expect(() => computePublicity({ decisionDate: '2026-04-01', tier: 'minor', catalog: 'administrative_license' })).toThrow(/不是失信信息目录/);
    expect(() => computePublicity({ decisionDate: '2026-04-01', tier: 'minor', catalog: 'gossip' })).toThrow(/未知的信用信息目录/);
  });
});

// 严重失信主体名单 (regulations §3.6): 严重 by default; its periods run from the 列入日期 and end the
// day before the 移出日期 (HN-Credit Art.37), or later while still listed (HN-Credit Art.19).
describe('严重失信主体名单 records', () => {
  const LIST = 'serious_dishonesty_list';
  it.each<[string, string, { listedUntil?: string; removedOn?: string }, string, string, string]>([
    ['Order 36 严重 1–3 years', '2026-04-01', {}, 'ndrc-order-36', '2027-04-01', '2029-04-01'],
    ['527号 严重失信 6 months–3 years [U: by analogy]', '2023-04-30', {}, 'ndrc-2019-527', '2023-10-30', '2026-04-30'],
    ['Order 58 3 months–3 years [U]', '2024-05-10', {}, 'ndrc-order-58', '2024-08-10', '2027-05-10'],
    ['HN-Credit Art.37: removed, public until the day before', '2026-04-01', { removedOn: '2027-10-01' }, 'ndrc-order-36', '2027-04-01', '2027-09-30'],
    ['HN-Credit Art.37: removed on the 1st, public until the month before ends', '2026-04-01', { removedOn: '2027-03-01' }, 'ndrc-order-36', '2027-02-28', '2027-02-28'],
    ['HN-Credit Art.37: removed before the minimum ends, the minimum ends with it', '2026-04-01', { removedOn: '2026-12-01' }, 'ndrc-order-36', '2026-11-30', '2026-11-30'],
    ['HN-Credit Art.37: removed on the day listed, never public', '2026-04-01', { removedOn: '2026-04-01' }, 'ndrc-order-36', '2026-03-31', '2026-03-31'],
    ['HN-Credit Art.19: 有效期至 beyond the period and the five-year cap extends it', '2026-04-01', { listedUntil: '2031-12-31' }, 'ndrc-order-36', '2027-04-01', '2031-12-31'],
    ['HN-Credit Art.19: 有效期至 within the period changes nothing', '2026-04-01', { listedUntil: '2026-12-31' }, 'ndrc-order-36', '2027-04-01', '2029-04-01'],
    ['HN-Credit Art.19 + 37: removed after the period, public until the day before', '2026-04-01', { removedOn: '2030-01-15' }, 'ndrc-order-36', '2027-04-01', '2030-01-14'],
    ['HN-Credit Art.37: the removal wins over a later 有效期至', '2026-04-01', { listedUntil: '2031-12-31', removedOn: '2027-10-01' }, 'ndrc-order-36', '2027-04-01', '2027-09-30'],
  ])('%s: listed %s %j → %s, %s … %s', (_case, decisionDate, dates, regime, minUntil, maxUntil) => {
    expect(computePublicity({ decisionDate, tier: 'serious', catalog: LIST, ...dates })).toEqual({ regime, tier: 'serious', minUntil, maxUntil });
  });

  it('every regime covers the catalogue and says why', () => {
    for (const r of listRegimes()) expect(r.catalogs).toContain(LIST);
  });

  it('listBoundedUntil: a removal after the end extends only while the cap extends for listed subjects', () => {
    expect(listBoundedUntil('2029-04-01', { removedOn: '2030-01-15' })).toBe('2030-01-14');
    expect(listBoundedUntil('2029-04-01', { removedOn: '2030-01-15' }, { ...DISCLOSURE_CAP, extendWhileListed: false })).toBe('2029-04-01');
    expect(listBoundedUntil('2029-04-01', { removedOn: '2027-01-15' }, { ...DISCLOSURE_CAP, extendWhileListed: false })).toBe('2027-01-14');
    expect(listBoundedUntil('2029-04-01', {})).toBe('2029-04-01');
  });
});

describe('bad input is refused with a Chinese message', () => {
  it.each([
    ['impossible date', { decisionDate: '2026-02-30', tier: 'minor' }, /决定日期无效/],
    ['malformed date', { decisionDate: '2026/04/01', tier: 'minor' }, /决定日期无效/],
    ['unknown tier', { decisionDate: '2026-04-01', tier: 'severe' }, /公示等级无效/],
    ['before the earliest regime', { decisionDate: '2017-07-30', tier: 'general' }, /早于已知最早的公示期限规定/],
    ['bad listedUntil', { decisionDate: '2026-04-01', tier: 'general', listedUntil: '2030-02-30' }, /名单移出日期无效/],
    ['bad removedOn', { decisionDate: '2026-04-01', tier: 'serious', removedOn: '2027-13-01' }, /移出日期无效/],
  ])('%s', (_case, input, message) => {
    try {
      computePublicity(input as Parameters<typeof computePublicity>[0]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('INVALID_ARGUMENT');
      expect((e as DomainError).message).toMatch(message);
    }
  });
});
