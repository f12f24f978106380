import { endPublicity, listRecordVersions } from '@pubcredit/db';
import { DomainError } from '@pubcredit/domain';
import type { AppContext } from '../../context';
import type { PublicityEnd, PublicityEndBody } from '../../schemas/record.schema';
import { catalogName } from '../catalog.service';
import { beijingToday } from './today';

/**
 * Ends a record's publicity (信用修复 or 撤销) on the decision of the credit centre. The record
 * stays stored and visible to staff; publicRecordCondition hides it from then on. The note (the
 * decision's reference) is kept in the audit trail with the request. Calling it again on a record
 * already ended returns that first end unchanged.
 * @example endRecordPublicity(ctx, recordKey, { reason: 'repaired', note: '平信修〔2026〕12号' })
 */
export async function endRecordPublicity(ctx: AppContext, recordKey: string, body: PublicityEndBody): Promise<PublicityEnd> {
  const current = (await listRecordVersions(ctx.db, recordKey, beijingToday(ctx.now()))).find((v) => v.supersededAt === null);
  if (!current) throw new DomainError('NOT_FOUND', '未找到该记录');
  // 信用修复 ends a 失信信息's publicity (Order 36 Art.3); any act may be withdrawn (撤销).
  if (body.reason === 'repaired' && !current.negative && current.publicityEndReason === null) {
    throw new DomainError(
      'INVALID_ARGUMENT',
      `信用修复只适用于失信信息（行政处罚、严重失信主体名单等）；该记录属于${catalogName(current.catalog)}，如其决定已被撤销，请选择“撤销”`,
    );
  }
  const ended = await endPublicity(ctx.db, recordKey, body.reason, ctx.now());
  if (!ended) throw new DomainError('NOT_FOUND', '未找到该记录');
  return { recordKey, publicityEndReason: ended.publicityEndReason, publicityEndedAt: ended.publicityEndedAt.toISOString() };
}
