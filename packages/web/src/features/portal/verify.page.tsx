import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled, QuestionCircleFilled } from '@ant-design/icons';
import { Button, Descriptions, Input, Skeleton, Space } from 'antd';
import { useId, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { ApiError } from '../../api/api-client';
import { verifyReport } from '../../api/portal.api';
import type { ReportVerification } from '../../api/portal.types';
import { ErrorAlert } from '../../components/error-alert';
import { verifyPath } from '../../lib/paths';
import { useApi } from '../../lib/use-api';
import { beijingDateTime, verifyOutcome } from './portal-format';
import type { VerifyOutcome } from './portal-format';
import { usePortalTitle } from './use-portal-title';

const OUTCOMES: Record<VerifyOutcome, { title: string; text: string; className: string; icon: ReactNode }> = {
  authentic: {
    title: '真实有效',
    text: '该报告由本平台签发，签名校验通过，报告内容与签发时一致。',
    className: 'verify-ok',
    icon: <CheckCircleFilled aria-hidden />,
  },
  changed: {
    title: '报告真实，但信用信息已有变化',
    text: '该报告由本平台签发，签名校验通过；但签发后该主体的公示信息已发生变化（如信用修复、公示期满），请以最新报告为准。',
    className: 'verify-warn',
    icon: <ExclamationCircleFilled aria-hidden />,
  },
  forged: {
    title: '签名校验未通过',
    text: '该报告编号的签名与平台记录不符，报告可能被篡改，请勿采信。',
    className: 'verify-bad',
    icon: <CloseCircleFilled aria-hidden />,
  },
  not_found: {
    title: '未找到该报告',
    text: '本平台没有签发过这个编号的信用报告，请核对报告编号。',
    className: 'verify-bad',
    icon: <QuestionCircleFilled aria-hidden />,
  },
};

const KIND_NAMES: Record<string, string> = { standard: '标准信用报告', special: '专项信用报告' };

function VerifyForm({ initial = '' }: { initial?: string }) {
  const [value, setValue] = useState(initial);
  const navigate = useNavigate();
  const id = useId();
  function submit(e: FormEvent) {
    e.preventDefault();
    if (value.trim()) void navigate(verifyPath(value.trim()));
  }
  return (
    <form onSubmit={submit} aria-label="核验信用报告" style={{ maxWidth: 560 }}>
      <label htmlFor={id} style={{ display: 'block', fontWeight: 600, marginBottom: 8 }}>
        报告编号
      </label>
      <Space.Compact style={{ width: '100%' }}>
        <Input id={id} value={value} maxLength={64} onChange={(e) => setValue(e.target.value)} placeholder="报告上印制的编号" />
        <Button type="primary" htmlType="submit">
          核验
        </Button>
      </Space.Compact>
    </form>
  );
}

/** `/verify/{reportNo}` (a report's QR code): is the report authentic, and has its content changed since? */
export function VerifyPage() {
  const reportNo = useParams().reportNo ?? '';
  usePortalTitle('信用报告核验');
  const { data, error, loading, reload } = useApi(
    () => (reportNo ? verifyReport(reportNo) : Promise.resolve(undefined)),
    [reportNo],
  );
  const notFound = error instanceof ApiError && error.status === 404;
  const result: ReportVerification | undefined = notFound
    ? { reportNo, found: false, authentic: false, changed: false, issuedAt: null, asOf: null, subjectName: null, kind: null, message: error.message }
    : data;
  const outcome = result ? OUTCOMES[verifyOutcome(result)] : undefined;

  return (
    <>
      <h1 style={{ fontSize: 22, marginTop: 0 }}>信用报告核验</h1>
      {!reportNo ? (
        <div className="portal-panel">
          <VerifyForm />
        </div>
      ) : null}
      {reportNo && loading ? <Skeleton active /> : null}
      {reportNo && error && !notFound ? <ErrorAlert error={error} onRetry={reload} /> : null}
      {reportNo && result && outcome && !loading ? (
        <section className="portal-panel" aria-labelledby="verify-result" data-testid="verify-result">
          <h2 id="verify-result" className={outcome.className} style={{ fontSize: 24, marginTop: 0 }}>
            {outcome.icon} {outcome.title}
          </h2>
          {/* The server's own Chinese conclusion when it gives one. */}
          <p>{result.message || outcome.text}</p>
          <Descriptions
            size="small"
            bordered
            column={1}
            items={[
              { key: 'no', label: '报告编号', children: result.reportNo || reportNo },
              ...(result.kind ? [{ key: 'kind', label: '报告类型', children: KIND_NAMES[result.kind] ?? result.kind }] : []),
              ...(result.subjectName ? [{ key: 'subject', label: '主体名称', children: result.subjectName }] : []),
              ...(result.issuedAt ? [{ key: 'issued', label: '签发时间', children: beijingDateTime(result.issuedAt) }] : []),
              ...(result.asOf ? [{ key: 'asof', label: '数据截止时间', children: beijingDateTime(result.asOf) }] : []),
            ]}
          />
          <div style={{ marginTop: 24 }}>
            <h2 style={{ fontSize: 16 }}>核验其他报告</h2>
            <VerifyForm key={reportNo} />
          </div>
        </section>
      ) : null}
    </>
  );
}
