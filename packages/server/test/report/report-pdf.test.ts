import { testEngines } from '@pubcredit/db/testing';
import { checkResidentId } from '@pubcredit/domain';
import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../../src/context';
import type { CreditReport, ReportVerification } from '../../src/schemas/report.schema';
import { REPORT_NO_PATTERN } from '../../src/services/report/report-number';
import { reportSettings } from '../../src/services/report/report.service';
import { COMPANY_USCC, DEPT_B, addDepartments } from '../fixtures';
import { syntheticUscc } from '../import/import-helpers';
import { addRecord, addSubject } from '../portal/portal-fixtures';
import { createTestApp, createTestContext } from '../test-context';
import { decodeQr, decodeQrPng, inkShare, pdfPages, pdfText, renderPdfPage } from './pdf-reader';

const FULL_ID = '410402199001011230';
const COMPANY = '平顶山市鹰城建材有限公司';
const MANY_USCC = syntheticUscc(901);

describe.each(testEngines())('credit report PDF and 信用码 on %s', (engine) => {
  let ctx: AppContext;
  let app: FastifyInstance;
  let personId: string;

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    await addDepartments(ctx);
    const subjectId = await addSubject(ctx, { name: COMPANY, uscc: COMPANY_USCC });
    await addRecord(ctx, { subjectId, docNo: '平市监罚〔2026〕1号', maxUntil: '2099-12-31', data: { CF_WFXW: '未按规定公示年度报告' } });
    await addRecord(ctx, { subjectId, docNo: '平市住许〔2026〕2号', catalog: 'administrative_license', sourceDept: DEPT_B.uscc, data: { XK_NR: '建筑业企业资质' } });
    await addRecord(ctx, {
      subjectId, docNo: '平市监信〔2026〕4号', catalog: 'serious_dishonesty_list', decisionDate: '2026-03-10', tier: 'serious', maxUntil: '2099-12-31',
      data: { SX_MDMC: '严重违法失信名单', SX_LRSY: '提交虚假材料取得食品经营许可', SX_RDWSH: '平市监信〔2026〕4号' },
    });
    personId = await addSubject(ctx, { name: '张三', kind: 'natural_person', idMasked: '4104**********1230' });
    await addRecord(ctx, {
      subjectId: personId,
      docNo: '平市监罚〔2026〕3号',
      maxUntil: '2099-12-31',
      data: { CF_XDR_ZJHM: FULL_ID, CF_WFXW: `当事人张三（身份证号${FULL_ID}）未按规定经营` },
    });
    app = await createTestApp(ctx, { http: { rateLimit: 0 } });
  });
  afterAll(async () => {
    await app?.close();
    await ctx?.db.close();
  });

  async function pdf(url: string): Promise<{ bytes: Buffer; text: string; disposition: string }> {
    const res = await app.inject({ method: 'GET', url });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    return { bytes: res.rawPayload, text: await pdfText(res.rawPayload), disposition: String(res.headers['content-disposition']) };
  }

  it('a standard report PDF carries the Chinese name, number, times, sections, periods and verification footer; page 1 renders', async () => {
    const { bytes, text, disposition } = await pdf(`/api/v1/subjects/${COMPANY_USCC}/report.pdf`);
    const reportNo = /PDS-\d{8}-[0-9A-Z]{8}/.exec(text)?.[0] ?? '';
    expect(reportNo).toMatch(REPORT_NO_PATTERN);
    for (const expected of [COMPANY, '标准信用报告', `报告编号：${reportNo}`, '主体类别：法人及非法人组织', '生成时间', '数据截止时间', '主体基本信息', '一、行政许可信息（1 条）', '行政处罚信息（1 条）', '平顶山市市场监督管理局（测试）', '公示期至 2099-12-31', '公示期：长期公示（非失信信息，不设公示期限）', '核验方法', `/verify/${reportNo}`]) {
      expect(text).toContain(expected);
    }
    // RFC 5987: the Chinese file name in filename*, an ASCII one beside it.
    expect(disposition).toContain(`filename="credit-report-${reportNo}.pdf"`);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(`标准信用报告-${COMPANY}-${reportNo}.pdf`)}`);
    // Each record's date under the catalogue's own name (a listing is 列入, not 决定); page 1 sums up
    // what the report holds, so the listing in the eleventh section is not missed.
    for (const expected of ['平市监罚〔2026〕1号（处罚决定日期 ', '平市住许〔2026〕2号（许可决定日期 ', '十一、严重失信主体名单信息（1 条）', '平市监信〔2026〕4号（列入日期 2026-03-10）']) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('（决定日期');
    const pages = await pdfPages(bytes);
    expect(pages[0]).toContain('信息概要：共 3 条：行政许可 1 条、行政处罚 1 条、严重失信主体名单 1 条；其余类别无公示中的记录');
    // The eight empty categories say so under their headings; no heading is left alone at a page's foot.
    expect(text.match(/信息（0 条）\n无公示中的记录。/g)).toHaveLength(8);
    for (const page of pages) {
      const lines = page.split('\n').filter(Boolean);
      const footer = lines.findIndex((l) => l.startsWith('核验方法'));
      expect(lines[footer - 1] ?? '', page).not.toMatch(/^[一二三四五六七八九十]+、.+信息（\d+ 条）$|^报告说明$/);
    }
    // Page 1 rendered (pdf.js at 50 dpi): the embedded CJK font draws ink, not blank boxes.
    expect(inkShare(await renderPdfPage(bytes, 1, 50))).toBeGreaterThan(0.01);
    // The number printed on the PDF verifies.
    const verified = (await app.inject({ method: 'GET', url: `/api/v1/reports/${reportNo}/verify` })).json<ReportVerification>();
    expect(verified).toMatchObject({ found: true, authentic: true, changed: false, subjectName: COMPANY });
  });

  it('the QR code on page 1, read from its pixels, is the report’s verify URL, and that report verifies', async () => {
    const { bytes, text } = await pdf(`/api/v1/subjects/${COMPANY_USCC}/report.pdf`);
    const printedNo = /PDS-\d{8}-[0-9A-Z]{8}/.exec(text)?.[0] ?? '';
    expect(printedNo).toMatch(REPORT_NO_PATTERN);
    // The verify URL as the JSON report states it: the public URL, /verify/, the number.
    const { publicUrl } = reportSettings(ctx);
    const json = (await app.inject({ method: 'GET', url: `/api/v1/subjects/${COMPANY_USCC}/report.json` })).json<CreditReport>();
    expect(json.verifyUrl).toBe(`${publicUrl}/verify/${json.reportNo}`);
    // What a phone reads from the printed page (150 dpi, as a modest scan).
    const decoded = decodeQr(await renderPdfPage(bytes, 1, 150));
    expect(decoded).toBe(`${publicUrl}/verify/${printedNo}`);
    const decodedNo = decodeURIComponent(new URL(decoded ?? '').pathname.replace(/^\/verify\//, ''));
    const verified = (await app.inject({ method: 'GET', url: `/api/v1/reports/${encodeURIComponent(decodedNo)}/verify` })).json<ReportVerification>();
    expect(verified).toMatchObject({ reportNo: printedNo, found: true, authentic: true, changed: false, subjectName: COMPANY });
  });

  it('a long report keeps each record on one page and numbers the pages on a line of their own', async () => {
    const subjectId = await addSubject(ctx, { name: '平顶山市多记录测试有限公司', uscc: MANY_USCC });
    for (let i = 1; i <= 30; i++) {
      await addRecord(ctx, {
        subjectId,
        docNo: `平市监罚〔2026〕${100 + i}号`,
        maxUntil: '2099-12-31',
        data: { CF_WFXW: `第${i}条记录的违法事实：${'未按规定公示年度报告，经责令改正逾期仍不改正。'.repeat(4)}记录${i}完` },
      });
    }
    const res = await app.inject({ method: 'GET', url: `/api/v1/subjects/${MANY_USCC}/report.pdf` });
    expect(res.statusCode).toBe(200);
    const pages = (await pdfPages(res.rawPayload)).map((p) => p.replace(/\n/g, ''));
    expect(pages.length).toBeGreaterThan(2);
    const pageOf = (text: string): number => pages.findIndex((p) => p.includes(text));
    for (let i = 1; i <= 30; i++) {
      const start = pageOf(`平市监罚〔2026〕${100 + i}号`);
      expect(start, `record ${i}`).toBeGreaterThanOrEqual(0);
      expect(pageOf(`记录${i}完`), `record ${i} ends on the page it starts`).toBe(start);
    }
    const raw = await pdfPages(res.rawPayload);
    raw.forEach((page, n) => expect(page).toMatch(new RegExp(`(^|\\n)第 ${n + 1} 页 / 共 ${raw.length} 页(\\n|$)`)));
  });

  it('a 专项 report PDF names its range and lists the 严重失信主体名单 records', async () => {
    const { text } = await pdf(`/api/v1/subjects/${COMPANY_USCC}/report.pdf?kind=special&from=2025-01-01&categories=administrative_penalty%2Cserious_dishonesty_list`);
    expect(text).toContain('专项信用报告');
    // The range is on each catalogue's own date: a penalty's decision, a listing's 列入日期.
    expect(text).toContain('报告范围：2025-01-01 至 不限（按处罚决定日期、列入日期）');
    expect(text).toContain('一、行政处罚信息（1 条）');
    expect(text).toContain('二、严重失信主体名单信息（1 条）');
    expect(text).toContain('平市监信〔2026〕4号');
    expect(text).toContain('名单名称：严重违法失信名单');
    expect(text).not.toContain('本平台暂未归集该类信息');
    expect(text).not.toContain('行政许可信息');
  });

  it('a 专项 report of the 严重失信主体名单 alone: one section, its 列入日期, 有效期至 and period, page 1 drawn', async () => {
    const { bytes, text } = await pdf(`/api/v1/subjects/${COMPANY_USCC}/report.pdf?kind=special&categories=serious_dishonesty_list`);
    const pages = await pdfPages(bytes);
    expect(pages).toHaveLength(1);
    for (const expected of [
      '专项信用报告', '报告范围：不限', '信息类别：严重失信主体名单', '信息概要：共 1 条：严重失信主体名单 1 条\n', '一、严重失信主体名单信息（1 条）',
      '1. 平市监信〔2026〕4号（列入日期 2026-03-10）', '公示期至 2099-12-31', '失信程度：严重', '名单名称：严重违法失信名单', '已移出名单',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toMatch(/行政处罚信息|行政强制信息|二、/);
    expect(inkShare(await renderPdfPage(bytes, 1, 50))).toBeGreaterThan(0.01);
  });

  it('a natural person’s report PDF holds no full ID number', async () => {
    const { text } = await pdf(`/api/v1/subjects/${personId}/report.pdf`);
    expect(text).toContain('张三');
    expect(text).toContain('4104**********1230');
    expect(text).not.toContain(FULL_ID);
    expect((text.replace(/\s+/g, '').match(/\d{17}[\dX]/g) ?? []).filter((id) => checkResidentId(id).valid)).toEqual([]);
  });

  it('信用码: SVG and PNG of the subject page URL; none for a natural person', async () => {
    const svg = await app.inject({ method: 'GET', url: `/api/v1/subjects/${COMPANY_USCC}/qrcode.svg` });
    expect(svg.statusCode).toBe(200);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect(svg.body).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg.body).toMatch(/<path[^>]* d="M[^"]{200,}"/);
    // It encodes the subject page under the public URL: the same symbol as that URL's QR code.
    const expected = await QRCode.toString(`http://localhost:8080/subjects/${COMPANY_USCC}`, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
    expect(svg.body).toBe(expected);
    const png = await app.inject({ method: 'GET', url: `/api/v1/subjects/${COMPANY_USCC}/qrcode.png` });
    expect(png.statusCode).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // Read from its pixels, the PNG leads to the subject page; the SVG is the symbol of that same text.
    const pngText = decodeQrPng(png.rawPayload);
    expect(pngText).toBe(`${reportSettings(ctx).publicUrl}/subjects/${COMPANY_USCC}`);
    expect(svg.body).toBe(await QRCode.toString(pngText ?? '', { type: 'svg', errorCorrectionLevel: 'M', margin: 4 }));
    const person = await app.inject({ method: 'GET', url: `/api/v1/subjects/${personId}/qrcode.svg` });
    expect(person.statusCode).toBe(404);
    expect(person.json<{ message: string }>().message).toContain('信用码仅适用于法人和个体工商户');
  });

  it('the 信用码 leads to the subject page under the public URL', async () => {
    const { subjectPageUrl } = await import('../../src/services/report/subject-qrcode');
    expect(subjectPageUrl('https://credit.pds.gov.cn', { uscc: COMPANY_USCC, subjectId: 'x' } as Parameters<typeof subjectPageUrl>[1])).toBe(
      `https://credit.pds.gov.cn/subjects/${COMPANY_USCC}`,
    );
  });
});
