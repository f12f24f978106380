import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context';
import { errorResponses } from '../schemas/common.schema';
import {
  SubjectArchiveSchema,
  SubjectParamsSchema,
  SubjectQuerySchema,
  SubjectRecordsSchema,
  SubjectSearchQuerySchema,
  SubjectSearchResultSchema,
} from '../schemas/subject.schema';
import { searchSubjects } from '../services/search.service';
import { getSubjectArchive, getSubjectRecords } from '../services/subject.service';
import { publicCache } from './public-cache';

const NOT_MODIFIED = { 304: { description: '未变化（If-None-Match 与 ETag 相同）', type: 'null' } } as const;

export const subjectRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/subjects',
    {
      config: { access: 'public' },
      onSend: publicCache,
      schema: {
        tags: ['subjects'],
        summary: '检索信用主体（名称片段至少2个字，或统一社会信用代码）',
        description:
          '按名称包含检索法人和个体工商户（精确名称、前缀匹配优先，其次名称较短者）；自然人不可按姓名检索。匹配超过1000个时 totalCapped 为 true。',
        querystring: SubjectSearchQuerySchema,
        response: { 200: SubjectSearchResultSchema, ...NOT_MODIFIED, ...errorResponses(400, 429) },
      },
    },
    async (request) => searchSubjects(ctx, request.query),
  );

  app.get(
    '/subjects/:code',
    {
      config: { access: 'public' },
      onSend: publicCache,
      schema: {
        tags: ['subjects'],
        summary: '主体信用档案（按统一社会信用代码或主体标识）：公示中的记录',
        params: SubjectParamsSchema,
        querystring: SubjectQuerySchema,
        response: { 200: SubjectArchiveSchema, ...NOT_MODIFIED, ...errorResponses(400, 404, 429) },
      },
    },
    async (request) => getSubjectArchive(ctx, request.params.code, request.query),
  );

  app.get(
    '/subjects/:code/records',
    {
      config: { access: 'public' },
      onSend: publicCache,
      schema: {
        tags: ['subjects'],
        summary: '主体公示中的记录（可按信息类别筛选，分页）',
        params: SubjectParamsSchema,
        querystring: SubjectQuerySchema,
        response: { 200: SubjectRecordsSchema, ...NOT_MODIFIED, ...errorResponses(400, 404, 429) },
      },
    },
    async (request) => getSubjectRecords(ctx, request.params.code, request.query),
  );
};
