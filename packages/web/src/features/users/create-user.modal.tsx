import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/api-client';
import { ROLES } from '../../api/types';
import type { CreateUserInput, Department, Role, UserWithPassword } from '../../api/types';
import { createUser } from '../../api/users.api';
import { ErrorAlert } from '../../components/error-alert';
import { ROLE_LABELS, needsDepartment } from '../../lib/roles';

interface Props {
  open: boolean;
  departments: Department[];
  onClose: () => void;
  onCreated: (result: UserWithPassword) => void;
}

/** 新建用户: username, name, role, and the department for department roles. */
export function CreateUserModal({ open, departments, onClose, onCreated }: Props) {
  const [form] = Form.useForm<CreateUserInput>();
  const role = Form.useWatch('role', form) as Role | undefined;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    setError(null);
    try {
      const input: CreateUserInput = {
        username: values.username.trim(),
        displayName: values.displayName.trim(),
        role: values.role,
        ...(needsDepartment(values.role) ? { departmentUscc: values.departmentUscc } : {}),
      };
      onCreated(await createUser(input));
      form.resetFields();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title="新建用户"
      okText="创建"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          label="用户名"
          name="username"
          rules={[
            { required: true, whitespace: true, message: '请输入用户名' },
            { pattern: /^\S{2,64}$/, message: '用户名为 2–64 个字符，不含空格' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="姓名" name="displayName" rules={[{ required: true, whitespace: true, message: '请输入姓名' }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
          <Select placeholder="请选择角色" options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
        </Form.Item>
        {role && needsDepartment(role) ? (
          <Form.Item
            label="所属部门"
            name="departmentUscc"
            rules={[{ required: true, message: '部门角色须选择所属部门' }]}
            extra="该用户只能查看和报送本部门的数据。"
          >
            <Select
              showSearch
              placeholder="请选择部门"
              optionFilterProp="label"
              options={departments.map((d) => ({ value: d.uscc, label: `${d.name}（${d.uscc}）` }))}
              notFoundContent="没有部门，请先在部门管理中添加"
            />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
