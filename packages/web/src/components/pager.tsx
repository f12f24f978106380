import { Button, Space } from 'antd';

/** 上一页 / 下一页 for lists without a known total. */
export function Pager({ page, hasMore, onChange }: { page: number; hasMore: boolean; onChange: (page: number) => void }) {
  if (page === 1 && !hasMore) return null;
  return (
    <nav aria-label="分页" style={{ marginTop: 16, textAlign: 'right' }}>
      <Space>
        <Button disabled={page <= 1} onClick={() => onChange(page - 1)}>
          上一页
        </Button>
        <span aria-live="polite">第 {page} 页</span>
        <Button disabled={!hasMore} onClick={() => onChange(page + 1)}>
          下一页
        </Button>
      </Space>
    </nav>
  );
}
