import { Button, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import type { ArchiveRecord } from '../../api/archive.api';
import { periodLines } from './archive-format';
import { PublicStateTag } from './public-state-tag';

interface Props {
  records: ArchiveRecord[] | undefined;
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  caption: string;
  /** Whether 终止公示 is offered on this record (the credit officer, a public record). */
  canEnd: (record: ArchiveRecord) => boolean;
  onPage: (page: number) => void;
  onVersions: (record: ArchiveRecord) => void;
  onEnd: (record: ArchiveRecord) => void;
}

const NOWRAP = { whiteSpace: 'nowrap' } as const;

/** The subject's current records, a page at a time from the server, with their publicity state. */
export function ArchiveRecordsTable({ records, total, page, pageSize, loading, caption, canEnd, onPage, onVersions, onEnd }: Props) {
  const columns: TableColumnsType<ArchiveRecord> = [
    { title: '信息类别', dataIndex: 'catalogName' },
    { title: '决定文书号', dataIndex: 'docNo', render: (v: string) => <span style={NOWRAP}>{v || '—'}</span> },
    { title: '决定日期', dataIndex: 'decisionDate', render: (v: string) => <span style={NOWRAP}>{v}</span> },
    { title: '报送部门', dataIndex: 'sourceDept', render: (v: string, r) => r.sourceDeptName || <code>{v}</code> },
    {
      title: '公示期',
      key: 'period',
      render: (_v, r) =>
        periodLines(r).map((line) => (
          <div key={line} style={NOWRAP}>
            {line}
          </div>
        )),
    },
    { title: '公示状态', dataIndex: 'publicState', render: (_v, r) => <PublicStateTag record={r} /> },
    {
      title: '操作',
      key: 'actions',
      render: (_v, r) => (
        <Space size="small">
          <Button size="small" onClick={() => onVersions(r)} aria-label={`${r.docNo || r.catalogName} 的版本`}>
            版本
          </Button>
          {canEnd(r) ? (
            <Button size="small" danger onClick={() => onEnd(r)} aria-label={`终止公示 ${r.docNo || r.catalogName}`}>
              终止公示
            </Button>
          ) : null}
        </Space>
      ),
    },
  ];
  return (
    <Table<ArchiveRecord>
      rowKey="recordKey"
      columns={columns}
      dataSource={records}
      loading={loading}
      caption={caption}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: false,
        hideOnSinglePage: true,
        showTotal: (n) => `共 ${n} 条`,
        onChange: onPage,
      }}
      locale={{ emptyText: '没有符合条件的记录' }}
      // Cells wrap to fit the page; narrower screens scroll sideways.
      scroll={{ x: 960 }}
      data-testid="archive-records"
    />
  );
}
