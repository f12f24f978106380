import { App, Button, Card, Form, Input, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/api-client';
import { addDepartment, listDepartments } from '../../api/departments.api';
import type { Department } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { USCC_PATTERN, formatDateTime, normalizeUscc } from '../../lib/format';
import { useUser } from '../../lib/session';
import { useApi } from '../../lib/use-api';

const columns: TableColumnsType<Department> = [
  { title: '部门名称', dataIndex: 'name' },
  { title: '统一社会信用代码', dataIndex: 'uscc', render: (v: string) => <code>{v}</code> },
  { title: '登记时间', dataIndex: 'createdAt', render: (v: string | undefined) => formatDateTime(v) },
];

/** 部门管理: the 信源部门 that report data; the administrator adds them. */
export function DepartmentsPage() {
  const user = useUser();
  const departments = useApi(listDepartments, []);
  // Only the administrator adds; the credit officer reads the list.
  const canAdd = user.role === 'platform_admin';
  return (
    <>
      <PageHeader title="部门管理">信源部门按统一社会信用代码登记；部门的数据报送和账号都归属于它。</PageHeader>
      {canAdd ? <AddDepartmentForm onAdded={departments.reload} /> : null}
      <ErrorAlert error={departments.error} onRetry={departments.reload} />
      <Table<Department>
        rowKey="uscc"
        columns={columns}
        dataSource={departments.data}
        loading={departments.loading}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
      />
    </>
  );
}

function AddDepartmentForm({ onAdded }: { onAdded: () => void }) {
  const [form] = Form.useForm<{ uscc: string; name: string }>();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: { uscc: string; name: string }) => {
    setBusy(true);
    setError(null);
    try {
      const dept = await addDepartment({ uscc: normalizeUscc(values.uscc), name: values.name.trim() });
      void message.success(`已添加 ${dept.name}`);
      form.resetFields();
      onAdded();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>添加部门</h2>} size="small" style={{ marginBottom: 16 }}>
      <ErrorAlert error={error} />
      <Form form={form} layout="inline" onFinish={(v) => void submit(v)} disabled={busy}>
        <Form.Item
          label="部门名称"
          name="name"
          rules={[{ required: true, whitespace: true, message: '请输入部门名称' }]}
        >
          <Input style={{ width: 240 }} autoComplete="organization" />
        </Form.Item>
        <Form.Item
          label="统一社会信用代码"
          name="uscc"
          normalize={(v: string) => v.toUpperCase()}
          rules={[
            { required: true, message: '请输入统一社会信用代码' },
            {
              validator: async (_r, v: string | undefined) =>
                v && !USCC_PATTERN.test(normalizeUscc(v)) ? Promise.reject(new Error('应为 18 位代码（数字和大写字母，不含 I、O、Z、S、V）')) : undefined,
            },
          ]}
        >
          <Input style={{ width: 220 }} maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            添加
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
