import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { parseYearSchedule } from './year-schedule';

const day = (date: string, isOffDay: boolean, name = '测试') => ({ name, date, isOffDay });

describe('parseYearSchedule (holiday-cn format, regulations §6.2)', () => {
  it('splits days off and 调休 workdays, sorted and de-duplicated', () => {
    const s = parseYearSchedule(
      { year: 2024, papers: [], days: [day('2024-01-01', true), day('2023-12-30', true), day('2024-02-04', false), day('2024-01-01', true)] },
      '2024.json',
    );
    expect(s).toEqual({ year: 2024, holidays: ['2023-12-30', '2024-01-01'], workdays: ['2024-02-04'], source: '2024.json' });
  });

  it('accepts the file text as well as the parsed JSON', () => {
    const text = JSON.stringify({ year: 2027, papers: [], days: [day('2027-01-01', true)] });
    expect(parseYearSchedule(text, '2027.json').holidays).toEqual(['2027-01-01']);
  });

  it('accepts early January of the next year (title-year convention)', () => {
    expect(parseYearSchedule({ year: 2026, days: [day('2026-01-01', true), day('2027-01-01', true)] }, 'x').holidays).toHaveLength(2);
  });

  it.each([
    ['not an object', [], '不是 JSON 对象'],
    ['not JSON text', '{year: 2027', '不是有效的 JSON'],
    ['missing year', { days: [day('2027-01-01', true)] }, 'year'],
    ['no days', { year: 2027, days: [] }, 'days'],
    ['impossible date', { year: 2027, days: [day('2027-01-01', true), day('2027-02-30', true, '春节')] }, '第2项 {"name":"春节","date":"2027-02-30","isOffDay":true} 的 date'],
    ['isOffDay not boolean', { year: 2027, days: [{ name: '元旦', date: '2027-01-01', isOffDay: 'yes' }] }, 'isOffDay'],
    ['date of another year', { year: 2027, days: [day('2027-01-01', true), day('2027-06-01', true), day('2028-05-01', true)] }, '第3项'],
    ['contradiction', { year: 2027, days: [day('2027-01-01', true), day('2027-01-01', false)] }, '矛盾'],
    ['no day off in the year itself', { year: 2027, days: [day('2027-02-06', false)] }, '没有 2027 年的任何放假日期'],
  ])('refuses %s', (_case, json, fragment) => {
    try {
      parseYearSchedule(json, '2027.json');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('CALENDAR_BAD_SCHEDULE');
      expect((e as DomainError).message).toContain('节假日安排（2027.json）有误');
      expect((e as DomainError).message).toContain(fragment);
    }
  });
});
