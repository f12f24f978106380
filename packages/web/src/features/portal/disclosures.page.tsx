import { DownloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Grid, List, Select, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { disclosuresCsvUrl, listDisclosureDepartments, listDisclosures, listPortalCatalogs } from '../../api/portal.api';
import type { CatalogKind, Disclosure, PortalCatalog } from '../../api/portal.types';
import { ErrorAlert } from '../../components/error-alert';
import { PORTAL_PATHS, subjectPath } from '../../lib/paths';
import { useApi } from '../../lib/use-api';
import { disclosureSearch, parseDisclosureParams, sharedFieldName } from './portal-format';
import type { DisclosureParams } from './portal-format';
import { usePortalTitle } from './use-portal-title';

const PAGE_SIZE = 20;
/** The API pages through the first 1000 matches (offset ≤ 1000); the CSV has them all. */
const MAX_ROWS = 1000;

interface FilterForm {
  catalog?: string;
  department?: string;
  from?: Dayjs | null;
  to?: Dayjs | null;
}

/** The two public browses over GET /disclosures: 双公示 (the administrative acts) and the lists. */
export type BrowseVariant = 'acts' | 'lists';

interface VariantText {
  kind: CatalogKind;
  path: string;
  title: string;
  intro: string;
}

const VARIANTS: Record<BrowseVariant, VariantText> = {
  acts: {
    kind: 'administrative_act',
    path: PORTAL_PATHS.disclosures,
    title: '双公示',
    intro: '行政许可、行政处罚等行政管理信息自作出决定之日起 7 个工作日内上网公示。公示期满或信用修复后的信息不再显示。',
  },
  lists: {
    kind: 'list',
    path: PORTAL_PATHS.dishonestyList,
    title: '严重失信主体名单',
    intro: '经认定部门依法认定、列入严重失信主体名单的主体。移出名单、信用修复或公示期满后的信息不再显示。',
  },
};

/** The value of the record's field with that role (e.g. its 名单名称), '' when none. */
function roleValue(row: Disclosure, catalogs: readonly PortalCatalog[], role: string): string {
  const code = catalogs.find((c) => c.code === row.catalog)?.fields.find((f) => f.role === role)?.code;
  const value = code ? row.data[code] : undefined;
  return typeof value === 'string' ? value : '';
}

/** The table's columns, named as the shown catalogues name their fields (a list's 列入日期); 类别 unless the browse has one. */
function columnsFor(shown: readonly PortalCatalog[], single: boolean): TableColumnsType<Disclosure> {
  const withListName = shown.some((c) => c.fields.some((f) => f.role === 'list_name'));
  return [
    {
      title: '主体名称',
      dataIndex: 'subjectName',
      render: (name: string, row) => <Link to={subjectPath(row.subjectId)}>{name}</Link>,
    },
    ...(single ? [] : [{ title: '类别', dataIndex: 'catalogName', width: 96 }]),
    ...(withListName
      ? [{ title: sharedFieldName(shown, 'list_name', '名单名称'), key: 'listName', render: (_: unknown, row: Disclosure) => roleValue(row, shown, 'list_name') || '—' }]
      : []),
    { title: sharedFieldName(shown, 'doc_no', '决定文书号'), dataIndex: 'docNo' },
    { title: sharedFieldName(shown, 'decision_date', '决定日期'), dataIndex: 'decisionDate', width: 112 },
    { title: '来源部门', key: 'dept', render: (_: unknown, row) => row.sourceDeptName || row.sourceDept },
    // Not 失信信息 (行政许可 …): public without an end, as the 信用档案 says.
    { title: '公示期至', dataIndex: 'maxUntil', width: 112, render: (v: string | null | undefined) => v ?? '长期公示' },
  ];
}

/**
 * One record as a card, for a phone: a table of six columns would scroll sideways there. The same
 * facts as the table's row, each named as the table's header names it.
 */
function DisclosureCard({ row, shown, single }: { row: Disclosure; shown: readonly PortalCatalog[]; single: boolean }) {
  const listName = roleValue(row, shown, 'list_name');
  const facts: [string, string][] = [
    ...(single ? [] : ([['类别', row.catalogName]] as [string, string][])),
    ...(listName ? ([[sharedFieldName(shown, 'list_name', '名单名称'), listName]] as [string, string][]) : []),
    [sharedFieldName(shown, 'doc_no', '决定文书号'), row.docNo],
    [sharedFieldName(shown, 'decision_date', '决定日期'), row.decisionDate],
    ['来源部门', row.sourceDeptName || row.sourceDept],
    ['公示期至', row.maxUntil ?? '长期公示'],
  ];
  return (
    <article className="disclosure-card" data-testid="disclosure-card">
      <h3>
        <Link to={subjectPath(row.subjectId)}>{row.subjectName}</Link>
      </h3>
      <dl>
        {facts.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </article>
  );
}

/**
 * `/disclosures`: 双公示 — public records of the administrative acts (行政许可, 行政处罚 and the
 * other eight) by department, category and decision date; `/serious-dishonesty-list`: the same for
 * the lists (严重失信主体名单) by 列入日期. Each with the CSV of the same filter.
 */
export function DisclosuresPage({ variant = 'acts' }: { variant?: BrowseVariant }) {
  const text = VARIANTS[variant];
  usePortalTitle(text.title);
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const params = parseDisclosureParams(search);
  const { page, ...chosen } = params;
  const filter = { kind: text.kind, ...chosen };
  const [form] = Form.useForm<FilterForm>();
  const catalogs = useApi(listPortalCatalogs, []);
  const departments = useApi(listDisclosureDepartments, []);
  const { data, error, loading, reload } = useApi(
    () => listDisclosures(filter, PAGE_SIZE, (page - 1) * PAGE_SIZE),
    [filter.kind, filter.catalog, filter.department, filter.from, filter.to, page],
  );
  const ofKind = (catalogs.data ?? []).filter((c) => (c.kind ?? 'administrative_act') === text.kind);
  const selected = ofKind.filter((c) => c.code === filter.catalog);
  const shown = selected.length > 0 ? selected : ofKind;
  const dateName = sharedFieldName(shown, 'decision_date', '决定日期');

  // A link to a category of the other browse (e.g. 双公示 filtered to 严重失信主体名单, bookmarked
  // before the lists had a page of their own) goes there with the same filters.
  const elsewhere = (catalogs.data ?? []).find((c) => c.code === filter.catalog && (c.kind ?? 'administrative_act') !== text.kind);
  useEffect(() => {
    if (!elsewhere) return;
    const target = Object.values(VARIANTS).find((v) => v.kind === (elsewhere.kind ?? 'administrative_act'));
    if (target) void navigate(`${target.path}${disclosureSearch(params)}`, { replace: true });
  }, [elsewhere, navigate, params]);

  // The form follows the URL (back/forward, shared links).
  useEffect(() => {
    form.setFieldsValue({
      catalog: filter.catalog,
      department: filter.department,
      from: filter.from ? dayjs(filter.from) : null,
      to: filter.to ? dayjs(filter.to) : null,
    });
  }, [form, filter.catalog, filter.department, filter.from, filter.to]);

  // A phone (narrower than antd's md, 768 px) gets cards instead of the table.
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  const pagination = {
    current: page,
    pageSize: PAGE_SIZE,
    total: Math.min(data?.total ?? 0, MAX_ROWS),
    showSizeChanger: false,
    showLessItems: true,
    onChange: (p: number) => go({ ...filter, page: p }),
  };

  function go(next: DisclosureParams) {
    void navigate(`${text.path}${disclosureSearch(next)}`);
  }

  function apply(values: FilterForm) {
    go({
      catalog: values.catalog || undefined,
      department: values.department || undefined,
      from: values.from?.format('YYYY-MM-DD'),
      to: values.to?.format('YYYY-MM-DD'),
      page: 1,
    });
  }

  return (
    <>
      <h1 style={{ fontSize: 22, marginTop: 0 }}>{text.title}</h1>
      <p style={{ color: 'rgba(0, 0, 0, 0.65)' }}>{text.intro}</p>
      <section className="portal-panel" aria-label="筛选条件">
        <ErrorAlert error={catalogs.error ?? departments.error} />
        <Form form={form} layout="vertical" onFinish={apply}>
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))', gap: '0 16px' }}>
            {ofKind.length > 1 ? (
              <Form.Item name="catalog" label="信息类别">
                <Select allowClear placeholder="全部类别" options={ofKind.map((c) => ({ value: c.code, label: c.name }))} />
              </Form.Item>
            ) : null}
            <Form.Item name="department" label="来源部门">
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="全部部门"
                options={(departments.data ?? []).map((d) => ({ value: d.uscc, label: d.name }))}
              />
            </Form.Item>
            <Form.Item name="from" label={`${dateName}自`}>
              <DatePicker style={{ width: '100%' }} placeholder="不限" />
            </Form.Item>
            <Form.Item name="to" label={`${dateName}至`}>
              <DatePicker style={{ width: '100%' }} placeholder="不限" />
            </Form.Item>
          </div>
          <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
            <Button type="primary" htmlType="submit">
              查询
            </Button>
            <Button onClick={() => go({ page: 1 })}>重置</Button>
            <Button href={disclosuresCsvUrl(filter)} icon={<DownloadOutlined aria-hidden />} download>
              导出 CSV
            </Button>
          </div>
        </Form>
      </section>
      <section className="portal-panel" aria-labelledby="disclosure-count">
        <h2 id="disclosure-count" style={{ fontSize: 16, marginTop: 0 }} aria-live="polite">
          {data ? (data.totalCapped ? `超过 ${MAX_ROWS} 条公示信息，请缩小筛选范围或导出 CSV` : `共 ${data.total} 条公示信息`) : '公示信息'}
        </h2>
        <ErrorAlert error={error} onRetry={reload} />
        {narrow ? (
          <List<Disclosure>
            rowKey={(r) => `${r.recordKey}-${r.version}`}
            dataSource={data?.items ?? []}
            loading={loading}
            locale={{ emptyText: '没有符合条件的公示信息' }}
            renderItem={(row) => (
              <List.Item>
                <DisclosureCard row={row} shown={shown} single={ofKind.length === 1} />
              </List.Item>
            )}
            pagination={pagination}
          />
        ) : (
          <Table<Disclosure>
            rowKey={(r) => `${r.recordKey}-${r.version}`}
            columns={columnsFor(shown, ofKind.length === 1)}
            dataSource={data?.items ?? []}
            loading={loading}
            scroll={{ x: 860 }}
            size="middle"
            locale={{ emptyText: '没有符合条件的公示信息' }}
            pagination={pagination}
          />
        )}
      </section>
    </>
  );
}
