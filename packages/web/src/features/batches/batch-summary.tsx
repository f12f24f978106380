import { DownloadOutlined } from '@ant-design/icons';
import { Card, Col, Row, Space, Statistic } from 'antd';
import type { BatchLinks } from '../../api/types';

interface Counts {
  total: number;
  accepted: number;
  rejected: number;
  created: number;
  updated: number;
  unchanged: number;
}

/** The counts of a batch, and its rejected rows to fix and upload again. */
export function BatchSummary({ counts, links }: { counts: Counts; links: BatchLinks | null }) {
  const items: [string, number, string?][] = [
    ['数据行数', counts.total],
    ['通过', counts.accepted, '#237804'],
    ['退回', counts.rejected, counts.rejected > 0 ? '#cf1322' : undefined],
    ['新增', counts.created],
    ['更新', counts.updated],
    ['未变化', counts.unchanged],
  ];
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Row gutter={[16, 16]}>
        {items.map(([title, value, color]) => (
          <Col key={title} xs={12} sm={8} md={4}>
            <Statistic title={title} value={value} styles={color ? { content: { color } } : undefined} />
          </Col>
        ))}
      </Row>
      {links && counts.rejected > 0 ? (
        <Space wrap style={{ marginTop: 16 }}>
          <span>退回数据（原表加“错误原因”列，修改后可重新上传）：</span>
          <a href={links.rejectedCsv} download>
            <DownloadOutlined aria-hidden /> 下载 CSV
          </a>
          <a href={links.rejectedXlsx} download>
            <DownloadOutlined aria-hidden /> 下载 XLSX
          </a>
        </Space>
      ) : null}
    </Card>
  );
}
