import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../src/context';
import type { CatalogList } from '../src/schemas/catalog.schema';
import type { ErrorBody } from '../src/schemas/common.schema';
import { createTestApp, createTestContext } from './test-context';

describe('catalogues and templates', () => {
  let ctx: AppContext;
  let app: FastifyInstance;

  beforeAll(async () => {
    ctx = await createTestContext('pglite');
    app = await createTestApp(ctx);
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.db.close();
  });

  it('lists the catalogues with fields, requirement rules and enum values', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/catalogs' });
    expect(res.statusCode).toBe(200);
    const penalty = res.json<CatalogList>().catalogs.find((c) => c.code === 'administrative_penalty');
    expect(penalty).toMatchObject({ name: '行政处罚', templates: { csv: '/api/v1/catalogs/administrative_penalty/template.csv' } });
    const fine = penalty?.fields.find((f) => f.code === 'CF_NR_FK');
    expect(fine).toMatchObject({ name: '罚款金额（万元）', type: 'decimal', required: 'conditional' });
    expect(fine?.requiredWhen).toContain('罚款');
    const kind = penalty?.fields.find((f) => f.code === 'CF_XDR_LB');
    expect(kind?.enumValues.map((v) => v.name)).toContain('自然人');
  });

  it('lists the ten administrative acts of issue #2, then 严重失信主体名单 with its template', async () => {
    const { catalogs } = (await app.inject({ method: 'GET', url: '/api/v1/catalogs' })).json<CatalogList>();
    expect(catalogs.map((c) => c.code)).toEqual([
      'administrative_license', 'administrative_penalty', 'administrative_coercion', 'administrative_confirmation', 'administrative_levy',
      'administrative_payment', 'administrative_adjudication', 'administrative_compensation', 'administrative_reward', 'administrative_inspection',
      'serious_dishonesty_list',
    ]);
    const list = catalogs.find((c) => c.code === 'serious_dishonesty_list');
    expect(list?.name).toBe('严重失信主体名单');
    // The portal reads what a list is and what its dates are called from here.
    expect(catalogs.filter((c) => c.kind === 'list').map((c) => c.code)).toEqual(['serious_dishonesty_list']);
    expect(list?.fields.find((f) => f.role === 'decision_date')).toMatchObject({ code: 'SX_LRRQ', name: '列入日期' });
    expect(list?.fields.find((f) => f.role === 'list_name')).toMatchObject({ code: 'SX_MDMC', name: '名单名称' });
    expect(catalogs.find((c) => c.code === 'administrative_penalty')).toMatchObject({ kind: 'administrative_act' });
    expect(catalogs.find((c) => c.code === 'administrative_penalty')?.fields.find((f) => f.code === 'CF_WFXW')?.role).toBeNull();
    expect(list?.fields.find((f) => f.code === 'SX_FRDB')).toMatchObject({ required: 'conditional', requiredWhen: '失信主体类别为法人及非法人组织时必填' });
    const template = await app.inject({ method: 'GET', url: '/api/v1/catalogs/serious_dishonesty_list/template.csv' });
    expect(template.statusCode).toBe(200);
    expect(template.rawPayload.toString('utf8').startsWith('\uFEFF失信主体名称,失信主体类别,')).toBe(true);
  });

  it('serves a CSV template: BOM and the Chinese header row', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/catalogs/administrative_license/template.csv' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('administrative_license-template.csv');
    const text = res.rawPayload.toString('utf8');
    expect(text.startsWith('\uFEFF行政相对人名称,行政相对人类别,')).toBe(true);
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(1);
  });

  it('serves an XLSX template', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/catalogs/administrative_penalty/template.xlsx' });
    expect(res.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]?.getCell('A1').value).toBe('行政相对人名称');
  });

  it('answers an unknown catalogue with 400 and the known codes', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/catalogs/nope/template.csv' });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'CATALOG_UNKNOWN' });
    expect(res.json<ErrorBody>().message).toContain('nope');
  });
});
