import { Empty, Pagination, Skeleton } from 'antd';
import { useState } from 'react';
import { listSubjectRecords } from '../../api/portal.api';
import type { PortalCatalog } from '../../api/portal.types';
import { ErrorAlert } from '../../components/error-alert';
import { useApi } from '../../lib/use-api';
import { RecordItem } from './record-item';

const PAGE_SIZE = 10;

/** One tab of the 信用档案: the subject's public records of one catalogue, 10 a page. */
export function SubjectRecords({ code, catalog }: { code: string; catalog: PortalCatalog }) {
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useApi(
    () => listSubjectRecords(code, catalog.code, PAGE_SIZE, (page - 1) * PAGE_SIZE),
    [code, catalog.code, page],
  );
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (loading && !data) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (!data || data.records.length === 0) return <Empty description={`暂无公示中的${catalog.name}信息`} />;
  return (
    <div aria-busy={loading}>
      <p style={{ marginTop: 0 }}>
        共 {data.total} 条公示中的{catalog.name}信息
      </p>
      {data.records.map((record) => (
        <RecordItem key={`${record.recordKey}-${record.version}`} record={record} catalog={catalog} />
      ))}
      {data.total > PAGE_SIZE ? (
        <nav aria-label={`${catalog.name}分页`} style={{ display: 'flex', justifyContent: 'center' }}>
          <Pagination current={page} pageSize={PAGE_SIZE} total={data.total} showSizeChanger={false} showLessItems onChange={setPage} />
        </nav>
      ) : null}
    </div>
  );
}
