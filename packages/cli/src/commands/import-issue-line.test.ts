import { describe, expect, it } from 'vitest';
import { issueLine } from './import.command';

describe('import: one issue line for people', () => {
  it('does not repeat the field code when the message names the field', () => {
    expect(issueLine({ row: 37, field: 'CF_SY', severity: 'error', message: '违法事实（CF_SY）为必填项' })).toBe('第37行 错误：违法事实（CF_SY）为必填项');
  });

  it('puts the code first when the message does not name it, and says 提示 for a warning', () => {
    expect(issueLine({ row: 5, field: 'CF_XDR_SHXYM', severity: 'warning', message: '试点期代码，校验位不符' })).toBe('第5行 CF_XDR_SHXYM 提示：试点期代码，校验位不符');
  });

  it('has no field for a file-level issue', () => {
    expect(issueLine({ row: 1, field: null, severity: 'warning', message: '文件只有表头，没有数据行' })).toBe('第1行 提示：文件只有表头，没有数据行');
  });
});
