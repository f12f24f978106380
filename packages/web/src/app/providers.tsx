import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import { theme } from './theme';

dayjs.locale('zh-cn');

/** Chinese locale and the accessible theme for every page, portal and console alike. */
export function Providers({ children }: { children: ReactNode }) {
  return (
    // No space inside two-character button labels (antd's default turns 登录 into 登 录 for screen readers too).
    <ConfigProvider locale={zhCN} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
