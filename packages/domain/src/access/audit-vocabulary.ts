/**
 * The audit trail's words (issue #3 §4), one list for the console, the CLI and the export: who
 * acted, how it ended, and what each action code means to the 审计员 reading it.
 */

/** Who acted: a signed-in staff member, an API key, nobody known, or an operator at the command line. */
export const AUDIT_ACTOR_KINDS = ['user', 'key', 'anonymous', 'cli'] as const;
export type AuditActorKind = (typeof AUDIT_ACTOR_KINDS)[number];

/** success: done; denied: refused by authentication, authorisation or a limit; error: failed. */
export const AUDIT_OUTCOMES = ['success', 'denied', 'error'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

export const AUDIT_ACTOR_KIND_NAMES: Readonly<Record<AuditActorKind, string>> = {
  user: '工作人员',
  key: 'API 密钥',
  anonymous: '匿名',
  cli: '命令行',
};

export const AUDIT_OUTCOME_NAMES: Readonly<Record<AuditOutcome, string>> = {
  success: '成功',
  denied: '拒绝',
  error: '失败',
};

/**
 * Every action code the server and the CLI record, with its Chinese name. A code is stable (it is
 * hashed into the chain and searched by prefix); the name is what people read. A test fails when a
 * route or command records a code missing here.
 */
export const AUDIT_ACTION_NAMES: Readonly<Record<string, string>> = {
  'apikey.create': '开通 API 密钥',
  'apikey.list': '查看 API 密钥',
  'apikey.revoke': '吊销 API 密钥',
  'archive.lookup': '按证件号码查找自然人',
  'archive.read': '信用档案核查',
  'audit.export': '导出审计日志',
  'audit.search': '查询审计日志',
  'audit.spool.rejected': '补记失败（原记录另存待查）',
  'audit.verify': '校验审计哈希链',
  'auth.login': '登录',
  'auth.logout': '退出登录',
  'auth.password.change': '修改本人密码',
  'auth.totp.confirm': '启用动态口令',
  'auth.totp.setup': '设置动态口令',
  'batch.import': '导入数据（命令行）',
  'batch.issues.read': '查看批次问题明细',
  'batch.list': '查看报送批次',
  'batch.read': '查看批次结果',
  'batch.rejected.download': '下载退回数据',
  'batch.upload': '上报数据',
  'calendar.load': '载入节假日安排',
  'demo.load': '载入演示数据',
  'department.create': '登记信源部门',
  'department.list': '查看信源部门',
  'keys.add': '添加个人信息密钥',
  'keys.reencrypt': '重新加密个人信息',
  'keys.retire': '停用个人信息密钥',
  'keys.rotate': '轮换个人信息密钥',
  'metrics.read': '采集运行指标',
  'publicity.recompute': '重算公示期限',
  'publicity.tier_rule.remove': '删除公示等级规则',
  'publicity.tier_rule.set': '设置公示等级规则',
  'record.publicity.end': '终止公示',
  'record.versions.read': '查看记录的各版本',
  'user.create': '新建账号',
  'user.list': '查看账号',
  'user.password.reset': '重置密码',
  'user.update': '修改账号',
};

/**
 * The Chinese name of an action code, or null for a code not in the list (a route recorded by
 * method and path, or an entry written by another version).
 * @example auditActionName('user.create') // '新建账号'
 */
export function auditActionName(action: string): string | null {
  return Object.hasOwn(AUDIT_ACTION_NAMES, action) ? AUDIT_ACTION_NAMES[action]! : null;
}

/** How an action reads in one line of text: 新建账号（user.create）, or the bare code when unnamed. */
export function auditActionLabel(action: string): string {
  const name = auditActionName(action);
  return name ? `${name}（${action}）` : action;
}
