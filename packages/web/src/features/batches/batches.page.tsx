import { Button, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { listBatches, listCatalogs } from '../../api/batches.api';
import type { Batch } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { formatDateTime, shortId } from '../../lib/format';
import { pageQuery, pageSlice } from '../../lib/paging';
import { CONSOLE_PATHS, batchPath } from '../../lib/paths';
import { canAccess } from '../../lib/roles';
import { useUser } from '../../lib/session';
import { useApi } from '../../lib/use-api';

const PAGE_SIZE = 20;

/** 报送批次: the department's batches (every department's for the credit centre), newest first. */
export function BatchesPage() {
  const user = useUser();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const batches = useApi(() => {
    const { limit, offset } = pageQuery(page, PAGE_SIZE);
    return listBatches(limit, offset);
  }, [page]);
  const catalogs = useApi(listCatalogs, []);
  const { rows, hasMore } = pageSlice(batches.data ?? [], PAGE_SIZE);
  const catalogName = (code: string) => catalogs.data?.find((c) => c.code === code)?.name ?? code;

  const columns: TableColumnsType<Batch> = [
    {
      title: '批次号',
      dataIndex: 'batchId',
      render: (id: string) => (
        <Link to={batchPath(id)} aria-label={`批次 ${id}`}>
          <code>{shortId(id)}</code>
        </Link>
      ),
    },
    ...(user.departmentUscc
      ? []
      : [{ title: '报送部门', dataIndex: 'sourceDept', render: (v: string, b: Batch) => b.sourceDeptName ?? <code>{v}</code> }]),
    { title: '信息目录', dataIndex: 'catalog', render: catalogName },
    { title: '文件', dataIndex: 'fileName' },
    { title: '行数', dataIndex: 'total', align: 'right' },
    { title: '通过', dataIndex: 'accepted', align: 'right' },
    { title: '退回', dataIndex: 'rejected', align: 'right' },
    { title: '接收时间', dataIndex: 'receivedAt', render: (v: string) => formatDateTime(v) },
    {
      title: '退回数据',
      key: 'rejected-files',
      render: (_v, b) =>
        b.rejected > 0 ? (
          <>
            <a href={b.links.rejectedCsv} download>
              CSV
            </a>
            {' · '}
            <a href={b.links.rejectedXlsx} download>
              XLSX
            </a>
          </>
        ) : (
          '—'
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title="报送批次"
        extra={
          canAccess(user.role, 'upload') ? (
            <Button type="primary" onClick={() => void navigate(CONSOLE_PATHS.upload)}>
              上传数据
            </Button>
          ) : null
        }
      >
        {user.departmentUscc ? '本部门上传的数据批次，新的在前。' : '各部门上传的数据批次，新的在前。'}
      </PageHeader>
      <ErrorAlert error={batches.error} onRetry={batches.reload} />
      <Table<Batch>
        rowKey="batchId"
        columns={columns}
        dataSource={rows}
        loading={batches.loading}
        pagination={false}
        locale={{ emptyText: '还没有报送批次' }}
        scroll={{ x: 'max-content' }}
      />
      <Pager page={page} hasMore={hasMore} onChange={setPage} />
    </>
  );
}
