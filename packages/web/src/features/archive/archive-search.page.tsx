import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { useUser } from '../../lib/session';
import { classifyArchiveQuery } from './archive-query';
import { ArchiveSearchForm } from './archive-search.form';
import { SubjectHits } from './subject-hits';

/**
 * 信用档案核查: find a subject by code, name or 居民身份证号码. A name search keeps its fragment in the
 * address (?q=, so Back returns to the list); an ID number never goes there.
 */
export function ArchiveSearchPage() {
  const user = useUser();
  const [params, setParams] = useSearchParams();
  const raw = params.get('q') ?? '';
  const query = classifyArchiveQuery(raw);
  const q = query.kind === 'name' ? query.q : '';
  const page = Math.max(1, Number(params.get('page')) || 1);

  return (
    <>
      <PageHeader title="信用档案核查">
        查看一个信用主体的全部信用记录，包括不予公示、已到期、已修复和已撤销的。
        {user.departmentUscc ? '部门工作人员只能看到本部门报送的记录。' : ''}每次查看都记入审计日志。
      </PageHeader>
      <ArchiveSearchForm key={q} initial={q} onName={(name) => setParams({ q: name })} />
      {q ? <SubjectHits q={q} page={page} onPage={(p) => setParams({ q, page: String(p) })} /> : null}
    </>
  );
}
