import { ExportOutlined } from '@ant-design/icons';
import { Alert, Descriptions, Space } from 'antd';
import { Link } from 'react-router';
import type { Subject } from '../../api/portal.types';
import { PageHeader } from '../../components/page-header';
import { CONSOLE_PATHS, subjectPath } from '../../lib/paths';
import { subjectKindName } from '../../lib/subject-kinds';
import { otherNames } from './archive-format';

/** The subject: its name as the page's h1, its code (a natural person's ID number masked), kind and former names. */
export function SubjectHeader({ subject }: { subject: Subject }) {
  const code = subject.uscc ?? subject.subjectId;
  const former = otherNames(subject);
  return (
    <>
      <PageHeader
        title={subject.name}
        extra={
          <Space size="middle" wrap>
            <Link to={CONSOLE_PATHS.archive}>返回查找</Link>
            <a href={subjectPath(code)} target="_blank" rel="noopener noreferrer" aria-label="查看公开页面（在新窗口打开）">
              查看公开页面 <ExportOutlined aria-hidden />
            </a>
          </Space>
        }
      >
        信用档案核查：该主体的全部信用记录，含不公示的。
      </PageHeader>
      {subject.nameConflict ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title="各部门报送的该主体名称不一致，请核实。" />
      ) : null}
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 3 }}
        style={{ marginBottom: 16 }}
        items={[
          subject.uscc
            ? { key: 'uscc', label: '统一社会信用代码', children: <code data-testid="subject-code">{subject.uscc}</code> }
            : { key: 'id', label: '证件号码（脱敏）', children: <code data-testid="subject-code">{subject.idMasked ?? '—'}</code> },
          { key: 'kind', label: '主体类别', children: subjectKindName(subject.kind) },
          { key: 'subjectId', label: '主体标识', children: <code>{subject.subjectId}</code> },
          ...(former.length ? [{ key: 'former', label: '曾用名', children: former.join('、') }] : []),
        ]}
      />
    </>
  );
}
