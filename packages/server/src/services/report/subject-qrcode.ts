import type { Subject } from '@pubcredit/db';
import { DomainError } from '@pubcredit/domain';
import QRCode from 'qrcode';
import type { AppContext } from '../../context';
import { requireSubject } from '../subject.service';
import { QR_QUIET_ZONE } from './qr-style';
import { reportSettings } from './report.service';

/** The subject's public page (信用档案), the target of its 信用码. */
export function subjectPageUrl(publicUrl: string, subject: Subject): string {
  return `${publicUrl}/subjects/${encodeURIComponent(subject.uscc ?? subject.subjectId)}`;
}

async function qrTarget(ctx: AppContext, code: string): Promise<string> {
  const subject = await requireSubject(ctx, code);
  // 信用码 is for premises: legal persons and 个体工商户 (issue #4 §5), never a natural person.
  if (subject.kind === 'natural_person') throw new DomainError('NOT_FOUND', '信用码仅适用于法人和个体工商户');
  return subjectPageUrl(reportSettings(ctx).publicUrl, subject);
}

/** The 信用码 as SVG (a path; error correction M, quiet zone of {@link QR_QUIET_ZONE} modules). */
export async function subjectQrSvg(ctx: AppContext, code: string): Promise<string> {
  return QRCode.toString(await qrTarget(ctx, code), { type: 'svg', errorCorrectionLevel: 'M', margin: QR_QUIET_ZONE });
}

/** The 信用码 as a 512-pixel PNG. */
export async function subjectQrPng(ctx: AppContext, code: string): Promise<Buffer> {
  return QRCode.toBuffer(await qrTarget(ctx, code), { type: 'png', errorCorrectionLevel: 'M', margin: QR_QUIET_ZONE, width: 512 });
}
