import { SafetyCertificateOutlined } from '@ant-design/icons';
import { Alert, Button, Result, Table } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/api-client';
import { searchAudit, verifyAudit } from '../../api/audit.api';
import type { AuditEntry, AuditFilter, AuditVerification } from '../../api/audit.api';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { Pager } from '../../components/pager';
import { pageQuery, pageSlice } from '../../lib/paging';
import { useApi } from '../../lib/use-api';
import { AUDIT_COLUMNS, AuditEntryDetails } from './audit-entry';
import { AuditFilterForm } from './audit-filter.form';

const PAGE_SIZE = 50;

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
        每一次数据变更和每一次非公开数据的查阅：谁、何时、做了什么、为何、从哪里、结果如何。记录只增不改，逐条以 SM3 哈希链接，可用 pubcredit audit verify 校验。标为“补记”的记录是数据库暂不可写时先暂存、恢复后才写入审计链的，展开可见暂存和写入的时间。时间均为北京时间。
      </PageHeader>
      <ChainCheck />
      <AuditFilterForm
        filter={filter}
        exportDisabled={missing}
        onSearch={(f) => {
          setFilter(f);
          setPage(1);
        }}
      />
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
            columns={AUDIT_COLUMNS}
            dataSource={rows}
            loading={entries.loading}
            pagination={false}
            // A fixed expand column keeps the unfolded entry within the screen while the wide table scrolls.
            expandable={{ fixed: 'left', expandedRowRender: (entry) => <AuditEntryDetails entry={entry} /> }}
            locale={{ emptyText: '没有符合条件的记录' }}
            scroll={{ x: 'max-content' }}
          />
          <Pager page={page} hasMore={hasMore} onChange={setPage} />
        </>
      )}
    </>
  );
}
