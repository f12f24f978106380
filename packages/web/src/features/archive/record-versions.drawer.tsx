import { Drawer, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { listRecordVersions } from '../../api/archive.api';
import type { ArchiveRecord, RecordVersion } from '../../api/archive.api';
import { ErrorAlert } from '../../components/error-alert';
import { formatDateTime } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { PublicStateTag } from './public-state-tag';

const columns: TableColumnsType<RecordVersion> = [
  { title: '版本', dataIndex: 'version', align: 'right' },
  { title: '决定日期', dataIndex: 'decisionDate' },
  { title: '接收时间', dataIndex: 'receivedAt', render: (v: string) => formatDateTime(v) },
  { title: '被取代时间', dataIndex: 'supersededAt', render: (v: string | null) => (v ? formatDateTime(v) : '当前版本') },
  { title: '公示状态', dataIndex: 'publicState', render: (_v, r) => <PublicStateTag record={r} /> },
];

function Versions({ record }: { record: ArchiveRecord }) {
  const { data, error, loading, reload } = useApi(() => listRecordVersions(record.recordKey), [record.recordKey]);
  return (
    <>
      <p style={{ marginTop: 0 }}>
        {record.catalogName} · {record.sourceDeptName || record.sourceDept}。每次报送的更正都是一个新版本，旧版本保留备查。
      </p>
      <ErrorAlert error={error} onRetry={reload} />
      <Table<RecordVersion>
        rowKey="version"
        size="small"
        columns={columns}
        dataSource={data ? [...data.versions].sort((a, b) => b.version - a.version) : undefined}
        loading={loading}
        pagination={false}
        caption="各版本（新的在前）"
        locale={{ emptyText: '没有版本' }}
        scroll={{ x: 'max-content' }}
      />
    </>
  );
}

/** The versions of one record, the superseded ones too (GET /records/{recordKey}/versions). */
export function RecordVersionsDrawer({ record, onClose }: { record: ArchiveRecord | null; onClose: () => void }) {
  return (
    <Drawer open={record !== null} title={record ? `记录版本：${record.docNo || record.catalogName}` : '记录版本'} size={640} onClose={onClose} destroyOnHidden>
      {record ? <Versions record={record} /> : null}
    </Drawer>
  );
}
