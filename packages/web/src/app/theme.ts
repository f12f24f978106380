import type { ThemeConfig } from 'antd';

/**
 * antd's defaults, darkened where they miss WCAG AA contrast (4.5:1) on white: the primary blue
 * #1677ff (4.1:1, white on it too) becomes #0958d9 (6.2:1); secondary text rgba(0,0,0,.45)
 * (3.4:1) becomes .65 (5.7:1), placeholders .56 (4.9:1); error red #ff4d4f (3.3:1) becomes #cf1322 (5.9:1).
 */
export const theme: ThemeConfig = {
  token: {
    colorPrimary: '#0958d9',
    // antd lightens on hover (#2e7ae6: 4.2:1); darken instead so hovered buttons and links stay AA.
    colorPrimaryHover: '#003eb3',
    colorPrimaryActive: '#002c8c',
    colorLink: '#0958d9',
    colorLinkHover: '#003eb3',
    colorLinkActive: '#002c8c',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    colorError: '#cf1322',
    colorSuccess: '#237804',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', sans-serif",
  },
};
