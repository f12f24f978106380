import { DownloadOutlined, QrcodeOutlined } from '@ant-design/icons';
import { Button, Descriptions, Skeleton, Tabs } from 'antd';
import { useRef, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { getSubject, listPortalCatalogs } from '../../api/portal.api';
import type { PortalCatalog, Subject } from '../../api/portal.types';
import { ErrorAlert } from '../../components/error-alert';
import { subjectCardPath } from '../../lib/paths';
import { useApi } from '../../lib/use-api';
import { SUBJECT_KIND_NAMES, listings } from './portal-format';
import { ReportDialog } from './report-dialog';
import { SubjectRecords } from './subject-records';
import { usePortalTitle } from './use-portal-title';

/** 行政许可 and 行政处罚 first (双公示), then the other eight acts and the lists in the catalogue's order. */
function tabOrder(catalogs: readonly PortalCatalog[]): PortalCatalog[] {
  const first = ['administrative_license', 'administrative_penalty'];
  return [...catalogs].sort((a, b) => {
    const ia = first.indexOf(a.code);
    const ib = first.indexOf(b.code);
    return (ia < 0 ? first.length : ia) - (ib < 0 ? first.length : ib);
  });
}

/** 信用码 are issued to legal persons and 个体工商户 only. */
export function hasCreditCode(subject: Pick<Subject, 'kind'>): boolean {
  return subject.kind === 'legal_person' || subject.kind === 'individual_business';
}

function formerNames(subject: Subject): string[] {
  return [...new Set(subject.formerNames.map((f) => f.name))].filter((n) => n !== subject.name);
}

/** `/subjects/{code}`: 信用档案 — basic information, a tab per catalogue, the report and the 信用码. */
export function SubjectPage() {
  const code = useParams().code ?? '';
  const archive = useApi(() => getSubject(code), [code]);
  const catalogs = useApi(listPortalCatalogs, []);
  const [reportOpen, setReportOpen] = useState(false);
  /** The tab the visitor chose on this subject's page; until then the first with records. */
  const [chosen, setChosen] = useState<{ code: string; tab: string } | null>(null);
  const setChosenTab = (tab: string) => setChosen({ code, tab });
  const chosenTab = chosen?.code === code ? chosen.tab : undefined;
  const recordsHeading = useRef<HTMLHeadingElement>(null);
  const navigate = useNavigate();
  const subject = archive.data?.subject;
  usePortalTitle(subject ? `${subject.name} 信用档案` : '信用档案');

  if (archive.error) {
    return (
      <>
        <h1 style={{ fontSize: 22, marginTop: 0 }}>信用档案</h1>
        <ErrorAlert error={archive.error} onRetry={archive.error.status === 404 ? undefined : archive.reload} />
      </>
    );
  }
  if (!subject || !archive.data) return <Skeleton active paragraph={{ rows: 6 }} />;

  const counts = archive.data.counts;
  const others = formerNames(subject);
  const pageCode = subject.uscc ?? subject.subjectId;
  const tabs = catalogs.data ? tabOrder(catalogs.data) : [];
  const activeTab = chosenTab ?? tabs.find((c) => (counts?.[c.code] ?? 0) > 0)?.code ?? tabs[0]?.code;
  // Being on a list (严重失信主体名单) is what a visitor must not miss: it is said at the top, with
  // a way to its tab, the last of eleven.
  const listed = catalogs.data ? listings(catalogs.data, counts) : [];

  function showTab(code: string) {
    setChosenTab(code);
    recordsHeading.current?.scrollIntoView({ block: 'start' });
    // The tab itself takes the focus, so the keyboard goes on from there.
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-node-key="${code}"] [role="tab"]`)?.focus());
  }

  return (
    <>
      <section className="portal-panel" aria-labelledby="subject-name">
        <p style={{ margin: '0 0 4px', color: 'rgba(0, 0, 0, 0.65)' }}>信用档案</p>
        <h1 id="subject-name" style={{ fontSize: 24, margin: '0 0 16px', wordBreak: 'break-all' }}>
          {subject.name}
        </h1>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 1, md: 2 }}
          styles={{ label: { color: 'rgba(0, 0, 0, 0.65)' } }}
          items={[
            { key: 'uscc', label: '统一社会信用代码', children: subject.uscc ?? '—' },
            { key: 'kind', label: '主体类别', children: SUBJECT_KIND_NAMES[subject.kind] ?? subject.kind },
            ...(subject.idMasked ? [{ key: 'id', label: '证件号码', children: subject.idMasked }] : []),
            ...(others.length ? [{ key: 'former', label: '曾用名', children: others.join('；') }] : []),
            { key: 'total', label: '公示中的信息', children: `${archive.data.total} 条` },
          ]}
        />
        {listed.map(({ catalog, count }) => (
          <div key={catalog.code} className="portal-listed" data-testid="listed-notice">
            <span>
              该主体已被列入<strong>{catalog.name}</strong>（公示中 {count} 条）
            </span>
            <Button type="link" className="portal-no-print" onClick={() => showTab(catalog.code)}>
              查看{catalog.name}
            </Button>
          </div>
        ))}
        <div className="portal-no-print" style={{ display: 'flex', gap: 12, flexWrap: 'wrap', marginTop: 16 }}>
          <Button type="primary" icon={<DownloadOutlined aria-hidden />} onClick={() => setReportOpen(true)}>
            下载信用报告
          </Button>
          {hasCreditCode(subject) ? (
            <Button
              href={subjectCardPath(pageCode)}
              icon={<QrcodeOutlined aria-hidden />}
              onClick={(e) => {
                e.preventDefault();
                void navigate(subjectCardPath(pageCode));
              }}
            >
              信用码
            </Button>
          ) : null}
        </div>
      </section>
      <section className="portal-panel" aria-labelledby="records-heading">
        <h2 id="records-heading" ref={recordsHeading} style={{ fontSize: 18, marginTop: 0 }}>
          公示信息
        </h2>
        <ErrorAlert error={catalogs.error} onRetry={catalogs.reload} />
        {catalogs.data ? (
          <Tabs
            className="portal-tabs"
            activeKey={activeTab}
            onChange={setChosenTab}
            items={tabs.map((catalog) => ({
              key: catalog.code,
              // Categories without records are set back, so those with records stand out.
              label: counts ? (
                <span className={(counts[catalog.code] ?? 0) > 0 ? undefined : 'portal-tab-empty'}>{`${catalog.name}（${counts[catalog.code] ?? 0}）`}</span>
              ) : (
                catalog.name
              ),
              children: <SubjectRecords code={pageCode} catalog={catalog} />,
            }))}
          />
        ) : (
          <Skeleton active />
        )}
      </section>
      <ReportDialog code={pageCode} subjectName={subject.name} catalogs={catalogs.data ?? []} open={reportOpen} onClose={() => setReportOpen(false)} />
    </>
  );
}
