import { Empty, List, Pagination, Skeleton } from 'antd';
import { Link } from 'react-router';
import { searchSubjects } from '../../api/portal.api';
import { ErrorAlert } from '../../components/error-alert';
import { archivePath } from '../../lib/paths';
import { subjectKindName } from '../../lib/subject-kinds';
import { useApi } from '../../lib/use-api';

const PAGE_SIZE = 20;
/** The public search ranks and pages through its first 200 matches. */
const MAX_RESULTS = 200;

/** Subjects whose name holds the fragment (the public search), each a link to its 信用档案核查. */
export function SubjectHits({ q, page, onPage }: { q: string; page: number; onPage: (page: number) => void }) {
  const { data, error, loading, reload } = useApi(() => searchSubjects(q, PAGE_SIZE, (page - 1) * PAGE_SIZE), [q, page]);
  const total = data ? Math.min(data.total, MAX_RESULTS) : 0;
  return (
    <section aria-labelledby="archive-hits">
      <ErrorAlert error={error} onRetry={reload} />
      {loading && !data ? <Skeleton active paragraph={{ rows: 3 }} /> : null}
      {data ? (
        <>
          <h2 id="archive-hits" aria-live="polite" style={{ fontSize: 16 }}>
            {data.totalCapped ? `名称含“${q}”的主体超过 ${MAX_RESULTS} 个，请输入更完整的名称` : `名称含“${q}”的主体：${data.total} 个`}
          </h2>
          {data.items.length === 0 ? (
            <Empty description="没有找到名称匹配的主体。自然人不能按姓名查找，请输入其居民身份证号码。" />
          ) : (
            <List
              bordered
              aria-busy={loading}
              dataSource={data.items}
              renderItem={(item) => (
                <List.Item>
                  <List.Item.Meta
                    title={<Link to={archivePath(item.uscc ?? item.subjectId)}>{item.name}</Link>}
                    description={`${item.uscc ? `统一社会信用代码：${item.uscc}` : '无统一社会信用代码'} · ${subjectKindName(item.kind)}`}
                  />
                </List.Item>
              )}
            />
          )}
          {total > PAGE_SIZE ? (
            <nav aria-label="分页" style={{ marginTop: 16, textAlign: 'right' }}>
              <Pagination current={page} pageSize={PAGE_SIZE} total={total} showSizeChanger={false} onChange={onPage} />
            </nav>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
