import { TIER_NAMES, beijingDateTime as beijingTime } from '@pubcredit/domain';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { CreditReport } from '../../schemas/report.schema';
import type { RecordItem } from '../../schemas/subject.schema';
import { recordFieldText, roleFieldName } from '../../presenters/record-fields';
import { FONT_BOLD, FONT_REGULAR, installFonts } from './pdf-fonts';
import { QR_QUIET_ZONE } from './qr-style';

// The credit report as a Chinese PDF (A4): header with the verification QR code, the report's
// number and times, the subject, its public records by category with source department and
// publicity period, the signature, and on every page a footer telling how to verify it.

const PLATFORM = '信用中国（河南平顶山）';
const KIND_TITLES = { standard: '标准信用报告', special: '专项信用报告' } as const;
const SUBJECT_KINDS: Record<string, string> = { legal_person: '法人及非法人组织', individual_business: '个体工商户', natural_person: '自然人' };
const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
const MARGIN = 50;
const FOOTER_HEIGHT = 40;
const QR_SIZE = 92;
const GREY = '#555555';
/** Draws the QR code of the text as vector squares (crisp at any zoom, no image decoding). */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = QR_QUIET_ZONE;
  const cell = size / (modules.size + 2 * quiet);
  doc.save().rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) doc.rect(x + (col + quiet) * cell, y + (row + quiet) * cell, cell + 0.05, cell + 0.05);
    }
  }
  doc.fill('#000000').restore();
}

function periodText(r: RecordItem): string {
  if (!r.maxUntil) return '公示期：长期公示（非失信信息，不设公示期限）'; // as the portal words it
  const parts = [`公示期至 ${r.maxUntil}`];
  if (r.minUntil) parts.push(`最短公示期至 ${r.minUntil}（此后可申请信用修复）`);
  if (r.tier) parts.push(`失信程度：${TIER_NAMES[r.tier]}`);
  if (r.regimeName) parts.push(`依据：${r.regimeName}`);
  return parts.join('；');
}

/**
 * The time range of a 专项 report and the date it is on: each catalogue's own (处罚决定日期,
 * 行政强制决定日期, a list's 列入日期), as the range filters records by it.
 * @example rangeText(report) // '2025-01-01 至 不限（按处罚决定日期、列入日期）'
 */
export function rangeText(report: Pick<CreditReport, 'period' | 'sections'>): string {
  const { from, to } = report.period ?? { from: null, to: null };
  if (!from && !to) return '不限';
  const dates = [...new Set(report.sections.map((s) => roleFieldName(s.category, 'decision_date', '决定日期')))];
  return `${from ?? '不限'} 至 ${to ?? '不限'}（按${dates.join('、')}）`;
}

/**
 * The count of records per category, so that a reader sees on page 1 what the report holds (a
 * listing on the 严重失信主体名单 is the eleventh section of a standard report).
 * @example summaryText(report) // '共 3 条：行政处罚 2 条、严重失信主体名单 1 条；其余类别无公示中的记录'
 */
export function summaryText(report: Pick<CreditReport, 'sections'>): string {
  const filled = report.sections.filter((s) => s.records.length > 0);
  if (filled.length === 0) return '无公示中的记录';
  const total = filled.reduce((n, s) => n + s.records.length, 0);
  const parts = filled.map((s) => `${s.name} ${s.records.length} 条`).join('、');
  return `共 ${total} 条：${parts}${filled.length < report.sections.length ? '；其余类别无公示中的记录' : ''}`;
}

/** The room left above the bottom margin of the current page. */
function roomLeft(doc: PDFKit.PDFDocument): number {
  return doc.page.height - doc.page.margins.bottom - doc.y;
}

/** Starts a new page when `height` does not fit on this one (and would fit on a fresh one). */
function keepTogether(doc: PDFKit.PDFDocument, height: number): void {
  const fresh = doc.page.height - doc.page.margins.top - doc.page.margins.bottom;
  if (height > roomLeft(doc) && height <= fresh) doc.addPage();
}

