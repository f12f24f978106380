// Data behind the GB 32100-2015 checks, kept apart from the algorithm so it can be reviewed and changed.

/**
 * 登记管理部门代码 (pos 1) → allowed 机构类别代码 (pos 2). Regulations §1.3 [S]: published table
 * (osuse.cn, ddrv.cn, ntnyq/uscc-utils). Pairs outside it (e.g. the [U] 54, 55, G1, J1 seen in blog
 * code) are reported as a warning, never rejected.
 */
export const USCC_CATEGORIES: Readonly<Record<string, readonly string[]>> = {
  '1': ['1', '2', '3', '9'], // 机构编制: 机关, 事业单位, 中央编办直管群众团体, 其他
  '2': ['1', '9'], // 外交
  '3': ['1', '2', '3', '4', '5', '9'], // 司法行政
  '4': ['1', '9'], // 文化
  '5': ['1', '2', '3', '9'], // 民政: 社会团体, 民办非企业单位, 基金会, 其他
  '6': ['1', '2', '9'], // 旅游
  '7': ['1', '2', '9'], // 宗教
  '8': ['1', '9'], // 工会
  '9': ['1', '2', '3'], // 工商（市场监管）: 企业, 个体工商户, 农民专业合作社 — no 9
  A: ['1', '9'], // 中央军委改革和编制办公室
  N: ['1', '2', '3', '9'], // 农业
  Y: ['1'], // 其他: "统一用1表示"
};

/** 登记管理机关行政区划码 for national-level registration (GB 32100: "国家用100000"). */
export const USCC_NATIONAL_AREA = '100000';

/**
 * [U] Pilot-era codes that fail the check digit but are legally valid (regulations §1.5:
 * "都是合法的代码，应当另行处理"). A code is treated as such when it fails ONLY the check digit and
 * matches one of these patterns.
 *
 * Why this pattern: all known pilot codes — 91350211M0000XUF46, 91350100M0001TGQXM,
 * 91350203M0001FUE2P, 91350203M0001QAY9B — are Fujian (9135…) enterprises whose 主体标识码 is
 * 'M' + '000' + '0'|'1' + three letters. The GB 32100 worked example 91350100M000100Y4Z shares the
 * prefix, the 'M' and even 'M0001', and must stay INVALID (§1.6), so the rule also requires pos
 * 14–16 to be letters (the worked example has '00Y'). The embedded GB 11714 check (pos 17) must
 * also match, which all four pilots do. Widen this list as more verified pilot codes turn up.
 */
export const USCC_PILOT_PATTERNS: readonly RegExp[] = [/^9135\d{4}M000[01][A-HJ-NP-RTUW-Y]{3}[0-9X][0-9A-HJ-NP-RTUW-Y]$/];
