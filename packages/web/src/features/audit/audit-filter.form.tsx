import { DownloadOutlined, SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Button, Card, DatePicker, Form, Input, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { AUDIT_ACTOR_KINDS, AUDIT_OUTCOMES, auditExportUrl } from '../../api/audit.api';
import type { AuditActorKind, AuditFilter, AuditOutcome } from '../../api/audit.api';
import { listDepartments } from '../../api/departments.api';
import { useApi } from '../../lib/use-api';
import { ACTION_OPTIONS, ACTOR_KIND_LABELS, OUTCOME_LABELS } from './audit-labels';

type Written = 'late' | 'on-time';

interface FormValues {
  actor?: string;
  action?: string;
  actorKind?: AuditActorKind;
  outcome?: AuditOutcome;
  departmentUscc?: string;
  target?: string;
  range?: [Dayjs | null, Dayjs | null] | null;
  written?: Written;
}

function toFilter(v: FormValues): AuditFilter {
  const [from, to] = v.range ?? [];
  return {
    actor: v.actor?.trim() || undefined,
    action: v.action?.trim() || undefined,
    actorKind: v.actorKind,
    outcome: v.outcome,
    departmentUscc: v.departmentUscc?.trim().toUpperCase() || undefined,
    target: v.target?.trim() || undefined,
    // Whole days as the server counts them (北京时间).
    from: from ? from.format('YYYY-MM-DD') : undefined,
    to: to ? to.format('YYYY-MM-DD') : undefined,
    spooled: v.written === undefined ? undefined : v.written === 'late',
  };
}

interface Props {
  /** The search being shown: the export buttons download exactly it. */
  filter: AuditFilter;
  onSearch: (filter: AuditFilter) => void;
  /** The server has no search (an older version): nothing to export either. */
  exportDisabled: boolean;
}

/** 审计日志的查询条件: who, what, on what, with what outcome, from which department, when, and whether written late. */
export function AuditFilterForm({ filter, onSearch, exportDisabled }: Props) {
  const departments = useApi(listDepartments, []);
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Form<FormValues> layout="inline" style={{ rowGap: 12 }} onFinish={(v) => onSearch(toFilter(v))}>
        <Form.Item label="操作人" name="actor">
          <Input allowClear style={{ width: 150 }} placeholder="用户名或编号" />
        </Form.Item>
        <Form.Item label="对象" name="target">
          <Input allowClear style={{ width: 170 }} placeholder="编号、代码或路径的一部分" />
        </Form.Item>
        {/* Pick an action by its name, or type a code's prefix (user matches user.create …). */}
        <Form.Item label="操作" name="action">
          <AutoComplete
            allowClear
            style={{ width: 220 }}
            placeholder="如 上报数据，或前缀 user"
            options={ACTION_OPTIONS}
            filterOption={(input, option) => (option?.label ?? '').toLowerCase().includes(input.trim().toLowerCase())}
          />
        </Form.Item>
        <Form.Item label="操作人类型" name="actorKind">
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder="全部"
            options={AUDIT_ACTOR_KINDS.map((k) => ({ value: k, label: ACTOR_KIND_LABELS[k] }))}
          />
        </Form.Item>
        <Form.Item label="结果" name="outcome">
          <Select
            allowClear
            style={{ width: 100 }}
            placeholder="全部"
            options={AUDIT_OUTCOMES.map((o) => ({ value: o, label: OUTCOME_LABELS[o].label }))}
          />
        </Form.Item>
        <Form.Item label="部门" name="departmentUscc">
          {departments.error ? (
            // The list could not be read: the code still finds the department's entries.
            <Input allowClear style={{ width: 200 }} placeholder="统一社会信用代码" maxLength={18} />
          ) : (
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              style={{ width: 240 }}
              placeholder="全部（可输入名称或代码）"
              loading={departments.loading}
              options={departments.data?.map((d) => ({ value: d.uscc, label: `${d.name}（${d.uscc}）` }))}
              notFoundContent="没有匹配的部门"
            />
          )}
        </Form.Item>
        <Form.Item label="日期（北京时间）" name="range">
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item label="写入方式" name="written" tooltip="补记：数据库暂不可写时先暂存在服务器磁盘上、恢复后才写入审计链的记录">
          <Select<Written>
            allowClear
            style={{ width: 130 }}
            placeholder="全部"
            options={[
              { value: 'late', label: '仅补记' },
              { value: 'on-time', label: '仅按时写入' },
            ]}
          />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />}>
              查询
            </Button>
            <Button href={auditExportUrl(filter, 'csv')} icon={<DownloadOutlined aria-hidden />} disabled={exportDisabled}>
              导出 CSV
            </Button>
            <Button href={auditExportUrl(filter, 'xlsx')} icon={<DownloadOutlined aria-hidden />} disabled={exportDisabled}>
              导出 XLSX
            </Button>
          </Space>
        </Form.Item>
      </Form>
    </Card>
  );
}
