import { App, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { endPublicity } from '../../api/archive.api';
import type { ArchiveRecord, PublicityEndInput } from '../../api/archive.api';
import { errorMessage } from '../../api/api-client';
import { ErrorAlert } from '../../components/error-alert';

/** 信用修复 ends a 失信信息's publicity (a record with a publicity regime); any act may be withdrawn. */
function reasonsFor(record: ArchiveRecord | null) {
  const repairable = record?.regime != null;
  return [
    { value: 'repaired', label: repairable ? '信用修复' : '信用修复（仅适用于失信信息）', disabled: !repairable },
    { value: 'withdrawn', label: '撤销' },
  ];
}

interface Props {
  record: ArchiveRecord | null;
  onClose: () => void;
  onEnded: () => void;
}

/** 终止公示 (信用中心业务员): the reason (信用修复 or 撤销) and its 依据; the record stays, the public no longer sees it. */
export function EndPublicityModal({ record, onClose, onEnded }: Props) {
  const [form] = Form.useForm<PublicityEndInput>();
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!record) return;
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    setBusy(true);
    setError(null);
    try {
      await endPublicity(record.recordKey, { reason: values.reason, note: values.note.trim() });
      void message.success('已终止公示');
      onEnded();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={record !== null}
      title="终止公示"
      okText="确认终止"
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      destroyOnHidden
    >
      {record ? (
        <p>
          {record.catalogName} {record.docNo}（{record.sourceDeptName || record.sourceDept}）。终止后，公开页面、接口和信用报告不再显示这条记录，工作人员仍可查看；终止的原因和时间保留，不能再改。
        </p>
      ) : null}
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item label="终止原因" name="reason" rules={[{ required: true, message: '请选择终止原因' }]}>
          <Radio.Group options={reasonsFor(record)} aria-label="终止原因" />
        </Form.Item>
        <Form.Item
          label="依据"
          name="note"
          rules={[
            { required: true, whitespace: true, message: '请填写依据，如信用修复决定书文号' },
            { max: 500, message: '依据不超过 500 字' },
          ]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount placeholder="如：平信修〔2026〕12号 信用修复决定书" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
