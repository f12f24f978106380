import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context';
import { FileDownloadSchema } from '../schemas/batch.schema';
import { errorResponses } from '../schemas/common.schema';
import { DisclosureDepartmentsSchema, DisclosureFilterSchema, DisclosureListSchema, DisclosureQuerySchema } from '../schemas/disclosure.schema';
import { browseDisclosures, exportDisclosures, listDisclosureDepartments } from '../services/disclosure.service';
import { EXPORT_MEDIA_TYPES } from '../services/export/table-export';
import { sendDownload } from './download';
import { PUBLIC_DATA_CACHE, publicCache } from './public-cache';

const NOT_MODIFIED = { 304: { description: '未变化（If-None-Match 与 ETag 相同）', type: 'null' } } as const;

/** 双公示 (行政许可、行政处罚等) browse for the public: only what publicRecordCondition lets be public. */
export const disclosureRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/disclosures',
    {
      config: { access: 'public' },
      onSend: publicCache,
      schema: {
        tags: ['disclosures'],
        summary: '双公示浏览：公示中的记录（可按信息类型、信息类别、报送部门、决定日期筛选，新决定在前）',
        description:
          '缺省列出全部信息类别，含严重失信主体名单；kind=administrative_act 只列行政行为信息（双公示、十公示），kind=list 只列名单信息。名单的“决定日期”（decisionDate）为列入日期。',
        querystring: DisclosureQuerySchema,
        response: { 200: DisclosureListSchema, ...NOT_MODIFIED, ...errorResponses(400, 429) },
      },
    },
    async (request) => browseDisclosures(ctx, request.query),
  );

  app.get(
    '/disclosures.csv',
    {
      config: { access: 'public' },
      schema: {
        tags: ['disclosures'],
        summary: '双公示导出 CSV（UTF-8 带 BOM；筛选条件同浏览，至多10万条）',
        description:
          '列：信息类别、行政相对人名称、统一社会信用代码、主体标识、决定文书号、决定日期、报送部门、报送部门代码、失信程度、公示截止日期、详细信息。' +
          'kind=list（严重失信主体名单）时列名用名单的说法：名单类别、失信主体名称、…、认定决定文书号、列入日期、…，文件名为“严重失信主体名单_日期.csv”。',
        querystring: DisclosureFilterSchema,
        response: { 200: FileDownloadSchema(EXPORT_MEDIA_TYPES.csv, '双公示记录 CSV'), ...errorResponses(400, 429) },
      },
    },
    async (request, reply) => {
      const file = await exportDisclosures(ctx, request.query);
      return sendDownload(reply, file, 'csv').header('cache-control', PUBLIC_DATA_CACHE);
    },
  );

  app.get(
    '/disclosures/departments',
    {
      config: { access: 'public' },
      onSend: publicCache,
      schema: {
        tags: ['disclosures'],
        summary: '报送部门列表（双公示筛选用）',
        response: { 200: DisclosureDepartmentsSchema, ...NOT_MODIFIED, ...errorResponses(429) },
      },
    },
    async () => listDisclosureDepartments(ctx),
  );
};
