import { Checkbox, Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/api-client';
import { createApiKey } from '../../api/apikeys.api';
import type { ApiScope, CreatedApiKey, Department } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { SCOPE_LABELS, defaultScopesFor, scopesFor } from './scopes';
import type { KeyHolder } from './scopes';

type Owner = KeyHolder;

interface Values {
  owner: Owner;
  departmentUscc?: string;
  systemName?: string;
  scopes: ApiScope[];
}

interface Props {
  open: boolean;
  departments: Department[];
  onClose: () => void;
  onCreated: (key: CreatedApiKey) => void;
}

export function CreateApiKeyModal({ open, departments, onClose, onCreated }: Props) {
  const [form] = Form.useForm<Values>();
  const owner = Form.useWatch('owner', form) ?? 'department';
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    setError(null);
    try {
      const input =
        values.owner === 'department'
          ? { departmentUscc: values.departmentUscc, scopes: values.scopes }
          : { systemName: values.systemName?.trim(), scopes: values.scopes };
      onCreated(await createApiKey(input));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title="创建 API 密钥"
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
      <Form<Values>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ owner: 'department', scopes: defaultScopesFor('department') }}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.owner) form.setFieldValue('scopes', defaultScopesFor(changed.owner));
        }}
      >
        <Form.Item label="密钥归属" name="owner">
          <Radio.Group
            options={[
              { value: 'department', label: '信源部门（数据报送）' },
              { value: 'system', label: '调用系统（信用核查、监控）' },
            ]}
          />
        </Form.Item>
        {owner === 'department' ? (
          <Form.Item label="部门" name="departmentUscc" rules={[{ required: true, message: '请选择部门' }]}>
            <Select
              showSearch
              placeholder="请选择部门"
              optionFilterProp="label"
              options={departments.map((d) => ({ value: d.uscc, label: `${d.name}（${d.uscc}）` }))}
            />
          </Form.Item>
        ) : (
          <Form.Item
            label="系统名称"
            name="systemName"
            rules={[{ required: true, whitespace: true, message: '请输入调用系统名称' }]}
          >
            <Input placeholder="如：政务服务网 信用核查" />
          </Form.Item>
        )}
        <Form.Item label="权限" name="scopes" rules={[{ required: true, type: 'array', min: 1, message: '至少选择一项权限' }]}>
          <Checkbox.Group options={scopesFor(owner).map((s) => ({ value: s, label: `${SCOPE_LABELS[s]}（${s}）` }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
