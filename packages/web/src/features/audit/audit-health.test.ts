import { describe, expect, it } from 'vitest';
import { auditHealthNotice } from './audit-health';

const PENDING = '有 2 条审计记录因数据库暂不可写而暂存在磁盘上，数据库恢复写入后将按原顺序自动补记。';

describe('the console notice of a degraded audit trail (GET /api/v1/health → audit)', () => {
  it('says nothing while every entry is written', () => {
    expect(auditHealthNotice({ status: 'ok', pending: 0, lost: 0, refusing: false }, 'platform_admin')).toBeNull();
  });

  it("warns of entries waiting to be written late, with the server's counts and what to check", () => {
    const notice = auditHealthNotice({ status: 'degraded', pending: 2, lost: 0, refusing: false, message: PENDING }, 'platform_admin');
    expect(notice?.tone).toBe('warning');
    expect(notice?.title).toBe('审计日志暂未写入：2 条记录暂存在服务器磁盘上，待补记');
    expect(notice?.paragraphs[0]).toBe(PENDING);
    expect(notice?.paragraphs[1]).toMatch(/^请检查数据库：磁盘空间、应用账号对 audit_log 的写入（INSERT）权限/);
  });

  it('tells the auditor how late entries will look (补记) rather than what to repair', () => {
    const notice = auditHealthNotice({ status: 'degraded', pending: 2, lost: 0, refusing: false, message: PENDING }, 'auditor');
    expect(notice?.paragraphs[1]).toMatch(/标为“补记”，并注明暂存时间和写入审计链的时间/);
    expect(notice?.paragraphs.join('')).not.toContain('INSERT');
  });

  it('raises lost entries as an error, to be recorded by hand from the error log', () => {
    const notice = auditHealthNotice({ status: 'degraded', pending: 1, lost: 3, refusing: true }, 'platform_admin');
    expect(notice?.tone).toBe('error');
    expect(notice?.title).toBe('审计日志异常：3 条记录未能保存，1 条待补记');
    expect(notice?.paragraphs.at(-1)).toMatch(/audit entries lost.*变更工单中登记/);
  });

  it('warns while the database refuses audit writes even before any change was spooled: reads of non-public data are refused meanwhile', () => {
    const admin = auditHealthNotice({ status: 'degraded', pending: 0, lost: 0, refusing: true }, 'platform_admin');
    expect(admin?.tone).toBe('warning');
    expect(admin?.title).toBe('审计日志暂时无法写入：数据库拒绝写入审计记录');
    expect(admin?.paragraphs.at(-1)).toMatch(/^请检查数据库：.*查看非公开数据的页面会提示“审计日志暂时无法写入”/);
    const officer = auditHealthNotice({ status: 'degraded', pending: 0, lost: 0, refusing: true }, 'auditor');
    expect(officer?.paragraphs.at(-1)).toMatch(/^查看非公开数据的页面暂时无法使用/);
  });
});
