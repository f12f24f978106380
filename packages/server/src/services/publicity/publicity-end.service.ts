import { endPublicity } from '@pubcredit/db';
import { DomainError } from '@pubcredit/domain';
import type { AppContext } from '../../context';
import type { PublicityEnd, PublicityEndBody } from '../../schemas/record.schema';

/**
 * Ends a record's publicity (信用修复 or 撤销) on the decision of the credit centre. The record
 * stays stored and visible to staff; publicRecordCondition hides it from then on. The note (the
 * decision's reference) is kept in the audit trail with the request. Calling it again on a record
 * already ended returns that first end unchanged.
 * @example endRecordPublicity(ctx, recordKey, { reason: 'repaired', note: '平信修〔2026〕12号' })
 */
export async function endRecordPublicity(ctx: AppContext, recordKey: string, body: PublicityEndBody): Promise<PublicityEnd> {
  const ended = await endPublicity(ctx.db, recordKey, body.reason, ctx.now());
  if (!ended) throw new DomainError('NOT_FOUND', '未找到该记录');
  return { recordKey, publicityEndReason: ended.publicityEndReason, publicityEndedAt: ended.publicityEndedAt.toISOString() };
}
