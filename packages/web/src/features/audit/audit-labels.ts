import { AUDIT_ACTION_NAMES, AUDIT_ACTOR_KIND_NAMES, AUDIT_OUTCOME_NAMES } from '@pubcredit/domain/access';
import type { AuditOutcome } from '../../api/audit.api';
import type { Tone } from '../../components/status-tag';

const TONES: Record<AuditOutcome, Tone> = { success: 'success', denied: 'warning', error: 'error' };

export const OUTCOME_LABELS: Record<AuditOutcome, { label: string; tone: Tone }> = {
  success: { label: AUDIT_OUTCOME_NAMES.success, tone: TONES.success },
  denied: { label: AUDIT_OUTCOME_NAMES.denied, tone: TONES.denied },
  error: { label: AUDIT_OUTCOME_NAMES.error, tone: TONES.error },
};

export const ACTOR_KIND_LABELS = AUDIT_ACTOR_KIND_NAMES;

/** The actions to pick from when searching: 新建账号（user.create）…, by code. */
export const ACTION_OPTIONS = Object.entries(AUDIT_ACTION_NAMES)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([code, name]) => ({ value: code, label: `${name}（${code}）` }));
