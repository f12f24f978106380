import { DownloadOutlined, SafetyCertificateOutlined, SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Card, DatePicker, Descriptions, Form, Input, Result, Select, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { errorMessage } from '../../api/api-client';
import { AUDIT_ACTOR_KINDS, AUDIT_OUTCOMES, auditExportUrl, searchAudit, verifyAudit } from '../../api/audit.api';
import type { AuditActorKind, AuditEntry, AuditFilter, AuditOutcome, AuditVerification } from '../../api/audit.api';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { StatusTag } from '../../components/status-tag';
import { formatDateTime } from '../../lib/format';
import { pageQuery, pageSlice } from '../../lib/paging';
import { useApi } from '../../lib/use-api';
import { ACTOR_KIND_LABELS, OUTCOME_LABELS } from './audit-labels';

const PAGE_SIZE = 50;

interface FormValues {
  actor?: string;
  action?: string;
  actorKind?: AuditActorKind;
  outcome?: AuditOutcome;
  departmentUscc?: string;
  target?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

function toFilter(v: FormValues): AuditFilter {
  const [from, to] = v.range ?? [];
  return {
    actor: v.actor?.trim() || undefined,
    action: v.action?.trim() || undefined,
    actorKind: v.actorKind,
    outcome: v.outcome,
    departmentUscc: v.departmentUscc?.trim().toUpperCase() || undefined,
    target: v.target?.trim() || undefined,
    // Whole days as the server counts them (北京时间).
    from: from ? from.format('YYYY-MM-DD') : undefined,
    to: to ? to.format('YYYY-MM-DD') : undefined,
  };
}

const dash = (v: string | null) => v ?? '—';

const columns: TableColumnsType<AuditEntry> = [
  { title: '序号', dataIndex: 'seq', width: 80 },
  { title: '时间', dataIndex: 'at', width: 150, render: (v: string) => formatDateTime(v) },
  {
    title: '操作人',
    key: 'actor',
    render: (_v, e) => `${e.actorName ?? e.actorId ?? '—'}（${ACTOR_KIND_LABELS[e.actorKind] ?? e.actorKind}）`,
  },
  { title: '部门', dataIndex: 'departmentUscc', render: dash },
  { title: '操作', dataIndex: 'action', render: (v: string) => <code>{v}</code> },
  { title: '对象', dataIndex: 'target', render: dash },
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

function EntryDetails({ entry }: { entry: AuditEntry }) {
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={[
        { key: 'ua', label: '客户端', children: dash(entry.userAgent) },
        { key: 'details', label: '详情', children: <pre style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{JSON.stringify(entry.details, null, 2)}</pre> },
        { key: 'prev', label: '前一条哈希（SM3）', children: <code>{entry.prevHash}</code> },
        { key: 'hash', label: '本条哈希（SM3）', children: <code>{entry.hash}</code> },
      ]}
    />
  );
}

/** 校验审计链: walks the SM3 chain on the server and names the first entry that does not hold. */
function ChainCheck() {
  const [result, setResult] = useState<AuditVerification | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const check = async () => {
    setBusy(true);
    setError(null);
    try {
      setResult(await verifyAudit());
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ marginBottom: 16 }}>
      <Button icon={<SafetyCertificateOutlined aria-hidden />} loading={busy} onClick={() => void check()}>
        校验审计链
      </Button>
      <div aria-live="polite" style={{ marginTop: result || error ? 12 : 0 }}>
        <ErrorAlert error={error} />
        {result ? (
          <Alert
            type={result.ok ? 'success' : 'error'}
            showIcon
            title={
              result.ok
                ? `审计链完整：已校验 ${result.checked} 条，链尾为第 ${result.head.seq} 条。`
                : `审计链被破坏：第 ${result.firstBroken?.seq ?? '?'} 条起不可信。`
            }
            description={result.firstBroken?.message}
          />
        ) : null}
      </div>
    </div>
  );
}

/** 审计日志 (审计员): search the trail of changes and reads of non-public data, and export it. */
export function AuditPage() {
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState(1);
  const entries = useApi(() => {
    const { limit, offset } = pageQuery(page, PAGE_SIZE);
    return searchAudit(filter, limit, offset);
  }, [filter, page]);
  const { rows, hasMore } = pageSlice(entries.data?.entries ?? [], PAGE_SIZE);
  const missing = entries.error?.status === 404 && entries.error.code === 'NOT_FOUND';

  return (
    <>
      <PageHeader title="审计日志">
        每一次数据变更和每一次非公开数据的查阅：谁、何时、做了什么、为何、从哪里、结果如何。记录只增不改，逐条以 SM3 哈希链接，可用 pubcredit audit verify 校验。
      </PageHeader>
      <ChainCheck />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form<FormValues>
          layout="inline"
          style={{ rowGap: 12 }}
          onFinish={(v) => {
            setFilter(toFilter(v));
            setPage(1);
          }}
        >
          <Form.Item label="操作人" name="actor">
            <Input allowClear style={{ width: 150 }} placeholder="用户名或编号" />
          </Form.Item>
          <Form.Item label="对象" name="target">
            <Input allowClear style={{ width: 170 }} placeholder="编号、代码或路径的一部分" />
          </Form.Item>
          <Form.Item label="操作" name="action">
            <Input allowClear style={{ width: 170 }} placeholder="如 user、batch.upload" />
          </Form.Item>
          <Form.Item label="操作人类型" name="actorKind">
            <Select
              allowClear
              style={{ width: 120 }}
              placeholder="全部"
              options={AUDIT_ACTOR_KINDS.map((k) => ({ value: k, label: ACTOR_KIND_LABELS[k] }))}
            />
          </Form.Item>
          <Form.Item label="结果" name="outcome">
            <Select
              allowClear
              style={{ width: 100 }}
              placeholder="全部"
              options={AUDIT_OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o].label }))}
            />
          </Form.Item>
          <Form.Item label="部门" name="departmentUscc">
            <Input allowClear style={{ width: 200 }} placeholder="统一社会信用代码" maxLength={18} />
          </Form.Item>
          <Form.Item label="日期" name="range">
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />}>
                查询
              </Button>
              <Button href={auditExportUrl(filter, 'csv')} icon={<DownloadOutlined aria-hidden />} disabled={missing}>
                导出 CSV
              </Button>
              <Button href={auditExportUrl(filter, 'xlsx')} icon={<DownloadOutlined aria-hidden />} disabled={missing}>
                导出 XLSX
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      {missing ? (
        <Result
          status="info"
          title="审计日志查询接口尚未开放"
          subTitle="服务器还没有提供 GET /api/v1/audit。审计记录照常写入，可用 pubcredit audit 命令校验。"
        />
      ) : (
        <>
          <ErrorAlert error={entries.error} onRetry={entries.reload} />
          <Table<AuditEntry>
            rowKey="seq"
            size="small"
            columns={columns}
            dataSource={rows}
            loading={entries.loading}
            pagination={false}
            expandable={{ expandedRowRender: (entry) => <EntryDetails entry={entry} /> }}
            locale={{ emptyText: '没有符合条件的记录' }}
            scroll={{ x: 'max-content' }}
          />
          <Pager page={page} hasMore={hasMore} onChange={setPage} />
        </>
      )}
    </>
  );
}
