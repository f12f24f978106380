import { SearchOutlined } from '@ant-design/icons';
import { Button, Input, Space } from 'antd';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { searchHref, searchProblem } from './portal-format';

/**
 * The one search box: a name fragment (2 characters are enough) or a 统一社会信用代码. A labelled
 * field in a search landmark; a too-short query is explained in Chinese without a request.
 */
export function SearchBox({ initial = '' }: { initial?: string }) {
  const [q, setQ] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const navigate = useNavigate();
  const inputId = useId();
  const hintId = useId();

  function submit(event: FormEvent) {
    event.preventDefault();
    const why = searchProblem(q);
    setProblem(why);
    if (!why) void navigate(searchHref(q));
  }

  return (
    <form role="search" aria-label="信用信息查询" className="portal-search" onSubmit={submit} noValidate>
      <label htmlFor={inputId}>企业名称或统一社会信用代码</label>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          id={inputId}
          size="large"
          value={q}
          maxLength={100}
          placeholder="如：鹰城建材"
          aria-describedby={hintId}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => setQ(e.target.value)}
          allowClear
        />
        <Button size="large" type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />}>
          查询
        </Button>
      </Space.Compact>
      <div id={hintId} style={{ marginTop: 6, minHeight: 22 }}>
        {problem ? (
          <span role="alert" style={{ color: '#cf1322' }}>
            {problem}
          </span>
        ) : (
          <span style={{ color: 'rgba(0, 0, 0, 0.65)' }}>输入名称中任意 2 个以上连续的字即可查询</span>
        )}
      </div>
    </form>
  );
}
