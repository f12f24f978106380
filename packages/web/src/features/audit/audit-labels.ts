import type { AuditActorKind, AuditOutcome } from '../../api/audit.api';
import type { Tone } from '../../components/status-tag';

export const OUTCOME_LABELS: Record<AuditOutcome, { label: string; tone: Tone }> = {
  success: { label: '成功', tone: 'success' },
  denied: { label: '拒绝', tone: 'warning' },
  error: { label: '出错', tone: 'error' },
};

export const ACTOR_KIND_LABELS: Record<AuditActorKind, string> = {
  user: '工作人员',
  key: 'API 密钥',
  anonymous: '匿名',
  cli: '命令行',
};
