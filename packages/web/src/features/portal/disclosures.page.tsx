import { DownloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Select, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { disclosuresCsvUrl, listDisclosureDepartments, listDisclosures, listPortalCatalogs } from '../../api/portal.api';
import type { Disclosure } from '../../api/portal.types';
import { ErrorAlert } from '../../components/error-alert';
import { PORTAL_PATHS, subjectPath } from '../../lib/paths';
import { useApi } from '../../lib/use-api';
import { disclosureSearch, parseDisclosureParams } from './portal-format';
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

const columns: TableColumnsType<Disclosure> = [
  {
    title: '主体名称',
    dataIndex: 'subjectName',
    render: (name: string, row) => <Link to={subjectPath(row.subjectId)}>{name}</Link>,
  },
  { title: '类别', dataIndex: 'catalogName', width: 96 },
  { title: '决定文书号', dataIndex: 'docNo' },
  { title: '决定日期', dataIndex: 'decisionDate', width: 112 },
  { title: '来源部门', key: 'dept', render: (_: unknown, row) => row.sourceDeptName || row.sourceDept },
  { title: '公示期至', dataIndex: 'maxUntil', width: 112, render: (v: string | null | undefined) => v ?? '—' },
];

/** `/disclosures`: 双公示 — public records by department, category and decision date; CSV of the same. */
export function DisclosuresPage() {
  usePortalTitle('双公示');
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const params = parseDisclosureParams(search);
  const { page, ...filter } = params;
  const [form] = Form.useForm<FilterForm>();
  const catalogs = useApi(listPortalCatalogs, []);
  const departments = useApi(listDisclosureDepartments, []);
  const { data, error, loading, reload } = useApi(
    () => listDisclosures(filter, PAGE_SIZE, (page - 1) * PAGE_SIZE),
    [filter.catalog, filter.department, filter.from, filter.to, page],
  );

  // The form follows the URL (back/forward, shared links).
  useEffect(() => {
    form.setFieldsValue({
      catalog: filter.catalog,
      department: filter.department,
      from: filter.from ? dayjs(filter.from) : null,
      to: filter.to ? dayjs(filter.to) : null,
    });
  }, [form, filter.catalog, filter.department, filter.from, filter.to]);

  function go(next: DisclosureParams) {
    void navigate(`${PORTAL_PATHS.disclosures}${disclosureSearch(next)}`);
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
      <h1 style={{ fontSize: 22, marginTop: 0 }}>双公示</h1>
      <p style={{ color: 'rgba(0, 0, 0, 0.65)' }}>行政许可、行政处罚等行政管理信息自作出决定之日起 7 个工作日内上网公示。公示期满或信用修复后的信息不再显示。</p>
      <section className="portal-panel" aria-label="筛选条件">
        <ErrorAlert error={catalogs.error ?? departments.error} />
        <Form form={form} layout="vertical" onFinish={apply}>
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(200px, 1fr))', gap: '0 16px' }}>
            <Form.Item name="catalog" label="信息类别">
              <Select
                allowClear
                placeholder="全部类别"
                options={(catalogs.data ?? []).map((c) => ({ value: c.code, label: c.name }))}
              />
            </Form.Item>
            <Form.Item name="department" label="来源部门">
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="全部部门"
                options={(departments.data ?? []).map((d) => ({ value: d.uscc, label: d.name }))}
              />
            </Form.Item>
            <Form.Item name="from" label="决定日期自">
              <DatePicker style={{ width: '100%' }} placeholder="不限" />
            </Form.Item>
            <Form.Item name="to" label="决定日期至">
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
        <Table<Disclosure>
          rowKey={(r) => `${r.recordKey}-${r.version}`}
          columns={columns}
          dataSource={data?.items ?? []}
          loading={loading}
          scroll={{ x: 860 }}
          size="middle"
          locale={{ emptyText: '没有符合条件的公示信息' }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: Math.min(data?.total ?? 0, MAX_ROWS),
            showSizeChanger: false,
            showLessItems: true,
            onChange: (p) => go({ ...filter, page: p }),
          }}
        />
      </section>
    </>
  );
}
