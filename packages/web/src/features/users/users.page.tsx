import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Modal, Popconfirm, Space, Table } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { errorMessage } from '../../api/api-client';
import { listDepartments } from '../../api/departments.api';
import type { User, UserWithPassword } from '../../api/types';
import { listUsers, resetPassword, resetTotp, setUserDisabled } from '../../api/users.api';
import { ErrorAlert } from '../../components/error-alert';
import { OneTimeSecret } from '../../components/one-time-secret';
import { PageHeader } from '../../components/page-header';
import { StatusTag } from '../../components/status-tag';
import { formatDateTime } from '../../lib/format';
import { roleLabel } from '../../lib/roles';
import { useUser } from '../../lib/session';
import { useApi } from '../../lib/use-api';
import { CreateUserModal } from './create-user.modal';

/** 用户管理 (平台管理员): accounts, their roles and departments; disable; reset password. */
export function UsersPage() {
  const me = useUser();
  const { message } = App.useApp();
  const users = useApi(listUsers, []);
  const departments = useApi(listDepartments, []);
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<{ title: string; result: UserWithPassword } | null>(null);

  // The server names each account's department; the list is the fallback for an older server.
  const deptName = (u: User) => {
    if (!u.departmentUscc) return '—';
    return u.departmentName ?? departments.data?.find((d) => d.uscc === u.departmentUscc)?.name ?? u.departmentUscc;
  };

  const toggle = async (user: User) => {
    try {
      await setUserDisabled(user.id, !user.disabled);
      void message.success(user.disabled ? `已启用 ${user.username}` : `已停用 ${user.username}`);
      users.reload();
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  const reset = async (user: User) => {
    try {
      setIssued({ title: `已重置 ${user.username} 的密码`, result: await resetPassword(user.id) });
      users.reload();
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  const clearTotp = async (user: User) => {
    try {
      await resetTotp(user.id);
      void message.success(`已重置 ${user.username} 的动态口令`);
      users.reload();
    } catch (err) {
      void message.error(errorMessage(err));
    }
  };

  const columns: TableColumnsType<User> = [
    { title: '用户名', dataIndex: 'username' },
    { title: '姓名', dataIndex: 'displayName' },
    { title: '角色', dataIndex: 'role', render: (role: string) => roleLabel(role) },
    { title: '所属部门', key: 'department', render: (_v, u) => deptName(u) },
    {
      title: '状态',
      key: 'status',
      render: (_v, u) => (
        <Space size={4} wrap>
          {u.disabled ? <StatusTag tone="neutral">已停用</StatusTag> : <StatusTag tone="success">正常</StatusTag>}
          {u.mustChangePassword ? <StatusTag tone="warning">待改密码</StatusTag> : null}
          {u.totpEnabled ? <StatusTag tone="info">动态口令</StatusTag> : null}
          {u.lockedUntil && new Date(u.lockedUntil) > new Date() ? (
            <StatusTag tone="error">锁定至 {formatDateTime(u.lockedUntil)}</StatusTag>
          ) : null}
        </Space>
      ),
    },
    { title: '最近登录', dataIndex: 'lastLoginAt', render: (v: string | null | undefined) => formatDateTime(v) },
    {
      title: '操作',
      key: 'actions',
      render: (_v, u) =>
        u.id === me.id ? (
          <span aria-label="当前登录的账号">（本人）</span>
        ) : (
          <Space size="small" wrap>
            <Popconfirm
              title={u.disabled ? `启用 ${u.username}？` : `停用 ${u.username}？停用后该账号不能登录。`}
              okText="确定"
              cancelText="取消"
              onConfirm={() => void toggle(u)}
            >
              <Button size="small" danger={!u.disabled}>
                {u.disabled ? '启用' : '停用'}
              </Button>
            </Popconfirm>
            <Popconfirm
              title={`重置 ${u.username} 的密码？`}
              description="将生成新的一次性密码，该用户下次登录时须修改。"
              okText="重置"
              cancelText="取消"
              onConfirm={() => void reset(u)}
            >
              <Button size="small">重置密码</Button>
            </Popconfirm>
            {u.totpEnabled ? (
              <Popconfirm
                title={`重置 ${u.username} 的动态口令？`}
                description="用于更换或丢失手机：该用户下次登录只需密码，之后可重新启用。"
                okText="重置"
                cancelText="取消"
                onConfirm={() => void clearTotp(u)}
              >
                <Button size="small">重置动态口令</Button>
              </Popconfirm>
            ) : null}
          </Space>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title="用户管理"
        extra={
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
            新建用户
          </Button>
        }
      >
        平台工作人员账号。部门填报员、部门审核员只能处理所属部门的数据。
      </PageHeader>
      <ErrorAlert error={users.error} onRetry={users.reload} />
      <Table<User>
        rowKey="id"
        columns={columns}
        dataSource={users.data}
        loading={users.loading}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
      />
      <CreateUserModal
        open={creating}
        departments={departments.data ?? []}
        onClose={() => setCreating(false)}
        onCreated={(result) => {
          setCreating(false);
          setIssued({ title: `已创建用户 ${result.user.username}`, result });
          users.reload();
        }}
      />
      <Modal
        open={issued !== null}
        title={issued?.title}
        onCancel={() => setIssued(null)}
        footer={
          <Button type="primary" onClick={() => setIssued(null)}>
            我已记下，关闭
          </Button>
        }
        destroyOnHidden
      >
        {issued ? (
          <OneTimeSecret
            label="一次性密码"
            secret={issued.result.password}
            hint={`请通过安全渠道交给 ${issued.result.user.displayName || issued.result.user.username}；首次登录时须修改密码。`}
          />
        ) : null}
      </Modal>
    </>
  );
}
