import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, Input, Result, Select, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { auditExportUrl, searchAudit } from '../../api/audit.api';
import type { AuditEntry, AuditQuery } from '../../api/audit.api';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { StatusTag } from '../../components/status-tag';
import { Pager } from '../../components/pager';
import { formatDateTime } from '../../lib/format';
import { pageQuery, pageSlice } from '../../lib/paging';
import { useApi } from '../../lib/use-api';

const PAGE_SIZE = 50;

type Filters = Omit<AuditQuery, 'limit' | 'offset'>;

interface FormValues {
  actor?: string;
  action?: string;
  outcome?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
}

function toFilters(v: FormValues): Filters {
  const [from, to] = v.range ?? [];
  return {
    actor: v.actor?.trim() || undefined,
    action: v.action?.trim() || undefined,
    outcome: v.outcome || undefined,
    from: from ? from.startOf('day').toISOString() : undefined,
    to: to ? to.endOf('day').toISOString() : undefined,
  };
}

const columns: TableColumnsType<AuditEntry> = [
  { title: '时间', dataIndex: 'at', render: (v: string) => formatDateTime(v), width: 150 },
  { title: '操作人', dataIndex: 'actor', render: (v: string | null) => v ?? '—' },
  { title: '操作', dataIndex: 'action' },
  { title: '对象', dataIndex: 'target', render: (v: string | null | undefined) => v ?? '—' },
  { title: '目的', dataIndex: 'purpose', render: (v: string | null | undefined) => v ?? '—' },
  { title: '客户端', dataIndex: 'client', render: (v: string | null | undefined) => v ?? '—' },
  {
    title: '结果',
    dataIndex: 'outcome',
    render: (v: string) => <StatusTag tone={v === 'success' || v === '成功' ? 'success' : 'error'}>{v}</StatusTag>,
  },
];

/** 审计日志 (审计员): search the trail of changes and reads of non-public data, and export it. */
export function AuditPage() {
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  const entries = useApi(() => searchAudit({ ...filters, ...pageQuery(page, PAGE_SIZE) }), [filters, page]);
  const { rows, hasMore } = pageSlice(entries.data?.entries ?? [], PAGE_SIZE);
  const missing = entries.error?.status === 404;

  return (
    <>
      <PageHeader title="审计日志">记录每一次数据变更和每一次非公开数据的查阅：谁、何时、做了什么、目的、来源和结果。</PageHeader>
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form<FormValues>
          layout="inline"
          onFinish={(v) => {
            setFilters(toFilters(v));
            setPage(1);
          }}
        >
          <Form.Item label="操作人" name="actor">
            <Input allowClear style={{ width: 160 }} />
          </Form.Item>
          <Form.Item label="操作" name="action">
            <Input allowClear style={{ width: 180 }} placeholder="如 user.create" />
          </Form.Item>
          <Form.Item label="结果" name="outcome">
            <Select
              allowClear
              style={{ width: 120 }}
              placeholder="全部"
              options={[
                { value: 'success', label: '成功' },
                { value: 'failure', label: '失败' },
                { value: 'denied', label: '拒绝' },
              ]}
            />
          </Form.Item>
          <Form.Item label="时间" name="range">
            <DatePicker.RangePicker />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />}>
                查询
              </Button>
              <Button href={auditExportUrl(filters)} icon={<DownloadOutlined aria-hidden />} disabled={missing}>
                导出 CSV
              </Button>
            </Space>
          </Form.Item>
        </Form>
      </Card>
      {missing ? (
        <Result
          status="info"
          title="审计日志接口尚未开放"
          subTitle="服务器还没有提供 GET /api/v1/audit。审计记录仍在服务器端保存，可用 pubcredit audit 命令查看和校验。"
        />
      ) : (
        <>
          <ErrorAlert error={entries.error} onRetry={entries.reload} />
          <Table<AuditEntry>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={rows}
            loading={entries.loading}
            pagination={false}
            locale={{ emptyText: '没有符合条件的记录' }}
            scroll={{ x: 'max-content' }}
          />
          <Pager page={page} hasMore={hasMore} onChange={setPage} />
        </>
      )}
    </>
  );
}
