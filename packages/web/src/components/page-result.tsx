import { Result } from 'antd';
import type { ResultProps } from 'antd';
import { useTitle } from '../lib/use-api';

/** A whole-page Result (403, 404, errors) whose title is the page's h1 and document title. */
export function PageResult({ title, ...props }: Omit<ResultProps, 'title'> & { title: string }) {
  useTitle(title);
  return <Result {...props} title={<h1 style={{ fontSize: 24, margin: 0, fontWeight: 'normal' }}>{title}</h1>} />;
}
