import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { AppContext } from '../context';
import { FileDownloadSchema } from '../schemas/batch.schema';
import { errorResponses } from '../schemas/common.schema';
import { CreditReportSchema, ReportNoParamsSchema, ReportQuerySchema, ReportVerificationSchema, SigningKeySchema } from '../schemas/report.schema';
import { SubjectParamsSchema } from '../schemas/subject.schema';
import { renderReportPdf, warmUpReportPdf } from '../services/report/report-pdf';
import { issueReport, reportSettings, signingKeyInfo, verifyReport } from '../services/report/report.service';
import { subjectQrPng, subjectQrSvg } from '../services/report/subject-qrcode';
import { PUBLIC_MAX_AGE_SECONDS, publicCache } from './public-cache';

const NOT_MODIFIED = { 304: { description: '未变化（If-None-Match 与 ETag 相同）', type: 'null' } } as const;
const KIND_NAMES = { standard: '标准信用报告', special: '专项信用报告' } as const;

/** Content-Disposition of a download: an ASCII filename and the Chinese one in filename* (RFC 6266 / 5987). */
function attachment(asciiName: string, fileName: string): string {
  const ascii = asciiName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** Sends a binary body (the typed reply expects the schema's string). */
function sendBinary(reply: FastifyReply, type: string, body: Buffer, cacheControl: string): FastifyReply {
  return reply.type(type).header('cache-control', cacheControl).send(body);
}

/** Credit reports (信用报告) with verification, and the subject's 信用码 (issue #4 §4–5). */
export const reportRoutes: FastifyPluginAsyncTypebox<{ ctx: AppContext }> = async (app, { ctx }) => {
  // Once listening (never in tests that only inject), render a sample so the first report is not slow.
  app.addHook('onListen', (done) => {
    setImmediate(() => {
      warmUpReportPdf().catch((err: unknown) => ctx.log.warn({ err }, 'report PDF warm-up failed'));
    });
    done();
  });

  const reportDescription =
    '每次请求签发一份新报告（新编号）：平台保存编号、内容哈希（SM3）与签名（Ed25519），不保存报告文件。kind=special 为专项信用报告，可选 from、to（决定日期；严重失信主体名单按列入日期）与 categories。';

  // HEAD would issue a report too (a stored row per call): GET only.
  app.get(
    '/subjects/:code/report.json',
    {
      exposeHeadRoute: false,
      config: { access: 'public' },
      schema: {
        tags: ['reports'],
        summary: '签发信用报告（JSON，含签名）',
        description: reportDescription,
        params: SubjectParamsSchema,
        querystring: ReportQuerySchema,
        response: { 200: CreditReportSchema, ...errorResponses(400, 404, 429) },
      },
    },
    async (request, reply) => {
      const report = await issueReport(ctx, request.params.code, request.query);
      return reply.header('cache-control', 'no-store').send(report);
    },
  );

  app.get(
    '/subjects/:code/report.pdf',
    {
      exposeHeadRoute: false,
      config: { access: 'public' },
      schema: {
        tags: ['reports'],
        summary: '签发信用报告（PDF，附核验二维码）',
        description: reportDescription,
        params: SubjectParamsSchema,
        querystring: ReportQuerySchema,
        response: { 200: FileDownloadSchema('application/pdf', '信用报告 PDF'), ...errorResponses(400, 404, 429) },
      },
    },
    async (request, reply) => {
      const report = await issueReport(ctx, request.params.code, request.query);
      const pdf = await renderReportPdf(report, reportSettings(ctx).publicUrl);
      reply.header('content-disposition', attachment(`credit-report-${report.reportNo}.pdf`, `${KIND_NAMES[report.kind]}-${report.subject.name}-${report.reportNo}.pdf`));
      return sendBinary(reply, 'application/pdf', pdf, 'no-store');
    },
  );

  app.get(
    '/reports/:reportNo/verify',
    {
      config: { access: 'public' },
      onSend: publicCache,
      schema: {
        tags: ['reports'],
        summary: '核验信用报告：是否本平台签发、签名是否有效、内容是否已变化',
        params: ReportNoParamsSchema,
        response: { 200: ReportVerificationSchema, ...NOT_MODIFIED, ...errorResponses(400, 429) },
      },
    },
    async (request) => verifyReport(ctx, request.params.reportNo),
  );

  app.get(
    '/reports/signing-key',
    {
      config: { access: 'public' },
      onSend: publicCache,
      schema: {
        tags: ['reports'],
        summary: '报告签名公钥（Ed25519，SPKI PEM），供离线核验',
        response: { 200: SigningKeySchema, ...NOT_MODIFIED, ...errorResponses(429) },
      },
    },
    async () => signingKeyInfo(ctx),
  );

  app.get(
    '/subjects/:code/qrcode.svg',
    {
      config: { access: 'public' },
      schema: {
        tags: ['reports'],
        summary: '信用码（SVG）：扫码打开主体的信用档案页面（仅法人和个体工商户）',
        params: SubjectParamsSchema,
        response: { 200: FileDownloadSchema('image/svg+xml', '信用码 SVG'), ...errorResponses(400, 404, 429) },
      },
    },
    async (request, reply) => {
      const svg = await subjectQrSvg(ctx, request.params.code);
      return reply.type('image/svg+xml; charset=utf-8').header('cache-control', `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`).send(svg);
    },
  );

  app.get(
    '/subjects/:code/qrcode.png',
    {
      config: { access: 'public' },
      schema: {
        tags: ['reports'],
        summary: '信用码（PNG，512×512）：扫码打开主体的信用档案页面（仅法人和个体工商户）',
        params: SubjectParamsSchema,
        response: { 200: FileDownloadSchema('image/png', '信用码 PNG'), ...errorResponses(400, 404, 429) },
      },
    },
    async (request, reply) => {
      const png = await subjectQrPng(ctx, request.params.code);
      return sendBinary(reply, 'image/png', png, `public, max-age=${PUBLIC_MAX_AGE_SECONDS}`);
    },
  );
};
