import { SearchOutlined } from '@ant-design/icons';
import { Button, Input, Space } from 'antd';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { lookupSubjectByIdNumber } from '../../api/archive.api';
import { errorMessage } from '../../api/api-client';
import { archivePath } from '../../lib/paths';
import { classifyArchiveQuery } from './archive-query';

const LABEL = '统一社会信用代码、主体标识、名称或身份证号码';

/**
 * The one search field. A code opens the archive; a 居民身份证号码 is looked up by POST and only its
 * subjectId goes into the address (the number stays out of URLs and the history); a name fragment
 * is handed to `onName` (the public search).
 */
export function ArchiveSearchForm({ initial = '', onName }: { initial?: string; onName: (q: string) => void }) {
  const navigate = useNavigate();
  const [text, setText] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const hintId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const query = classifyArchiveQuery(text);
    setProblem(null);
    if (query.kind === 'invalid') {
      setProblem(query.message);
      return;
    }
    if (query.kind === 'code') {
      void navigate(archivePath(query.code));
      return;
    }
    if (query.kind === 'name') {
      onName(query.q);
      return;
    }
    setBusy(true);
    try {
      const subjectId = await lookupSubjectByIdNumber(query.idNumber);
      void navigate(archivePath(subjectId));
    } catch (err) {
      setProblem(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form role="search" aria-label="查找信用主体" onSubmit={(e) => void submit(e)} noValidate style={{ maxWidth: 640, marginBottom: 16 }}>
      <label htmlFor={inputId} style={{ display: 'block', marginBottom: 6 }}>
        {LABEL}
      </label>
      <Space.Compact style={{ width: '100%' }}>
        <Input
          id={inputId}
          value={text}
          maxLength={100}
          // The field may hold a 居民身份证号码: the browser must not remember it.
          autoComplete="off"
          spellCheck={false}
          placeholder="如：91410402MA2YUMA33Y 或 恒达"
          aria-describedby={hintId}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => setText(e.target.value)}
          allowClear
        />
        <Button type="primary" htmlType="submit" loading={busy} icon={<SearchOutlined aria-hidden />}>
          查询
        </Button>
      </Space.Compact>
      <div id={hintId} style={{ marginTop: 6, minHeight: 22 }}>
        {problem ? (
          <span role="alert" style={{ color: '#a8071a' }}>
            {problem}
          </span>
        ) : (
          <span style={{ color: 'rgba(0, 0, 0, 0.65)' }}>名称输入任意 2 个以上连续的字；自然人请输入 18 位居民身份证号码。</span>
        )}
      </div>
    </form>
  );
}
