import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Modal, Popconfirm, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/api-client';
import { listApiKeys, revokeApiKey } from '../../api/apikeys.api';
import { listDepartments } from '../../api/departments.api';
import type { ApiKey, CreatedApiKey } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { OneTimeSecret } from '../../components/one-time-secret';
import { PageHeader } from '../../components/page-header';
import { StatusTag } from '../../components/status-tag';
import { formatDateTime, shortId } from '../../lib/format';
import { useApi } from '../../lib/use-api';
import { CreateApiKeyModal } from './create-apikey.modal';
import { scopeLabel } from './scopes';

/** API 密钥: keys of departments (submission) and of calling systems (credit checks). */
export function ApiKeysPage() {
  const { message } = App.useApp();
  const keys = useApi(listApiKeys, []);
  const departments = useApi(listDepartments, []);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);

  const owner = (k: ApiKey) => {
    if (k.systemName) return `系统：${k.systemName}`;
    // The server names the department; the list is the fallback for an older server.
    const name = k.departmentName ?? departments.data?.find((d) => d.uscc === k.departmentUscc)?.name;
    return `部门：${name ?? k.departmentUscc ?? '—'}`;
  };

  const revoke = async (k: ApiKey) => {
    try {
      await revokeApiKey(k.id);
      void message.success(`已吊销密钥 ${shortId(k.id)}`);
      keys.reload();
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  const columns: TableColumnsType<ApiKey> = [
    { title: '编号', dataIndex: 'id', render: (id: string) => <code title={id}>{shortId(id)}</code> },
    { title: '所属', key: 'owner', render: (_v, k) => owner(k) },
    { title: '权限', dataIndex: 'scopes', render: (scopes: string[]) => scopes.map((s) => <StatusTag key={s} tone="neutral">{scopeLabel(s)}</StatusTag>) },
    { title: '创建时间', dataIndex: 'createdAt', render: (v: string) => formatDateTime(v) },
    {
      title: '状态',
      dataIndex: 'revokedAt',
      render: (v: string | null) => (v ? <StatusTag tone="neutral">已吊销 {formatDateTime(v)}</StatusTag> : <StatusTag tone="success">有效</StatusTag>),
    },
    {
      title: '操作',
      key: 'actions',
      render: (_v, k) =>
        k.revokedAt ? null : (
          <Popconfirm
            title="吊销此密钥？"
            description="吊销后使用它的系统立即无法调用接口，且不能恢复。"
            okText="吊销"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={() => void revoke(k)}
          >
            <Button size="small" danger aria-label={`吊销密钥 ${shortId(k.id)}`}>
              吊销
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title="API 密钥"
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            创建密钥
          </Button>
        }
      >
        部门系统用密钥报送数据，政务服务等系统用密钥调用信用核查接口，监控系统（Prometheus）用密钥读取 /metrics（请求头 Authorization: Bearer &lt;密钥&gt;）。平台只保存密钥的哈希。
      </PageHeader>
      <ErrorAlert error={keys.error} onRetry={keys.reload} />
      <Table<ApiKey>
        rowKey="id"
        columns={columns}
        dataSource={keys.data}
        loading={keys.loading}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
      />
      <CreateApiKeyModal
        open={creating}
        departments={departments.data ?? []}
        onClose={() => setCreating(false)}
        onCreated={(k) => {
          setCreating(false);
          setCreated(k);
          keys.reload();
        }}
      />
      <Modal
        open={created !== null}
        title="密钥已创建"
        onCancel={() => setCreated(null)}
        footer={
          <Button type="primary" onClick={() => setCreated(null)}>
            我已保存，关闭
          </Button>
        }
        destroyOnHidden
      >
        {created ? (
          <OneTimeSecret label="API 密钥" secret={created.key} hint={`密钥编号 ${created.id}。请立即复制并配置到调用系统中。`} />
        ) : null}
      </Modal>
    </>
  );
}
