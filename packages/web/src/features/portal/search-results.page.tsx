import { Empty, Pagination, Skeleton } from 'antd';
import { useEffect } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { searchSubjects } from '../../api/portal.api';
import { ErrorAlert } from '../../components/error-alert';
import { subjectPath } from '../../lib/paths';
import { useApi } from '../../lib/use-api';
import { HighlightedName } from './highlighted-name';
import { SUBJECT_KIND_NAMES, isExactCode, isRetryable, pageParam, searchHref, searchProblem } from './portal-format';
import { SearchBox } from './search-box';
import { usePortalTitle } from './use-portal-title';

const PAGE_SIZE = 20;
/** The API ranks and pages through the first 200 matches (SEARCH_CAP). */
const MAX_RESULTS = 200;

/** `/search?q=&page=`: the matching subjects, 20 a page, the matches highlighted. */
export function SearchResultsPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const q = (params.get('q') ?? '').trim();
  const page = pageParam(params.get('page'));
  const problem = searchProblem(q);
  usePortalTitle(q ? `“${q}”的查询结果` : '查询结果');

  const { data, error, loading, reload } = useApi(
    () => (problem ? Promise.resolve(undefined) : searchSubjects(q, PAGE_SIZE, (page - 1) * PAGE_SIZE)),
    [q, page, problem],
  );

  // Announce the new page to screen readers: move focus to the summary after paging.
  useEffect(() => {
    if (page > 1) document.getElementById('search-summary')?.focus();
  }, [page, data]);

  // An exact 统一社会信用代码 finds one subject: open its 信用档案 straight away.
  const exact = data?.items.length === 1 && isExactCode(q, data.items[0]?.uscc) ? data.items[0] : undefined;
  useEffect(() => {
    if (exact?.uscc) void navigate(subjectPath(exact.uscc), { replace: true });
  }, [exact, navigate]);

  const total = data ? Math.min(data.total, MAX_RESULTS) : 0;

  return (
    <>
      <h1 style={{ fontSize: 22, marginTop: 0 }}>查询结果</h1>
      <div className="portal-panel">
        <SearchBox key={q} initial={q} />
      </div>
      <section className="portal-panel" aria-labelledby="search-summary">
        {problem ? <ErrorAlert error={problem} /> : null}
        <ErrorAlert error={error} onRetry={error && isRetryable(error.status) ? reload : undefined} />
        {loading && !problem ? <Skeleton active paragraph={{ rows: 4 }} /> : null}
        {data && !loading ? (
          <>
            <h2 id="search-summary" tabIndex={-1} aria-live="polite" style={{ fontSize: 16, marginTop: 0 }}>
              {data.totalCapped ? `找到超过 ${MAX_RESULTS} 个主体，请输入更完整的名称` : `找到 ${data.total} 个主体`}
            </h2>
            {data.items.length === 0 ? (
              <Empty description="没有找到名称或代码匹配的主体。自然人不可按姓名查询。" />
            ) : (
              <ul className="portal-results" data-testid="search-results">
                {data.items.map((item) => (
                  <li key={item.subjectId}>
                    <Link className="name" to={subjectPath(item.uscc ?? item.subjectId)}>
                      <HighlightedName name={item.name} highlights={item.highlights} />
                    </Link>
                    <div className="meta">
                      {item.uscc ? `统一社会信用代码：${item.uscc}` : '无统一社会信用代码'} · {SUBJECT_KIND_NAMES[item.kind] ?? item.kind}
                    </div>
                  </li>
                ))}
              </ul>
            )}
            {total > PAGE_SIZE ? (
              <nav aria-label="分页" style={{ marginTop: 16, display: 'flex', justifyContent: 'center' }}>
                <Pagination
                  current={page}
                  pageSize={PAGE_SIZE}
                  total={total}
                  showSizeChanger={false}
                  showLessItems
                  onChange={(p) => void navigate(searchHref(q, p))}
                />
              </nav>
            ) : null}
          </>
        ) : null}
      </section>
    </>
  );
}
