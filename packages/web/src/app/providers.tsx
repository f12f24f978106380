import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { ReactNode } from 'react';
import { theme } from './theme';

// WCAG 2.3.3: people who ask their system for less motion get no antd animations.
const reducedMotion = typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
const appTheme = reducedMotion ? { ...theme, token: { ...theme.token, motion: false } } : theme;

dayjs.locale('zh-cn');

/** Chinese locale and the accessible theme for every page, portal and console alike. */
export function Providers({ children }: { children: ReactNode }) {
  return (
    // No space inside two-character button labels (antd's default turns 登录 into 登 录 for screen readers too).
    <ConfigProvider locale={zhCN} theme={appTheme} button={{ autoInsertSpace: false }}>
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}
