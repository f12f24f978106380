import { searchSubjectsByName } from '@pubcredit/db';
import { testEngines } from '@pubcredit/db/testing';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/context';
import type { ErrorBody } from '../../src/schemas/common.schema';
import type { SubjectSearchResult } from '../../src/schemas/subject.schema';
import { COMPANY_USCC } from '../fixtures';
import { createTestApp, createTestContext } from '../test-context';
import { addSubject } from './portal-fixtures';

describe.each(testEngines())('subject search on %s', (engine) => {
  let ctx: AppContext;
  let app: FastifyInstance;
  const ids: Record<string, string> = {};

  const search = async (q: string, extra = ''): Promise<SubjectSearchResult> => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/subjects?q=${encodeURIComponent(q)}${extra}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<SubjectSearchResult>();
  };

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    ids.company = await addSubject(ctx, { name: '平顶山市鹰城建材有限公司', uscc: COMPANY_USCC });
    ids.exact = await addSubject(ctx, { name: '鹰城', uscc: '91410402MA9G12341J' });
    ids.prefix = await addSubject(ctx, { name: '鹰城物流有限公司' });
    ids.shop = await addSubject(ctx, { name: '新华区鹰城小吃店', kind: 'individual_business' });
    ids.twice = await addSubject(ctx, { name: '鹰城鹰城商贸' });
    ids.wide = await addSubject(ctx, { name: 'ＡＢＣ鹰城科技' });
    ids.person = await addSubject(ctx, { name: '张鹰城', kind: 'natural_person', idMasked: '4104**********1230' });
    ids.xss = await addSubject(ctx, { name: '<script>alert(1)</script>鹰城' });
    ids.other = await addSubject(ctx, { name: '舞钢市钢铁贸易有限公司' });
    ids.bracket = await addSubject(ctx, { name: '汝州建材（平顶山）有限公司' });
    app = await createTestApp(ctx);
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.db.close();
  });

  it('finds names by a 2-character fragment: exact name, then prefix, then shorter names; highlights every occurrence', async () => {
    const body = await search('鹰城');
    const names = body.items.map((i) => i.name);
    expect(names[0]).toBe('鹰城');
    expect(names[1]).toBe('鹰城鹰城商贸'); // prefix, shorter than 鹰城物流有限公司
    expect(names[2]).toBe('鹰城物流有限公司');
    expect(names).toContain('新华区鹰城小吃店');
    expect(names).toContain('平顶山市鹰城建材有限公司');
    expect(names).not.toContain('张鹰城');
    expect(names).not.toContain('舞钢市钢铁贸易有限公司');
    expect(body).toMatchObject({ total: 7, totalCapped: false, limit: 20, offset: 0 });
    expect(body.items.find((i) => i.name === '鹰城鹰城商贸')?.highlights).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ]);
    expect(body.items.find((i) => i.name === '平顶山市鹰城建材有限公司')).toMatchObject({
      subjectId: ids.company,
      uscc: COMPANY_USCC,
      kind: 'legal_person',
      highlights: [{ start: 4, end: 6 }],
    });
  });

  it('finds names by a 3-character fragment, and by full-width, upper-case input', async () => {
    const three = await search('鹰城建');
    expect(three.items.map((i) => i.name)).toEqual(['平顶山市鹰城建材有限公司']);
    expect(three.items[0]?.highlights).toEqual([{ start: 4, end: 7 }]);
    const wide = await search(' abc鹰 ');
    expect(wide.items.map((i) => i.name)).toEqual(['ＡＢＣ鹰城科技']);
    expect(wide.items[0]?.highlights).toEqual([{ start: 0, end: 4 }]);
    const two = await search('ｂｃ');
    expect(two.items.map((i) => i.name)).toEqual(['ＡＢＣ鹰城科技']);
    expect(two.items[0]?.highlights).toEqual([{ start: 1, end: 3 }]);
  });

  it('finds a fragment with punctuation (served by bigrams: trigrams split words at brackets)', async () => {
    for (const q of ['材（平', '材(平', '（平顶山）']) {
      const body = await search(q);
      expect(body.items.map((i) => i.name), q).toEqual(['汝州建材（平顶山）有限公司']);
    }
    expect((await search('材（平')).items[0]?.highlights).toEqual([{ start: 3, end: 6 }]);
    expect((await search('材（汝')).items).toEqual([]);
  });

  it('treats LIKE wildcards as text', async () => {
    expect((await search('%%')).items).toEqual([]);
    expect((await search('_鹰城')).items).toEqual([]);
  });

  it('pages, and reports the total on a page past the end', async () => {
    const page = await search('鹰城', '&limit=2&offset=2');
    expect(page.items).toHaveLength(2);
    expect(page.items[0]?.name).toBe('鹰城物流有限公司');
    const past = await search('鹰城', '&limit=2&offset=20');
    expect(past).toMatchObject({ items: [], total: 7, totalCapped: false });
  });

  it('finds a subject by its exact USCC, full-width or lower case', async () => {
    const body = await search('９１４１０４０２ｍａ９ｇ１２３４０ｋ');
    expect(body.items.map((i) => i.subjectId)).toEqual([ids.company]);
    expect(body.total).toBe(1);
  });

  it('refuses a 1-character query in Chinese, and an ID number', async () => {
    const one = await app.inject({ method: 'GET', url: `/api/v1/subjects?q=${encodeURIComponent(' 鹰　')}` });
    expect(one.statusCode).toBe(400);
    expect(one.json<ErrorBody>().code).toBe('INVALID_ARGUMENT');
    expect(one.json<ErrorBody>().message).toContain('至少输入2个字');
    const id = await app.inject({ method: 'GET', url: '/api/v1/subjects?q=410402199001011230' });
    expect(id.statusCode).toBe(400);
    expect(id.body).not.toContain('410402199001011230');
  });

  it('never finds a natural person by name', async () => {
    const body = await search('张鹰');
    expect(body).toMatchObject({ items: [], total: 0 });
  });

  it('returns names that look like markup as plain JSON text', async () => {
    const res = await app.inject({ method: 'GET', url: `/api/v1/subjects?q=${encodeURIComponent('<script>')}` });
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.json<SubjectSearchResult>().items.map((i) => i.name)).toEqual(['<script>alert(1)</script>鹰城']);
  });
});

