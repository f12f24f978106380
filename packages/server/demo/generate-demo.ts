// Generates the demo data set: `npx tsx packages/server/demo/generate-demo.ts`.
// Every name, code and ID number is synthetic (valid by algorithm, not a real entity or person).
// The output is deterministic, so re-running it reproduces the committed files byte for byte.
import { writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { orgCodeCheckChar, residentIdCheckChar, usccCheckChar } from '../../domain/src/identifiers/index';

const OUT = new URL('./', import.meta.url);
const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

let seed = 20240601;
function random(): number {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;

function uscc(prefix: string, area: string, org8: string): string {
  const first17 = `${prefix}${area}${org8}${orgCodeCheckChar(org8) ?? '0'}`;
  return first17 + (usccCheckChar(first17) ?? '0');
}

function newOrg8(): string {
  let body = 'MA';
  for (let i = 0; i < 6; i++) body += pick([...CHARS]);
  return body;
}

function residentId(area: string, birth: string, order: number): string {
  const first17 = `${area}${birth}${String(order).padStart(3, '0')}`;
  return first17 + (residentIdCheckChar(first17) ?? '0');
}

/** The same number with a wrong GB 11643 check character. */
function wrongCheckChar(id: string): string {
  return id.slice(0, 17) + (id.endsWith('1') ? '2' : '1');
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function randomDate(from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return new Date(a + Math.floor(random() * ((b - a) / 86_400_000)) * 86_400_000).toISOString().slice(0, 10);
}

const csvCell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (rows: readonly (readonly string[])[]): string => rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

// ── departments (机关: 登记管理部门 1, 机构类别 1; 410400 平顶山市) ──────────────────────────
const SAMR = { uscc: uscc('11', '410400', '00584712'), name: '平顶山市市场监督管理局' };
const HOUSING = { uscc: uscc('11', '410400', '00584690'), name: '平顶山市住房和城乡建设局' };
const ECOLOGY = { uscc: uscc('11', '410400', '00584735'), name: '平顶山市生态环境局' };

// ── subjects ─────────────────────────────────────────────────────────────────────────────────
interface Company {
  name: string;
  uscc: string;
  kind: '法人及非法人组织' | '个体工商户';
  rep: string;
}

const COMPANY_SEEDS: [string, string, Company['kind']][] = [
  ['平顶山市鹰城建材有限公司', '410402', '法人及非法人组织'],
  ['平顶山市新华区恒达商贸有限公司', '410402', '法人及非法人组织'],
  ['平顶山市卫东区鑫源餐饮管理有限公司', '410403', '法人及非法人组织'],
  ['平顶山市湛河区白龟湖物业服务有限公司', '410411', '法人及非法人组织'],
  ['平顶山市石龙区顺通煤炭运销有限公司', '410404', '法人及非法人组织'],
  ['宝丰县汝瓷文化发展有限公司', '410421', '法人及非法人组织'],
  ['宝丰县鑫盛酒业有限公司', '410421', '法人及非法人组织'],
  ['叶县昆阳食品有限公司', '410422', '法人及非法人组织'],
  ['叶县盐都化工贸易有限公司', '410422', '法人及非法人组织'],
  ['鲁山县尧山旅游服务有限公司', '410423', '法人及非法人组织'],
  ['鲁山县绿源农业科技有限公司', '410423', '法人及非法人组织'],
  ['郏县三苏餐饮有限公司', '410425', '法人及非法人组织'],
  ['郏县广阔农产品购销有限公司', '410425', '法人及非法人组织'],
  ['舞钢市钢城机械制造有限公司', '410481', '法人及非法人组织'],
  ['舞钢市龙泉商贸有限公司', '410481', '法人及非法人组织'],
  ['汝州市汝河建筑工程有限公司', '410482', '法人及非法人组织'],
  ['汝州市风穴文化传播有限公司', '410482', '法人及非法人组织'],
  ['平顶山市鹰城安康大药房有限公司', '410402', '法人及非法人组织'],
  ['平顶山市华诚房地产开发有限公司', '410400', '法人及非法人组织'],
  ['平顶山市惠民生活超市有限公司', '410403', '法人及非法人组织'],
  ['平顶山市宏图印务有限公司', '410411', '法人及非法人组织'],
  ['平顶山市鹰城出租汽车有限公司', '410400', '法人及非法人组织'],
  ['平顶山市中原路桥工程有限公司', '410400', '法人及非法人组织'],
  ['叶县宏发建材有限公司', '410422', '法人及非法人组织'],
  ['平顶山市卫东区老街坊面馆', '410403', '个体工商户'],
  ['平顶山市新华区顺发汽车修理厂', '410402', '个体工商户'],
  ['平顶山市湛河区家乐便利店', '410411', '个体工商户'],
  ['鲁山县尧神豆腐皮加工坊', '410423', '个体工商户'],
];
const REPS = ['王建国', '李红军', '张国庆', '刘海峰', '陈志刚', '杨丽娟', '赵卫东', '孙建华', '周晓明', '吴桂英', '郑永强', '马玉兰'];

const companies: Company[] = COMPANY_SEEDS.map(([name, area, kind]) => ({
  name,
  kind,
  uscc: uscc(kind === '个体工商户' ? '92' : '91', area, newOrg8()),
  rep: pick(REPS),
}));

const persons = [
  { name: '李建军', id: residentId('410402', '19780512', 153) },
  { name: '王秀兰', id: residentId('410403', '19850923', 284) },
  { name: '赵国强', id: residentId('410422', '19900117', 371) },
  { name: '刘玉梅', id: residentId('410482', '19720304', 462) },
];

// ── 行政处罚 (UTF-8, 市场监管局) ──────────────────────────────────────────────────────────────
const PENALTY_HEADERS = [
  '行政相对人名称', '行政相对人类别', '行政相对人代码_1（统一社会信用代码）', '法定代表人', '法定代表人证件类型',
  '法定代表人证件号码', '证件类型', '证件号码', '行政处罚决定书文号', '违法行为类型', '违法事实', '处罚依据', '处罚类别',
  '处罚内容', '罚款金额（万元）', '没收违法所得、没收非法财物的金额（万元）', '暂扣或吊销证照名称及编号', '处罚决定日期',
  '处罚有效期', '处罚机关', '处罚机关统一社会信用代码', '数据来源单位', '数据来源单位统一社会信用代码', '备注',
] as const;
type PenaltyRow = Record<(typeof PENALTY_HEADERS)[number], string>;

const VIOLATIONS = [
  { type: '销售不符合食品安全标准的食品', fact: '经抽检，当事人销售的散装熟食菌落总数不符合食品安全标准', basis: '《中华人民共和国食品安全法》第一百二十四条' },
  { type: '未按规定公示年度报告', fact: '当事人未按规定期限公示上一年度年度报告，经责令限期改正逾期未改正', basis: '《企业信息公示暂行条例》第十八条' },
  { type: '虚假宣传', fact: '当事人在其经营场所及网络店铺中对商品功效作虚假宣传，欺骗、误导消费者', basis: '《中华人民共和国反不正当竞争法》第二十条' },
  { type: '销售不合格产品', fact: '经监督抽查，当事人销售的电线电缆导体电阻项目不合格', basis: '《中华人民共和国产品质量法》第四十九条' },
  { type: '使用未经检定的计量器具', fact: '当事人在经营活动中使用未经检定的电子计价秤', basis: '《中华人民共和国计量法实施细则》第四十三条' },
  { type: '不明码标价', fact: '当事人销售商品未按规定明码标价', basis: '《中华人民共和国价格法》第四十二条' },
  { type: '未落实进货查验记录制度', fact: '当事人采购食品未查验供货者许可证和产品合格证明，未建立进货查验记录', basis: '《中华人民共和国食品安全法》第一百二十六条' },
];

const money = (yuan: number): string => String(Number((yuan / 10_000).toFixed(6)));

function penalty(i: number, subject: { name: string; kind: string; uscc?: string; rep?: string; id?: string }, date: string): PenaltyRow {
  const v = VIOLATIONS[i % VIOLATIONS.length] as (typeof VIOLATIONS)[number];
  const fine = pick([2000, 5000, 8000, 10_000, 20_000, 30_000, 50_000]);
  const confiscate = i % 5 === 0 ? pick([680, 1250, 3600]) : 0;
  const natural = subject.kind === '自然人';
  return {
    行政相对人名称: subject.name,
    行政相对人类别: subject.kind,
    '行政相对人代码_1（统一社会信用代码）': subject.uscc ?? '',
    法定代表人: subject.kind === '法人及非法人组织' ? (subject.rep ?? '') : '',
    法定代表人证件类型: '',
    法定代表人证件号码: '',
    证件类型: natural ? '身份证' : '',
    证件号码: natural ? (subject.id ?? '') : '',
    行政处罚决定书文号: `平市监罚〔${date.slice(0, 4)}〕${String(100 + i).padStart(3, '0')}号`,
    违法行为类型: v.type,
    违法事实: v.fact,
    处罚依据: v.basis,
    处罚类别: confiscate ? '罚款；没收违法所得' : '罚款',
    处罚内容: confiscate ? `罚款${fine}元，没收违法所得${confiscate}元` : `罚款${fine}元`,
    '罚款金额（万元）': money(fine),
    '没收违法所得、没收非法财物的金额（万元）': confiscate ? money(confiscate) : '',
    暂扣或吊销证照名称及编号: '',
    处罚决定日期: date,
    处罚有效期: addDays(date, 365),
    处罚机关: SAMR.name,
    处罚机关统一社会信用代码: SAMR.uscc,
    数据来源单位: SAMR.name,
    数据来源单位统一社会信用代码: SAMR.uscc,
    备注: '',
  };
}

const penalties: PenaltyRow[] = [];
for (let i = 0; i < 31; i++) {
  const c = companies[i % companies.length] as Company;
  penalties.push(penalty(i, c, randomDate('2025-01-06', '2026-10-30')));
}
for (const [k, p] of persons.slice(0, 3).entries()) {
  penalties.push(penalty(31 + k, { name: p.name, kind: '自然人', id: p.id }, randomDate('2025-03-01', '2026-09-30')));
}
// Legal representatives' ID numbers on two rows: stored encrypted, shown masked.
for (const [k, row] of penalties.slice(0, 2).entries()) {
  row.法定代表人证件类型 = '身份证';
  row.法定代表人证件号码 = residentId('410402', k === 0 ? '19700815' : '19681102', 517 + k);
}
// Bad rows: each ends up quarantined with its reasons.
const bad = (i: number, change: Partial<PenaltyRow>): PenaltyRow => ({ ...penalty(34 + i, companies[i] as Company, '2026-06-15'), ...change });
const c0 = companies[0] as Company;
penalties.push(
  bad(0, { '行政相对人代码_1（统一社会信用代码）': c0.uscc.slice(0, 17) + (c0.uscc.endsWith('0') ? '1' : '0'), 行政相对人名称: '平顶山市新华区代码有误商贸有限公司' }),
  bad(1, { 违法事实: '' }),
  bad(2, { 处罚决定日期: '2099-06-01', 处罚有效期: '2100-06-01' }),
  bad(3, { '罚款金额（万元）': '' }),
  bad(4, { 行政相对人名称: '钱某某', 行政相对人类别: '自然人', '行政相对人代码_1（统一社会信用代码）': '', 法定代表人: '', 证件类型: '身份证',
    证件号码: wrongCheckChar(residentId('410411', '19881230', 198)) }),
  bad(5, { 处罚决定日期: '2025-02-30', 处罚有效期: '2026-02-28' }),
);

writeFileSync(new URL('administrative-penalty.csv', OUT), csv([PENALTY_HEADERS, ...penalties.map((r) => PENALTY_HEADERS.map((h) => r[h]))]));

// ── 行政许可 (GBK, 住建局) ─────────────────────────────────────────────────────────────────────
const LICENSE_HEADERS = [
  '行政相对人名称', '行政相对人类别', '行政相对人代码_1（统一社会信用代码）', '法定代表人', '证件类型', '证件号码',
  '行政许可决定文书名称', '行政许可决定文书号', '许可类别', '许可证书名称', '许可编号', '许可内容', '许可决定日期',
  '有效期自', '有效期至', '许可机关', '许可机关统一社会信用代码', '当前状态', '数据来源单位', '数据来源单位统一社会信用代码', '备注',
] as const;
type LicenseRow = Record<(typeof LICENSE_HEADERS)[number], string>;

const PERMITS = [
  { doc: '建筑工程施工许可决定书', cert: '建筑工程施工许可证', kind: '普通', content: '准予核发建筑工程施工许可证', years: 0, prefix: '平建施许',
    holders: ['汝州市汝河建筑工程有限公司', '平顶山市中原路桥工程有限公司', '平顶山市华诚房地产开发有限公司'] },
  { doc: '商品房预售许可决定书', cert: '商品房预售许可证', kind: '普通', content: '准予商品房预售许可', years: 0, prefix: '平建预许',
    holders: ['平顶山市华诚房地产开发有限公司'] },
  { doc: '建筑业企业资质许可决定书', cert: '建筑业企业资质证书', kind: '认可', content: '准予建筑工程施工总承包三级资质', years: 5, prefix: '平建资许',
    holders: ['汝州市汝河建筑工程有限公司', '平顶山市中原路桥工程有限公司', '叶县宏发建材有限公司'] },
  { doc: '燃气经营许可决定书', cert: '燃气经营许可证', kind: '特许', content: '准予瓶装液化石油气经营许可', years: 3, prefix: '平建燃许',
    holders: ['舞钢市龙泉商贸有限公司', '平顶山市新华区恒达商贸有限公司', '叶县盐都化工贸易有限公司'] },
  { doc: '城市建筑垃圾处置核准决定书', cert: '城市建筑垃圾处置核准证', kind: '核准', content: '准予城市建筑垃圾处置（排放）核准', years: 1, prefix: '平建垃许',
    holders: ['平顶山市鹰城建材有限公司', '叶县宏发建材有限公司', '平顶山市石龙区顺通煤炭运销有限公司'] },
];

function license(i: number, subject: { name: string; kind: string; uscc?: string; rep?: string; id?: string }, date: string): LicenseRow {
  const p = PERMITS[i % PERMITS.length] as (typeof PERMITS)[number];
  const natural = subject.kind === '自然人';
  const permit = natural ? { ...p, doc: '建筑施工特种作业人员操作资格核准决定书', cert: '建筑施工特种作业操作资格证书', kind: '认可', content: '准予建筑电工操作资格', years: 2, prefix: '平建特许' } : p;
  const no = String(i + 1).padStart(3, '0');
  return {
    行政相对人名称: subject.name,
    行政相对人类别: subject.kind,
    '行政相对人代码_1（统一社会信用代码）': subject.uscc ?? '',
    法定代表人: subject.kind === '法人及非法人组织' ? (subject.rep ?? '') : '',
    证件类型: natural ? '身份证' : '',
    证件号码: natural ? (subject.id ?? '') : '',
    行政许可决定文书名称: permit.doc,
    行政许可决定文书号: `${permit.prefix}〔${date.slice(0, 4)}〕${no}号`,
    许可类别: permit.kind,
    许可证书名称: permit.cert,
    许可编号: `410400${date.replace(/-/g, '')}${no}`,
    许可内容: permit.content,
    许可决定日期: date,
    有效期自: date,
    有效期至: permit.years ? addDays(date, permit.years * 365) : '2099-12-31',
    许可机关: HOUSING.name,
    许可机关统一社会信用代码: HOUSING.uscc,
    当前状态: '有效',
    数据来源单位: HOUSING.name,
    数据来源单位统一社会信用代码: HOUSING.uscc,
    备注: '',
  };
}

const byName = new Map(companies.map((c) => [c.name, c]));
const holderOf = (i: number): Company => {
  const p = PERMITS[i % PERMITS.length] as (typeof PERMITS)[number];
  const holder = byName.get(p.holders[Math.floor(i / PERMITS.length) % p.holders.length] ?? '');
  if (!holder) throw new Error(`no company for permit ${p.doc}`);
  return holder;
};
const licenses: LicenseRow[] = [];
for (let i = 0; i < 25; i++) licenses.push(license(i, holderOf(i), randomDate('2025-01-06', '2026-10-30')));
for (const [k, p] of persons.slice(1).entries()) {
  licenses.push(license(25 + k, { name: p.name, kind: '自然人', id: p.id }, randomDate('2025-03-01', '2026-09-30')));
}
// Bad rows: no 许可内容, 有效期至 before 有效期自, a 17-character USCC.
licenses.push(
  { ...license(28, holderOf(28), '2026-05-11'), 许可内容: '' },
  { ...license(29, holderOf(29), '2026-07-20'), 有效期自: '2026-07-20', 有效期至: '2025-07-19' },
  { ...license(30, holderOf(30), '2026-08-03'), '行政相对人代码_1（统一社会信用代码）': holderOf(30).uscc.slice(0, 17) },
);

const licenseCsv = csv([LICENSE_HEADERS, ...licenses.map((r) => LICENSE_HEADERS.map((h) => r[h]))]);
if (iconv.decode(iconv.encode(licenseCsv, 'gbk'), 'gbk') !== licenseCsv) throw new Error('a character has no GBK code');
writeFileSync(new URL('administrative-license.gbk.csv', OUT), iconv.encode(licenseCsv, 'gbk'));

// ── 严重失信主体名单 (UTF-8, 市场监管局): one listing in force, one removed (信用修复) ─────────────
// Fixed rows, no random draws: the files above stay byte for byte what they were.
const LIST_HEADERS = [
  '失信主体名称', '失信主体类别', '失信主体代码（统一社会信用代码）', '法定代表人（主要负责人）', '证件类型', '证件号码', '名单名称',
  '列入事由', '认定依据', '认定决定文书号', '列入日期', '有效期至', '移出日期', '认定部门', '认定部门统一社会信用代码',
  '数据来源单位', '数据来源单位统一社会信用代码', '备注',
] as const;
type ListRow = Record<(typeof LIST_HEADERS)[number], string>;

function listing(c: Company, no: number, listed: string, removed: string, note: string): ListRow {
  return {
    失信主体名称: c.name,
    失信主体类别: c.kind,
    '失信主体代码（统一社会信用代码）': c.uscc,
    '法定代表人（主要负责人）': c.rep,
    证件类型: '',
    证件号码: '',
    名单名称: '严重违法失信名单',
    列入事由: '被列入经营异常名录届满三年仍未履行相关义务',
    认定依据: '《企业信息公示暂行条例》《市场监督管理严重违法失信名单管理办法》',
    认定决定文书号: `平市监信〔${listed.slice(0, 4)}〕${no}号`,
    列入日期: listed,
    有效期至: addDays(listed, 3 * 365), // three years listed
    移出日期: removed,
    认定部门: SAMR.name,
    认定部门统一社会信用代码: SAMR.uscc,
    数据来源单位: SAMR.name,
    数据来源单位统一社会信用代码: SAMR.uscc,
    备注: note,
  };
}

const listings: ListRow[] = [
  listing(companies[0] as Company, 1, '2026-08-18', '', ''),
  listing(companies[1] as Company, 3, '2025-04-15', '2026-04-15', '已履行相关义务，经信用修复移出名单'),
];
writeFileSync(new URL('serious-dishonesty-list.csv', OUT), csv([LIST_HEADERS, ...listings.map((r) => LIST_HEADERS.map((h) => r[h]))]));

// ── manifest ─────────────────────────────────────────────────────────────────────────────────
const manifest = {
  note: '演示数据：全部为虚构，代码与证件号码仅按校验算法生成，不对应真实单位或个人。',
  departments: [SAMR, HOUSING, ECOLOGY],
  files: [
    { file: 'administrative-penalty.csv', catalog: 'administrative_penalty', source: SAMR.uscc },
    { file: 'administrative-license.gbk.csv', catalog: 'administrative_license', source: HOUSING.uscc },
    { file: 'serious-dishonesty-list.csv', catalog: 'serious_dishonesty_list', source: SAMR.uscc },
  ],
};
writeFileSync(new URL('demo.json', OUT), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`penalties: ${penalties.length} rows, licenses: ${licenses.length} rows, list: ${listings.length} rows`);
