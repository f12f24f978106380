import { Button, Result } from 'antd';
import { useTitle } from '../../lib/use-api';
import { CONSOLE_PATHS } from '../../lib/paths';

/**
 * `/` belongs to the public portal 信用中国（河南平顶山） (issue #4); until it is built this page
 * says so and leads staff to the console.
 */
export function PortalHomePage() {
  useTitle('首页');
  return (
    <main style={{ minHeight: '100vh', display: 'grid', placeItems: 'center' }}>
      <Result
        status="info"
        title={<h1 style={{ fontSize: 24, margin: 0 }}>信用平顶山 · 公共信用信息平台</h1>}
        subTitle="公众门户正在建设中。接口文档见 /docs。"
        extra={[
          <Button key="console" type="primary" href={CONSOLE_PATHS.home}>
            工作人员入口
          </Button>,
          <Button key="docs" href="/docs">
            接口文档
          </Button>,
        ]}
      />
    </main>
  );
}
