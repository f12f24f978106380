import { Skeleton } from 'antd';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { getStaffArchive } from '../../api/archive.api';
import type { ArchiveRecord } from '../../api/archive.api';
import { listCatalogs } from '../../api/batches.api';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { PageResult } from '../../components/page-result';
import { CONSOLE_PATHS } from '../../lib/paths';
import { useUser } from '../../lib/session';
import { useApi } from '../../lib/use-api';
import { ArchiveFilters } from './archive-filters';
import { archiveSearch, canEndPublicity, parseArchiveParams } from './archive-format';
import type { ArchiveParams } from './archive-format';
import { ArchiveRecordsTable } from './archive-records.table';
import { EndPublicityModal } from './end-publicity.modal';
import { RecordVersionsDrawer } from './record-versions.drawer';
import { SubjectHeader } from './subject-header';

const PAGE_SIZE = 20;

/**
 * /console/archive/{code}: every current record of the subject the viewer may see (a department's
 * staff: their own department's), by publicity state and catalogue, with each record's versions;
 * the credit officer ends a public record's publicity. The filters live in the address.
 */
export function ArchiveSubjectPage() {
  const user = useUser();
  const { code = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const params = parseArchiveParams(search);
  const { state, catalog, page } = params;
  const archive = useApi(() => getStaffArchive(code, { state, catalog }, PAGE_SIZE, (page - 1) * PAGE_SIZE), [code, state, catalog, page]);
  const catalogs = useApi(listCatalogs, []);
  const [versionsOf, setVersionsOf] = useState<ArchiveRecord | null>(null);
  const [ending, setEnding] = useState<ArchiveRecord | null>(null);
  const go = (next: Partial<ArchiveParams>) => setSearch(archiveSearch({ ...params, page: 1, ...next }));

  const closed = archive.error && (archive.error.status === 404 || archive.error.status === 400) ? archive.error : null;
  if (closed) {
    return (
      <PageResult
        status={closed.status === 404 ? '404' : 'warning'}
        title={closed.status === 404 ? '未找到该信用主体' : '代码有误'}
        subTitle={closed.message}
        extra={<Link to={CONSOLE_PATHS.archive}>返回查找</Link>}
      />
    );
  }

  const data = archive.data;
  return (
    <>
      {data ? <SubjectHeader subject={data.subject} /> : <PageHeader title="信用档案核查" />}
      <ErrorAlert error={archive.error} onRetry={archive.reload} />
      {archive.loading && !data ? <Skeleton active paragraph={{ rows: 4 }} /> : null}
      {data ? (
        <section aria-labelledby="archive-records-heading">
          <h2 id="archive-records-heading" style={{ fontSize: 18 }}>
            信用记录
          </h2>
          <ArchiveFilters
            state={state}
            catalog={catalog}
            counts={data.states}
            catalogs={catalogs.data}
            onState={(s) => go({ state: s })}
            onCatalog={(c) => go({ catalog: c })}
          />
          <ArchiveRecordsTable
            records={data.records}
            total={data.total}
            page={page}
            pageSize={PAGE_SIZE}
            loading={archive.loading}
            caption={`${data.subject.name}的信用记录${user.departmentUscc ? `（${user.departmentName ?? '本部门'}报送的）` : ''}`}
            canEnd={(r) => canEndPublicity(user.role, r)}
            onPage={(p) => go({ page: p })}
            onVersions={setVersionsOf}
            onEnd={setEnding}
          />
        </section>
      ) : null}
      <RecordVersionsDrawer record={versionsOf} onClose={() => setVersionsOf(null)} />
      <EndPublicityModal
        record={ending}
        onClose={() => setEnding(null)}
        onEnded={() => {
          setEnding(null);
          archive.reload();
        }}
      />
    </>
  );
}