/** A heading keeps this much room below it for what it heads (not alone at the foot of a page). */
const HEADING_KEEP = 90;

function heading(doc: PDFKit.PDFDocument, text: string): void {
  keepTogether(doc, HEADING_KEEP);
  doc.moveDown(0.6).font(FONT_BOLD).fontSize(13).fillColor('#000000').text(text, MARGIN);
  const y = doc.y + 2;
  doc.moveTo(MARGIN, y).lineTo(doc.page.width - MARGIN, y).lineWidth(0.5).strokeColor('#999999').stroke();
  doc.moveDown(0.4);
}

function line(doc: PDFKit.PDFDocument, label: string, value: string, width?: number): void {
  doc.font(FONT_BOLD).fontSize(10).fillColor('#000000').text(`${label}：`, MARGIN, undefined, { continued: true, width });
  doc.font(FONT_REGULAR).text(value, { width });
}

function records(doc: PDFKit.PDFDocument, section: CreditReport['sections'][number]): void {
  if (section.records.length === 0) {
    doc.font(FONT_REGULAR).fontSize(10).fillColor(GREY).text('无公示中的记录。', MARGIN);
    return;
  }
  const width = doc.page.width - 2 * MARGIN;
  section.records.forEach((r, i) => {
    // The catalogue's name of the date: 处罚决定日期, a list's 列入日期 (a listing is not a 决定).
    const title = `${i + 1}. ${r.docNo}（${roleFieldName(r.catalog, 'decision_date', '决定日期')} ${r.decisionDate}）`;
    const body = [`报送部门：${r.sourceDeptName ?? '（未登记）'}（${r.sourceDept}）`, periodText(r)];
    const fields = recordFieldText(r.catalog, r.data);
    // A record is not split across pages (a page would show a document number without its content).
    doc.font(FONT_REGULAR).fontSize(9);
    const bodyHeight = [...body, fields].reduce((h, t) => h + (t ? doc.heightOfString(t, { width: width - 12 }) : 0), 0);
    doc.font(FONT_BOLD).fontSize(10);
    keepTogether(doc, doc.currentLineHeight(true) * 0.3 + doc.heightOfString(title, { width }) + bodyHeight);
    doc.moveDown(0.3).fillColor('#000000').text(title, MARGIN, undefined, { width });
    doc.font(FONT_REGULAR).fontSize(9).fillColor('#000000');
    for (const t of body) doc.text(t, MARGIN + 12, undefined, { width: width - 12 });
    if (fields) doc.fillColor(GREY).text(fields, MARGIN + 12, undefined, { width: width - 12 });
  });
}

function footers(doc: PDFKit.PDFDocument, report: CreditReport, keyUrl: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0; // writing inside the bottom margin must not add a page
    const y = doc.page.height - bottom + 8;
    const width = doc.page.width - 2 * MARGIN;
    doc.font(FONT_REGULAR).fontSize(7.5).fillColor(GREY);
    doc.text(`核验方法：扫描首页二维码或访问 ${report.verifyUrl}，输入报告编号 ${report.reportNo} 核验真伪及内容是否变化；`, MARGIN, y, { width, lineBreak: true });
    doc.text(`离线核验：用平台公钥（${keyUrl}）以 Ed25519 验证报告 JSON 的签名。`, MARGIN, undefined, { width });
    doc.text(`第 ${i - range.start + 1} 页 / 共 ${range.count} 页`, MARGIN, undefined, { width, align: 'center' });
    doc.page.margins.bottom = bottom;
  }
}

/**
 * Renders a report as PDF. All drawing is synchronous (one document at a time per font object);
 * only the assembling of the output stream is awaited.
 * @param publicUrl the portal's base URL (for the public key's address in the footer)
 */
