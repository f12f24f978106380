import { Alert, Button, Checkbox, DatePicker, Form, Modal, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { MouseEvent } from 'react';
import { toApiError } from '../../api/api-client';
import { reportUrl } from '../../api/portal.api';
import type { PortalCatalog, ReportKind } from '../../api/portal.types';
import { SPECIAL_REPORT_CATEGORIES } from '../../api/portal.types';
import { dispositionFileName, sharedFieldName } from './portal-format';

/** 专项信用报告 may be limited to these; names as on the report. */
export const SPECIAL_CATEGORY_NAMES: Record<(typeof SPECIAL_REPORT_CATEGORIES)[number], string> = {
  administrative_penalty: '行政处罚',
  administrative_coercion: '行政强制',
  serious_dishonesty_list: '严重失信主体名单',
};

interface ReportForm {
  kind: ReportKind;
  from?: Dayjs | null;
  to?: Dayjs | null;
  categories: string[];
}

/**
 * 下载信用报告: 标准信用报告 (everything public), or 专项信用报告 with a time range and categories.
 * The download is a plain link to the PDF (each download issues a new, signed report number).
 */
export function ReportDialog({
  code,
  subjectName,
  catalogs = [],
  open,
  onClose,
}: {
  code: string;
  subjectName: string;
  /** The catalogues (GET /catalogs): the range is named by the chosen ones' date (决定日期, 列入日期). */
  catalogs?: readonly PortalCatalog[];
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<ReportForm>();
  const kind = Form.useWatch('kind', form) ?? 'standard';
  const from = Form.useWatch('from', form);
  const to = Form.useWatch('to', form);
  const categories = Form.useWatch('categories', form) ?? [...SPECIAL_REPORT_CATEGORIES];

  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  /**
   * Fetches the PDF first, so that a refusal (429, a bad range) is shown in the server's Chinese
   * words instead of being saved as a file; then hands the PDF to the browser as a download.
   */
  async function download(event: MouseEvent<HTMLElement>, url: string) {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    try {
      const response = await fetch(url, { credentials: 'same-origin' });
      if (!response.ok) {
        setFailure(toApiError(response.status, await response.text(), response.headers.get('retry-after')).message);
        return;
      }
      const blob = await response.blob();
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = dispositionFileName(response.headers.get('content-disposition'), `信用报告-${code}.pdf`);
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
    } catch {
      setFailure('无法连接服务器，请检查网络后重试');
    } finally {
      setBusy(false);
    }
  }

  function close() {
    setFailure(null);
    onClose();
  }

  const special = kind === 'special';
  // A penalty's range is on its 决定日期, a listing's on its 列入日期: the labels say which.
  const chosen = catalogs.filter((c) => categories.includes(c.code));
  const dateName = sharedFieldName(chosen.length > 0 ? chosen : catalogs.filter((c) => SPECIAL_REPORT_CATEGORIES.some((s) => s === c.code)), 'decision_date', '决定日期');
  const problem =
    special && categories.length === 0
      ? '请至少选择一个信息类别'
      : special && from && to && from.isAfter(to)
        ? '起始日期不能晚于截止日期'
        : null;
  const href = reportUrl(code, {
    kind,
    from: from?.format('YYYY-MM-DD'),
    to: to?.format('YYYY-MM-DD'),
    categories,
  });

  return (
    <Modal
      open={open}
      title="下载信用报告"
      onCancel={close}
      destroyOnHidden
      footer={[
        <Button key="close" onClick={close}>
          取消
        </Button>,
        problem ? (
          <Button key="pdf" type="primary" disabled>
            下载 PDF
          </Button>
        ) : (
          <Button key="pdf" type="primary" href={href} loading={busy} onClick={(e) => void download(e, href)}>
            下载 PDF
          </Button>
        ),
      ]}
    >
      <p>为“{subjectName}”生成信用报告。报告带有报告编号和电子签名，扫描报告上的二维码可核验真伪。</p>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: 'standard', categories: [...SPECIAL_REPORT_CATEGORIES] }}
        requiredMark={false}
      >
        <Form.Item name="kind" label="报告类型">
          <Radio.Group
            options={[
              { value: 'standard', label: '标准信用报告（全部公示信息）' },
              { value: 'special', label: '专项信用报告（选择时间范围和类别）' },
            ]}
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          />
        </Form.Item>
        {special ? (
          <>
            <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
              <Form.Item name="from" label={`起始日期（${dateName}）`} style={{ flex: 1, minWidth: 160 }}>
                <DatePicker style={{ width: '100%' }} placeholder="不限" />
              </Form.Item>
              <Form.Item name="to" label={`截止日期（${dateName}）`} style={{ flex: 1, minWidth: 160 }}>
                <DatePicker style={{ width: '100%' }} placeholder="不限" />
              </Form.Item>
            </div>
            <Form.Item name="categories" label="信息类别">
              <Checkbox.Group options={SPECIAL_REPORT_CATEGORIES.map((c) => ({ value: c, label: SPECIAL_CATEGORY_NAMES[c] }))} />
            </Form.Item>
          </>
        ) : null}
      </Form>
      {problem || failure ? <Alert type="error" role="alert" showIcon title={problem ?? failure} /> : null}
    </Modal>
  );
}
