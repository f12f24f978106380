import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Form, Select, Space, Typography, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { errorMessage } from '../../api/api-client';
import { listCatalogs, uploadBatch } from '../../api/batches.api';
import type { CatalogField, ImportResult } from '../../api/types';
import { ErrorAlert } from '../../components/error-alert';
import { PageHeader } from '../../components/page-header';
import { CONSOLE_PATHS, batchPath } from '../../lib/paths';
import { useUser } from '../../lib/session';
import { useApi } from '../../lib/use-api';
import { BatchSummary } from './batch-summary';
import { errorsFirst } from './issues-order';
import { IssuesTable } from './issues-table';

interface Values {
  catalog: string;
  dryRun: boolean;
}

/** 数据报送: upload a CSV/XLSX for the user's own department and read the per-row report. */
export function UploadPage() {
  const user = useUser();
  const catalogs = useApi(listCatalogs, []);
  const [form] = Form.useForm<Values>();
  const catalogCode = Form.useWatch('catalog', form);
  const catalog = catalogs.data?.find((c) => c.code === catalogCode);
  const [file, setFile] = useState<UploadFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);

  const submit = async (values: Values) => {
    const raw = file?.originFileObj;
    if (!user.departmentUscc) return;
    if (!raw) {
      setFileError('请选择要上传的文件');
      return;
    }
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(await uploadBatch({ file: raw, catalog: values.catalog, dryRun: values.dryRun, department: user.departmentUscc }));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title="数据报送">
        按信息目录上传本部门的数据（CSV：UTF-8 或 GBK；XLSX；JSON Lines：.jsonl，每行一个 JSON 对象）。每一行都会校验：有错误的行退回，可下载后修改再传。
      </PageHeader>
      <Card style={{ marginBottom: 16 }}>
        <Typography.Paragraph>
          报送部门：<Typography.Text strong data-testid="own-department">
            {user.departmentUscc ? (user.departmentName ? `${user.departmentName}（${user.departmentUscc}）` : user.departmentUscc) : '（未设置所属部门）'}
          </Typography.Text>
          <Typography.Text type="secondary">（只能报送本部门的数据）</Typography.Text>
        </Typography.Paragraph>
        {!user.departmentUscc ? <Alert type="warning" showIcon title="您的账号没有所属部门，不能报送数据。请联系平台管理员。" /> : null}
        <ErrorAlert error={catalogs.error} onRetry={catalogs.reload} />
        <Form<Values> form={form} layout="vertical" initialValues={{ dryRun: false }} onFinish={(v) => void submit(v)} disabled={busy || !user.departmentUscc}>
          <Form.Item label="信息目录" name="catalog" rules={[{ required: true, message: '请选择信息目录' }]}>
            <Select
              placeholder="请选择信息目录"
              loading={catalogs.loading}
              showSearch
              optionFilterProp="label"
              options={catalogs.data?.map((c) => ({ value: c.code, label: `${c.name}（${c.code}）` }))}
              style={{ maxWidth: 480 }}
            />
          </Form.Item>
          {catalog ? (
            <Typography.Paragraph>
              模板：<a href={catalog.templates.csv} download>{catalog.name} CSV 模板</a>
              {' · '}
              <a href={catalog.templates.xlsx} download>{catalog.name} XLSX 模板</a>
              <Typography.Text type="secondary">（{catalog.edition} 版，中文表头）</Typography.Text>
            </Typography.Paragraph>
          ) : null}
          <Form.Item label="数据文件" required validateStatus={fileError ? 'error' : undefined} help={fileError}>
            <Upload.Dragger
              accept=".csv,.xlsx,.jsonl,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              maxCount={1}
              fileList={file ? [file] : []}
              beforeUpload={() => false}
              onChange={({ fileList }) => {
                setFile(fileList.at(-1) ?? null);
                setFileError(null);
              }}
              onRemove={() => setFile(null)}
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined aria-hidden />
              </p>
              <p className="ant-upload-text">点击选择或拖入文件</p>
              <p className="ant-upload-hint">一次上传一个文件，最大 200 MB</p>
            </Upload.Dragger>
          </Form.Item>
          <Form.Item name="dryRun" valuePropName="checked">
            <Checkbox>仅校验，不入库（试运行）</Checkbox>
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              上传并校验
            </Button>
            <Link to={CONSOLE_PATHS.batches}>查看本部门的报送批次</Link>
          </Space>
        </Form>
      </Card>
      <ErrorAlert error={error} />
      {result ? <UploadResult result={result} fields={catalog?.fields} /> : null}
    </>
  );
}

function UploadResult({ result, fields }: { result: ImportResult; fields: CatalogField[] | undefined }) {
  const more = result.issuesTotal - result.issues.length;
  return (
    <section aria-labelledby="report-title" data-testid="upload-report">
      <Typography.Title level={2} id="report-title" style={{ fontSize: 18 }}>
        {result.dryRun ? '校验报告（试运行，未入库）' : '报送结果'}
      </Typography.Title>
      <Alert
        role="status"
        type={result.rejected > 0 ? 'warning' : 'success'}
        showIcon
        style={{ marginBottom: 16 }}
        title={
          result.dryRun
            ? `共 ${result.total} 行：${result.accepted} 行可入库，${result.rejected} 行有错误。`
            : `共 ${result.total} 行：${result.accepted} 行已入库，${result.rejected} 行已退回。`
        }
        description={
          result.batchId ? (
            <Link to={batchPath(result.batchId)}>查看批次 {result.batchId}</Link>
          ) : undefined
        }
      />
      <BatchSummary counts={result} links={result.links} />
      <IssuesTable
        issues={errorsFirst(result.issues)}
        fields={fields}
        caption={more > 0 ? `以下为前 ${result.issues.length} 条问题，共 ${result.issuesTotal} 条；完整清单见批次详情。` : undefined}
      />
    </section>
  );
}
