import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../context';
import { FileDownloadSchema } from '../schemas/batch.schema';
import { CatalogListSchema, CatalogParamsSchema } from '../schemas/catalog.schema';
import { errorResponses } from '../schemas/common.schema';
import { listCatalogBodies, templateTable } from '../services/catalog.service';
import { EXPORT_MEDIA_TYPES, exportTable } from '../services/export/table-export';
import { sendDownload } from './download';

export const catalogRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app) => {
  app.get(
    '/catalogs',
    {
      config: { access: 'public' },
      schema: { tags: ['catalogs'], summary: '信息目录及字段（代码、名称、类型、必填、取值）', response: { 200: CatalogListSchema } },
    },
    async () => ({ catalogs: listCatalogBodies() }),
  );

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(
      `/catalogs/:code/template.${format}`,
      {
        config: { access: 'public' },
        schema: {
          tags: ['catalogs'],
          summary: `上报模板（${format.toUpperCase()}，中文表头）`,
          params: CatalogParamsSchema,
          response: { 200: FileDownloadSchema(EXPORT_MEDIA_TYPES[format], `${format.toUpperCase()} 模板`), ...errorResponses(400) },
        },
      },
      async (request, reply) => {
        const table = templateTable(request.params.code);
        const file = { stream: exportTable(table, format), fileName: `${table.fileName}.${format}`, asciiName: `${request.params.code}-template.${format}` };
        return sendDownload(reply, file, format);
      },
    );
  }
};
