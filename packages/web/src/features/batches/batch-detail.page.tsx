import { Descriptions, Spin } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { getBatch, listBatchIssues, listCatalogs } from '../../api/batches.api';
import { ErrorAlert } from '../../components/error-alert';
import { PageResult } from '../../components/page-result';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { formatDateTime } from '../../lib/format';
import { pageQuery, pageSlice } from '../../lib/paging';
import { CONSOLE_PATHS } from '../../lib/paths';
import { useApi } from '../../lib/use-api';
import { BatchSummary } from './batch-summary';
import { IssuesTable } from './issues-table';

const PAGE_SIZE = 50;

/** One batch: what was received, its counts, and every row's issues page by page. */
export function BatchDetailPage() {
  const { batchId = '' } = useParams();
  const [page, setPage] = useState(1);
  const batch = useApi(() => getBatch(batchId), [batchId]);
  const catalogs = useApi(listCatalogs, []);
  const issues = useApi(() => {
    const { limit, offset } = pageQuery(page, PAGE_SIZE);
    return listBatchIssues(batchId, limit, offset);
  }, [batchId, page]);
  const { rows, hasMore } = pageSlice(issues.data?.issues ?? [], PAGE_SIZE);
  const b = batch.data;
  const catalog = catalogs.data?.find((c) => c.code === b?.catalog);
  const closed = batch.error && (batch.error.status === 403 || batch.error.status === 404) ? batch.error : null;

  if (closed) {
    // Another department's batch, or none: one clear answer, not an empty issue list that reads as "no problems".
    return (
      <PageResult
        status={closed.status === 403 ? '403' : '404'}
        title={closed.status === 403 ? '不能查看此批次' : '批次不存在'}
        subTitle={closed.message}
        extra={<Link to={CONSOLE_PATHS.batches}>返回报送批次</Link>}
      />
    );
  }

  return (
    <>
      <PageHeader title="批次详情">
        <Link to={CONSOLE_PATHS.batches}>返回报送批次</Link>
      </PageHeader>
      <ErrorAlert error={batch.error} onRetry={batch.reload} />
      {batch.loading && !b ? <Spin /> : null}
      {b ? (
        <>
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, md: 2 }}
            style={{ marginBottom: 16 }}
            items={[
              { key: 'id', label: '批次号', children: <code>{b.batchId}</code> },
              { key: 'catalog', label: '信息目录', children: `${catalog?.name ?? b.catalog}（${b.edition} 版）` },
              { key: 'file', label: '文件', children: `${b.fileName}（${b.format.toUpperCase()}${b.encoding ? `，${b.encoding}` : ''}）` },
              { key: 'dept', label: '报送部门', children: b.sourceDeptName ? `${b.sourceDeptName}（${b.sourceDept}）` : b.sourceDept },
              { key: 'received', label: '接收时间', children: formatDateTime(b.receivedAt) },
              { key: 'finished', label: '完成时间', children: formatDateTime(b.finishedAt) },
            ]}
          />
          <BatchSummary counts={b} links={b.links} />
        </>
      ) : null}
      <h2 style={{ fontSize: 18 }}>逐行问题清单</h2>
      <ErrorAlert error={issues.error} onRetry={issues.reload} />
      <IssuesTable issues={rows} fields={catalog?.fields} loading={issues.loading} pagination={false} />
      <Pager page={page} hasMore={hasMore} onChange={setPage} />
    </>
  );
}
