import { PrinterOutlined } from '@ant-design/icons';
import { Button, Skeleton } from 'antd';
import { Link, useParams } from 'react-router';
import { getSubject, qrcodeUrl } from '../../api/portal.api';
import { ErrorAlert } from '../../components/error-alert';
import { subjectPath } from '../../lib/paths';
import { useApi } from '../../lib/use-api';
import { hasCreditCode } from './subject.page';
import { SITE_NAME, usePortalTitle } from './use-portal-title';

/**
 * `/subjects/{code}/card`: the printable 信用码 — the QR code of the subject's public page, its
 * name and 统一社会信用代码. Printing shows the card alone (portal.css).
 */
export function SubjectCardPage() {
  const code = useParams().code ?? '';
  const { data, error, reload } = useApi(() => getSubject(code), [code]);
  const subject = data?.subject;
  usePortalTitle(subject ? `${subject.name} 信用码` : '信用码');

  if (error) {
    return (
      <>
        <h1 style={{ fontSize: 22, marginTop: 0 }}>信用码</h1>
        <ErrorAlert error={error} onRetry={error.status === 404 ? undefined : reload} />
      </>
    );
  }
  if (!subject) return <Skeleton active />;
  const pageCode = subject.uscc ?? subject.subjectId;

  return (
    <>
      <div className="portal-no-print" style={{ display: 'flex', justifyContent: 'space-between', flexWrap: 'wrap', gap: 12, marginBottom: 16 }}>
        <Link to={subjectPath(pageCode)}>← 返回信用档案</Link>
        {hasCreditCode(subject) ? (
          <Button type="primary" icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
            打印信用码
          </Button>
        ) : null}
      </div>
      {hasCreditCode(subject) ? (
        <section className="portal-card" aria-labelledby="card-title">
          <p className="card-site">{SITE_NAME}</p>
          <h1 id="card-title" style={{ fontSize: 22, margin: '0 0 12px' }}>
            信用码
          </h1>
          <img src={qrcodeUrl(pageCode)} alt={`${subject.name}的信用码：扫码查看其信用档案`} width={240} height={240} />
          <p className="card-name">{subject.name}</p>
          <p className="card-code">统一社会信用代码：{subject.uscc ?? '—'}</p>
          <p style={{ margin: '12px 0 0', color: 'rgba(0, 0, 0, 0.65)' }}>扫码查看该主体在{SITE_NAME}公示的信用信息</p>
        </section>
      ) : (
        <>
          <h1 style={{ fontSize: 22, marginTop: 0 }}>信用码</h1>
          <ErrorAlert error="信用码仅向法人、非法人组织和个体工商户提供" />
        </>
      )}
    </>
  );
}
