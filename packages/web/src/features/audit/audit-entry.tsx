import { Descriptions, Typography } from 'antd';
import { auditActionName } from '@pubcredit/domain/access';
import type { TableColumnsType } from 'antd';
import { spooledMark } from '../../api/audit.api';
import type { AuditEntry, AuditOutcome } from '../../api/audit.api';
import { StatusTag } from '../../components/status-tag';
import { formatDateTimeSeconds } from '../../lib/format';
import { ACTOR_KIND_LABELS, OUTCOME_LABELS } from './audit-labels';

const dash = (v: string | null) => v ?? '—';

/** The department by name, its code beside it for the one who searches by code. */
function department(e: AuditEntry) {
  if (!e.departmentUscc) return '—';
  return e.departmentName ? (
    <span title={e.departmentUscc}>{e.departmentName}</span>
  ) : (
    <code>{e.departmentUscc}</code>
  );
}

/**
 * The time of the request; an entry written late from the spool (补记: the database refused it at
 * first) says so beside its time, in words a screen reader reads too.
 */
function time(e: AuditEntry) {
  const mark = spooledMark(e);
  return (
    <>
      <span style={{ whiteSpace: 'nowrap' }}>{formatDateTimeSeconds(e.at)}</span>
      {mark ? (
        <div>
          <StatusTag tone="warning">补记</StatusTag>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            写入于 {formatDateTimeSeconds(mark.replayedAt)}
          </Typography.Text>
        </div>
      ) : null}
    </>
  );
}

/** The action by its Chinese name, its code beneath for searching; a code without a name as it is. */
function action(code: string) {
  const name = auditActionName(code);
  if (!name) return <code>{code}</code>;
  return (
    <>
      <div>{name}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        <code>{code}</code>
      </Typography.Text>
    </>
  );
}

export const AUDIT_COLUMNS: TableColumnsType<AuditEntry> = [
  { title: '序号', dataIndex: 'seq', width: 72 },
  { title: '时间（北京时间）', key: 'at', width: 190, render: (_v, e) => time(e) },
  {
    title: '操作人',
    key: 'actor',
    render: (_v, e) => `${e.actorName ?? e.actorId ?? '—'}（${ACTOR_KIND_LABELS[e.actorKind] ?? e.actorKind}）`,
  },
  { title: '部门', key: 'department', render: (_v, e) => department(e) },
  { title: '操作', dataIndex: 'action', render: (v: string) => action(v) },
  // Long paths (batch ids) are cut here and shown whole when the entry is unfolded.
  { title: '对象', dataIndex: 'target', width: 240, ellipsis: { showTitle: true }, render: dash },
  { title: '目的', dataIndex: 'purpose', render: dash },
  { title: '来源地址', dataIndex: 'clientIp', render: dash },
  {
    title: '结果',
    dataIndex: 'outcome',
    render: (v: AuditOutcome, e) => {
      const o = OUTCOME_LABELS[v] ?? { label: v, tone: 'neutral' as const };
      return (
        <StatusTag tone={o.tone}>
          {o.label}
          {e.status !== null ? ` ${e.status}` : ''}
        </StatusTag>
      );
    },
  },
];

/** An entry unfolded: the client, the late-writing note, the details and the SM3 hashes. */
export function AuditEntryDetails({ entry }: { entry: AuditEntry }) {
  const mark = spooledMark(entry);
  const items = [
    ...(mark
      ? [
          {
            key: 'spooled',
            label: '补记',
            children: (
              <span data-testid="spooled-note">
                数据库当时暂不可写，本条先暂存在服务器磁盘上（{formatDateTimeSeconds(mark.spooledAt)}），数据库恢复后于{' '}
                {formatDateTimeSeconds(mark.replayedAt)} 写入审计链（北京时间）。“时间”为操作发生的时间，序号为写入审计链的顺序；补记的说明也在哈希之内。
              </span>
            ),
          },
        ]
      : []),
    { key: 'target', label: '对象', children: dash(entry.target) },
    { key: 'dept', label: '所属部门', children: entry.departmentUscc ? `${entry.departmentName ?? '（未登记）'}（${entry.departmentUscc}）` : '—' },
    { key: 'ua', label: '客户端', children: dash(entry.userAgent) },
    { key: 'details', label: '详情', children: <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(entry.details, null, 2)}</pre> },
    { key: 'prev', label: '前一条哈希（SM3）', children: <code>{entry.prevHash}</code> },
    { key: 'hash', label: '本条哈希（SM3）', children: <code>{entry.hash}</code> },
  ];
  return <Descriptions size="small" column={1} bordered items={items} />;
}