describe.each(testEngines())('search of a very common fragment on %s', (engine) => {
  let ctx: AppContext;

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    for (let i = 0; i < 60; i++) await addSubject(ctx, { name: `平顶山市第${i}建材有限公司` });
    await addSubject(ctx, { name: '有限' });
    await addSubject(ctx, { name: '有限公司' });
    await addSubject(ctx, { name: '有限公司张三', kind: 'natural_person' });
    // Planner statistics say 有限 is in nearly every name: the search reads the table to cap + 1.
    await ctx.db.query('analyze subjects');
  });
  afterAll(async () => {
    await ctx?.db.close();
  });

  it('caps the matches, still ranks the exact name and prefixes first, and excludes natural persons', async () => {
    const { rows } = await ctx.db.query<{ n: number }>(
      `select count(*)::int as n from pg_stats where schemaname = current_schema() and tablename = 'subjects_name_bigrams_idx'`,
    );
    expect(rows[0]?.n).toBe(1);
    const capped = await searchSubjectsByName(ctx.db, { q: '有限', limit: 5, offset: 0, cap: 10 });
    expect(capped.total).toBe(10);
    expect(capped.totalCapped).toBe(true);
    expect(capped.items.map((i) => i.name).slice(0, 2)).toEqual(['有限', '有限公司']);
    const all = await searchSubjectsByName(ctx.db, { q: '有限', limit: 50, offset: 0 });
    expect(all).toMatchObject({ total: 62, totalCapped: false });
    expect(all.items.map((i) => i.name)).not.toContain('有限公司张三');
    const longer = await searchSubjectsByName(ctx.db, { q: '有限公司', limit: 50, offset: 0 });
    expect(longer.total).toBe(61); // every name but 有限
    expect(longer.items[0]?.name).toBe('有限公司');
  });
});
