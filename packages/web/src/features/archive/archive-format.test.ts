import { describe, expect, it } from 'vitest';
import { archiveSearch, canEndPublicity, otherNames, parseArchiveParams, periodLines, stateLabel, stateOptions } from './archive-format';

describe('publicity states', () => {
  it('names each state in Chinese, and the 简易程序 when it is why a record is never public', () => {
    expect(stateLabel({ publicState: 'public', simpleProcedure: false })).toBe('公示中');
    expect(stateLabel({ publicState: 'never_public', simpleProcedure: true })).toBe('不予公示（简易程序）');
    expect(stateLabel({ publicState: 'never_public', simpleProcedure: false })).toBe('不予公示');
    expect(stateLabel({ publicState: 'repaired', simpleProcedure: false })).toBe('已修复');
    expect(stateLabel({ publicState: 'withdrawn', simpleProcedure: false })).toBe('已撤销');
    expect(stateLabel({ publicState: 'expired', simpleProcedure: false })).toBe('已到期');
    expect(stateLabel({ publicState: 'superseded', simpleProcedure: false })).toBe('已被取代');
  });

  it('lets the credit officer alone end the publicity of a public record', () => {
    expect(canEndPublicity('credit_officer', { publicState: 'public' })).toBe(true);
    expect(canEndPublicity('credit_officer', { publicState: 'expired' })).toBe(false);
    expect(canEndPublicity('credit_officer', { publicState: 'never_public' })).toBe(false);
    expect(canEndPublicity('dept_reporter', { publicState: 'public' })).toBe(false);
    expect(canEndPublicity('dept_reviewer', { publicState: 'public' })).toBe(false);
  });

  it('offers 全部 and every state with the counts', () => {
    const options = stateOptions({ public: 3, never_public: 0, expired: 2, repaired: 1, withdrawn: 0 });
    expect(options.map((o) => o.label)).toEqual(['全部（6）', '公示中（3）', '不予公示（0）', '已到期（2）', '已修复（1）', '已撤销（0）']);
    expect(options.map((o) => o.value)).toEqual(['all', 'public', 'never_public', 'expired', 'repaired', 'withdrawn']);
    expect(stateOptions(undefined)[0]).toEqual({ value: 'all', label: '全部' });
  });
});

describe('periodLines', () => {
  it('gives the end of publicity and the repair date, or a dash', () => {
    expect(periodLines({ minUntil: '2026-03-18', maxUntil: '2028-03-18' })).toEqual(['至 2028-03-18', '可申请修复自 2026-03-18']);
    expect(periodLines({ minUntil: null, maxUntil: null })).toEqual(['—']);
    expect(periodLines({})).toEqual(['—']);
  });
});

describe('otherNames', () => {
  it('lists the former names once each, without the current name', () => {
    const seen = { sourceDept: '11410400005847120C', firstSeenAt: '2026-01-01T00:00:00Z', lastSeenAt: '2026-01-01T00:00:00Z' };
    const formerNames = [{ name: '甲公司', ...seen }, { name: '乙公司', ...seen }, { name: '乙公司', ...seen }];
    expect(otherNames({ name: '甲公司', formerNames })).toEqual(['乙公司']);
    expect(otherNames({ name: '甲公司', formerNames: [] })).toEqual([]);
  });
});

describe('the filters in the query string', () => {
  it('reads state, catalogue and page, dropping what is not one', () => {
    expect(parseArchiveParams(new URLSearchParams('state=repaired&catalog=administrative_penalty&page=2'))).toEqual({
      state: 'repaired',
      catalog: 'administrative_penalty',
      page: 2,
    });
    expect(parseArchiveParams(new URLSearchParams('state=deleted&page=-1&catalog='))).toEqual({ state: undefined, catalog: undefined, page: 1 });
  });

  it('writes them back without the empty ones and page 1', () => {
    expect(archiveSearch({ page: 1 })).toBe('');
    expect(archiveSearch({ state: 'public', catalog: 'administrative_license', page: 3 })).toBe('?state=public&catalog=administrative_license&page=3');
    const params = { state: 'expired' as const, page: 2 };
    expect(parseArchiveParams(new URLSearchParams(archiveSearch(params)))).toEqual({ ...params, catalog: undefined });
  });
});
