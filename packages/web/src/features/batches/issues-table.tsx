import { Table } from 'antd';
import type { TableColumnsType, TablePaginationConfig } from 'antd';
import type { CatalogField, RowIssue } from '../../api/types';
import { StatusTag } from '../../components/status-tag';
import { fieldLabel } from '../../lib/format';

const SEVERITY = {
  error: { tone: 'error', label: '错误（已退回）' },
  warning: { tone: 'warning', label: '警告（已入库）' },
} as const;

interface Props {
  issues: RowIssue[] | undefined;
  fields: CatalogField[] | undefined;
  loading?: boolean;
  pagination?: TablePaginationConfig | false;
  caption?: string;
}

/** 逐行问题清单: row, field (Chinese name), severity, message. */
export function IssuesTable({ issues, fields, loading, pagination, caption }: Props) {
  const columns: TableColumnsType<RowIssue> = [
    { title: '行号', dataIndex: 'row', width: 80, sorter: (a, b) => a.row - b.row },
    { title: '字段', dataIndex: 'field', width: 260, render: (code: string) => fieldLabel(fields, code) },
    {
      title: '级别',
      dataIndex: 'severity',
      width: 140,
      filters: [
        { text: SEVERITY.error.label, value: 'error' },
        { text: SEVERITY.warning.label, value: 'warning' },
      ],
      onFilter: (value, issue) => issue.severity === value,
      render: (s: RowIssue['severity']) => <StatusTag tone={SEVERITY[s].tone}>{SEVERITY[s].label}</StatusTag>,
    },
    { title: '说明', dataIndex: 'message' },
  ];
  return (
    <Table<RowIssue>
      rowKey={(i) => `${i.row}:${i.field}:${i.rule}`}
      size="small"
      columns={columns}
      dataSource={issues}
      loading={loading}
      pagination={pagination ?? { pageSize: 20, showSizeChanger: true, hideOnSinglePage: true }}
      locale={{ emptyText: '没有问题：所有行都通过了校验' }}
      // Messages wrap rather than widen the table; narrow screens scroll sideways.
      scroll={{ x: 760 }}
      data-testid="issues-table"
      title={caption ? () => caption : undefined}
    />
  );
}
