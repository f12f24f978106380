import {
  ApartmentOutlined,
  AuditOutlined,
  CloudUploadOutlined,
  FileSearchOutlined,
  KeyOutlined,
  TeamOutlined,
  UnorderedListOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { sectionPath } from '../lib/paths';
import { sectionsFor } from '../lib/roles';
import type { Section } from '../lib/roles';
import type { Role } from '../api/types';

export const SECTION_LABELS: Record<Section, string> = {
  users: '用户管理',
  departments: '部门管理',
  apikeys: 'API 密钥',
  upload: '数据报送',
  batches: '报送批次',
  archive: '信用档案核查',
  audit: '审计日志',
};

const SECTION_ICONS: Record<Section, ReactNode> = {
  users: <TeamOutlined aria-hidden />,
  departments: <ApartmentOutlined aria-hidden />,
  apikeys: <KeyOutlined aria-hidden />,
  upload: <CloudUploadOutlined aria-hidden />,
  batches: <UnorderedListOutlined aria-hidden />,
  archive: <FileSearchOutlined aria-hidden />,
  audit: <AuditOutlined aria-hidden />,
};

/** Menu entries of the role; each is a real link, so it opens in a new tab and reads as a link. */
export function menuItems(role: Role): NonNullable<MenuProps['items']> {
  return sectionsFor(role).map((section) => ({
    key: section,
    icon: SECTION_ICONS[section],
    label: <Link to={sectionPath(section)}>{SECTION_LABELS[section]}</Link>,
  }));
}

