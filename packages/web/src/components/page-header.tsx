import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTitle } from '../lib/use-api';

/** The page's one h1 (also the document title) and its actions. */
export function PageHeader({ title, extra, children }: { title: string; extra?: ReactNode; children?: ReactNode }) {
  useTitle(title);
  return (
    <div style={{ marginBottom: 16 }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </Flex>
      {children ? <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>{children}</Typography.Paragraph> : null}
    </div>
  );
}
