// Word lists of the portal benchmark beyond bench/penalty-words.ts: more 字号 characters (so a
// million company names are mostly distinct), the departments that publish 双公示 data, and licences.
import { makeUscc } from './penalty-rows';

/** Characters of generated 字号 (two of them), common in Henan company names. */
export const ZIHAO_CHARS = [
  ...'鑫源华泰恒达宏远金鼎瑞丰盛世天成永昌中原鹰城平安汇通东方博祥和福佳美振兴隆顺嘉禾德润锦程昌豫强安宇新立信正大聚亿诚百川凯明思尧龙腾昆阳香沙汝宝春晖',
  ...'盈泽润康泰晟钰铭嘉骏耀辉煌腾飞翔弘毅广厚坤乾元亨利贞星辰宸睿智远航旭日升晨曦朗逸凡卓越溢彩灏瀚海洋森林茂峰岩磊晶莹',
];

/** A department publishing 双公示 data, with the abbreviation of its 文书号. */
export interface PortalDepartment {
  uscc: string;
  name: string;
  abbr: string;
  licence: boolean;
  penalty: boolean;
}

const dept = (n: number, area: string, name: string, abbr: string, licence: boolean, penalty: boolean): PortalDepartment => ({
  uscc: makeUscc('11', area, `415400${String(n).padStart(2, '0')}`),
  name,
  abbr,
  licence,
  penalty,
});

export const PORTAL_DEPARTMENTS: readonly PortalDepartment[] = [
  dept(12, '410400', '平顶山市市场监督管理局', '平市监', true, true),
  dept(13, '410400', '平顶山市生态环境局', '平环', true, true),
  dept(14, '410400', '平顶山市住房和城乡建设局', '平建', true, true),
  dept(15, '410400', '平顶山市卫生健康委员会', '平卫', true, true),
  dept(16, '410400', '平顶山市交通运输局', '平交', true, true),
  dept(17, '410400', '平顶山市应急管理局', '平应急', false, true),
  dept(18, '410400', '平顶山市城市管理局', '平城管', false, true),
  dept(19, '410400', '平顶山市行政审批和政务信息管理局', '平审批', true, false),
  dept(20, '410482', '汝州市市场监督管理局', '汝市监', true, true),
  dept(21, '410421', '宝丰县市场监督管理局', '宝市监', true, true),
  dept(22, '410422', '叶县市场监督管理局', '叶市监', true, true),
  dept(23, '410423', '鲁山县市场监督管理局', '鲁市监', true, true),
];

/** Licences: decision document, certificate, its number prefix and the content. */
export const LICENCES: readonly { decision: string; certificate: string; numberPrefix: string; content: string }[] = [
  { decision: '准予行政许可决定书', certificate: '食品经营许可证', numberPrefix: 'JY1', content: '预包装食品（含冷藏冷冻食品）销售，散装食品销售，热食类食品制售' },
  { decision: '准予行政许可决定书', certificate: '营业执照', numberPrefix: 'YZ', content: '设立登记' },
  { decision: '准予行政许可决定书', certificate: '建筑施工企业安全生产许可证', numberPrefix: '（豫）JZ安许证字', content: '建筑施工' },
  { decision: '准予行政许可决定书', certificate: '排污许可证', numberPrefix: 'PW', content: '排放大气污染物、水污染物' },
  { decision: '准予行政许可决定书', certificate: '道路运输经营许可证', numberPrefix: '豫交运管许可平字', content: '道路普通货物运输' },
  { decision: '准予行政许可决定书', certificate: '医疗机构执业许可证', numberPrefix: 'PDS', content: '内科、外科、预防保健科' },
  { decision: '准予变更行政许可决定书', certificate: '药品经营许可证', numberPrefix: '豫AA', content: '中成药、化学药制剂、抗生素制剂、生物制品（除疫苗）' },
  { decision: '准予行政许可决定书', certificate: '特种设备使用登记证', numberPrefix: '梯', content: '电梯使用登记' },
];