export function renderReportPdf(report: CreditReport, publicUrl: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN + FOOTER_HEIGHT },
    bufferPages: true,
    info: { Title: `${KIND_TITLES[report.kind]} ${report.reportNo}`, Author: PLATFORM, Subject: report.subject.name, Creator: 'PubCredit' },
    lang: 'zh-CN',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  installFonts(doc);
  const textWidth = doc.page.width - 2 * MARGIN - QR_SIZE - 16;

  drawQr(doc, report.verifyUrl, doc.page.width - MARGIN - QR_SIZE, MARGIN, QR_SIZE);
  doc.font(FONT_REGULAR).fontSize(7).fillColor(GREY).text('扫码核验报告', doc.page.width - MARGIN - QR_SIZE, MARGIN + QR_SIZE + 2, { width: QR_SIZE, align: 'center' });
  doc.font(FONT_REGULAR).fontSize(10).fillColor(GREY).text(PLATFORM, MARGIN, MARGIN, { width: textWidth });
  doc.moveDown(0.3).font(FONT_BOLD).fontSize(22).fillColor('#000000').text(KIND_TITLES[report.kind], MARGIN, undefined, { width: textWidth });
  doc.moveDown(0.4);
  line(doc, '报告编号', report.reportNo, textWidth);
  line(doc, '生成时间', beijingTime(report.issuedAt), textWidth);
  line(doc, '数据截止时间', beijingTime(report.asOf), textWidth);
  doc.y = Math.max(doc.y, MARGIN + QR_SIZE + 14);

  heading(doc, '主体基本信息');
  const s = report.subject;
  line(doc, '主体名称', s.name);
  if (s.uscc) line(doc, '统一社会信用代码', s.uscc);
  if (s.idMasked) line(doc, '证件号码（已脱敏）', s.idMasked);
  line(doc, '主体类别', SUBJECT_KINDS[s.kind] ?? s.kind);
  if (report.period) line(doc, '报告范围', rangeText(report));
  line(doc, '信息类别', report.sections.map((x) => x.name).join('、'));
  line(doc, '信息概要', summaryText(report));

  report.sections.forEach((section, i) => {
    heading(doc, `${NUMERALS[i] ?? String(i + 1)}、${section.name}信息（${section.records.length} 条）`);
    records(doc, section);
  });

  heading(doc, '报告说明');
  doc.font(FONT_REGULAR).fontSize(9).fillColor('#000000');
  doc.text('1. 本报告列示报告生成时本平台依法公示的信用信息；公示期满、已信用修复、已移出名单或已撤销的信息不予列示，自然人证件号码已脱敏。', MARGIN);
  doc.text('2. 平台保存本报告的编号、内容哈希与签名，不保存报告文件。核验时平台校验签名，并按原参数重新生成内容，比较是否变化。', MARGIN);
  doc.text(`3. 内容哈希（SM3）：${report.contentHash}`, MARGIN);
  doc.text(`4. 签名（Ed25519，密钥 ${report.signature.keyId}）：${report.signature.value}`, MARGIN);

  footers(doc, report, `${publicUrl}/api/v1/reports/signing-key`);
  doc.end();
  return done;
}

/**
 * Renders a throwaway sample once (fonts read and parsed, pdfkit's code compiled), so the first
 * real report after start-up is not the slow one.
 */
export async function warmUpReportPdf(): Promise<void> {
  const now = new Date().toISOString();
  await renderReportPdf(
    {
      reportNo: 'PDS-00000000-00000000',
      kind: 'standard',
      issuedAt: now,
      asOf: now,
      subject: { subjectId: '00000000-0000-0000-0000-000000000000', kind: 'legal_person', name: '预热样例', uscc: null, idMasked: null },
      period: null,
      sections: [{ category: 'administrative_penalty', name: '行政处罚', records: [] }],
      contentHash: '0'.repeat(64),
      signature: { algorithm: 'Ed25519', keyId: '0'.repeat(16), value: '' },
      verifyUrl: 'http://localhost/verify/PDS-00000000-00000000',
    },
    'http://localhost',
  );
}
