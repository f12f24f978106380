// Field defects of issue #2 "Done when": missing required fields (always and conditional),
// impossible and future dates, non-numeric amounts, 处罚类别 outside 行政处罚法 Art.9, in-file
// duplicates and full-width dates and numbers, one row each in one CSV file, on every engine.
// The clock is 2025-06-30 10:00 Beijing (DEFAULT_NOW).
import { penaltyRow, personRow } from './import-helpers';
import { defectSuite } from './defect-suite';
import type { DefectCase } from './defect-suite';

const doc = (n: number) => `平市监罚〔2024〕${n}号`;
const required = (field: string) => ({ field, rule: 'required' });

const cases: DefectCase[] = [
  { name: 'a valid row (control; its 文书号 is repeated below)', row: penaltyRow({ CF_WSH: doc(1) }), stored: true },

  // Required fields.
  { name: 'always required: 违法事实 (CF_SY) empty', row: penaltyRow({ CF_WSH: doc(2), CF_SY: '' }), errors: [required('CF_SY')], stored: false },
  {
    name: 'always required: 处罚决定日期 only blanks',
    row: penaltyRow({ CF_WSH: doc(3), CF_JDRQ: '  \u3000 ' }),
    errors: [required('CF_JDRQ')],
    stored: false,
  },
  { name: 'always required: 文书号 empty', row: penaltyRow({ CF_WSH: '' }), errors: [required('CF_WSH')], stored: false },
  {
    name: 'regulations §2.4: 罚款金额 required when 处罚类别 is 罚款',
    row: penaltyRow({ CF_WSH: doc(4), CF_NR_FK: '' }),
    errors: [required('CF_NR_FK')],
    message: /罚款/,
    stored: false,
  },
  {
    name: 'regulations §2.4: 罚款金额 required when 处罚类别 contains 罚款 among others (警告；罚款)',
    row: penaltyRow({ CF_WSH: doc(5), CF_CFLB: '警告；罚款', CF_NR_FK: '' }),
    errors: [required('CF_NR_FK')],
    stored: false,
  },
  {
    name: 'regulations §2.4: 罚款金额 not required for 警告 alone',
    row: penaltyRow({ CF_WSH: doc(6), CF_CFLB: '警告', CF_NR: '警告', CF_NR_FK: '' }),
    stored: true,
    data: { CF_CFLB: ['01'], CF_NR_FK: null },
  },
  {
    name: 'regulations §2.3: 证件号码 required for 自然人',
    row: personRow({ CF_WSH: doc(7), CF_XDR_ZJHM: '' }),
    errors: [required('CF_XDR_ZJHM')],
    message: /自然人/,
    stored: false,
  },
  {
    name: 'regulations §2.3: 统一社会信用代码 required for 法人',
    row: penaltyRow({ CF_WSH: doc(8), CF_XDR_SHXYM: '' }),
    errors: [required('CF_XDR_SHXYM')],
    stored: false,
  },
  {
    name: 'regulations §2.3: 法定代表人 required for 法人',
    row: penaltyRow({ CF_WSH: doc(9), CF_FRDB: '' }),
    errors: [required('CF_FRDB')],
    stored: false,
  },

  // Dates.
  {
    name: 'impossible date 2023-02-30 as 处罚决定日期',
    row: penaltyRow({ CF_WSH: doc(10), CF_JDRQ: '2023-02-30' }),
    errors: [{ field: 'CF_JDRQ', rule: 'date.invalid' }],
    message: /2023-02-30/,
    stored: false,
  },
  {
    name: 'impossible date 2024-13-01 as 处罚有效期',
    row: penaltyRow({ CF_WSH: doc(11), CF_YXQ: '2024-13-01' }),
    errors: [{ field: 'CF_YXQ', rule: 'date.invalid' }],
    stored: false,
  },
  {
    name: 'impossible date 2023/2/29 (not a leap year)',
    row: penaltyRow({ CF_WSH: doc(12), CF_JDRQ: '2023/2/29' }),
    errors: [{ field: 'CF_JDRQ', rule: 'date.invalid' }],
    stored: false,
  },
  {
    name: 'future 处罚决定日期 (the day after the import)',
    row: penaltyRow({ CF_WSH: doc(13), CF_JDRQ: '2025-07-01', CF_YXQ: '2026-07-01' }),
    errors: [{ field: 'CF_JDRQ', rule: 'date.future' }],
    message: /2025-07-01/,
    stored: false,
  },
  {
    name: '处罚决定日期 on the day of the import is not future',
    row: penaltyRow({ CF_WSH: doc(14), CF_JDRQ: '2025-06-30', CF_YXQ: '2026-06-30' }),
    stored: true,
    data: { CF_JDRQ: '2025-06-30' },
  },
  {
    name: 'dates in the forms departments type (2024/3/1, 2024年3月1日) are normalised',
    row: penaltyRow({ CF_WSH: doc(15), CF_JDRQ: '2024/3/1', CF_YXQ: '2025年3月1日' }),
    stored: true,
    data: { CF_JDRQ: '2024-03-01', CF_YXQ: '2025-03-01' },
  },

  {
    name: '处罚有效期 before 处罚决定日期: a warning, the row is kept',
    row: penaltyRow({ CF_WSH: doc(25), CF_JDRQ: '2024-03-01', CF_YXQ: '2024-02-01' }),
    warnings: [{ field: 'CF_YXQ', rule: 'date.order' }],
    stored: true,
    data: { CF_YXQ: '2024-02-01' },
  },

  // Amounts.
  {
    name: 'non-numeric 罚款金额 (两千元)',
    row: penaltyRow({ CF_WSH: doc(16), CF_NR_FK: '两千元' }),
    errors: [{ field: 'CF_NR_FK', rule: 'decimal.invalid' }],
    message: /两千元/,
    stored: false,
  },
  {
    name: 'non-numeric 罚款金额 with a unit (0.2万元)',
    row: penaltyRow({ CF_WSH: doc(17), CF_NR_FK: '0.2万元' }),
    errors: [{ field: 'CF_NR_FK', rule: 'decimal.invalid' }],
    stored: false,
  },
  {
    name: 'negative 罚款金额',
    row: penaltyRow({ CF_WSH: doc(18), CF_NR_FK: '-0.2' }),
    errors: [{ field: 'CF_NR_FK', rule: 'decimal.negative' }],
    stored: false,
  },
  {
    name: '罚款金额 with a thousands separator is a number',
    row: penaltyRow({ CF_WSH: doc(19), CF_NR_FK: '1,000.5' }),
    stored: true,
    data: { CF_NR_FK: '1000.5' },
  },

  // 处罚类别 (行政处罚法 2021 第9条).
  {
    name: '行政处罚法 Art.9: 责令改正 is not a penalty type',
    row: penaltyRow({ CF_WSH: doc(20), CF_CFLB: '罚款;责令改正' }),
    errors: [{ field: 'CF_CFLB', rule: 'enum.unknown' }],
    message: /责令改正/,
    stored: false,
  },
  {
    name: '行政处罚法 Art.9: 通报表扬 is not a penalty type',
    row: penaltyRow({ CF_WSH: doc(21), CF_CFLB: '通报表扬', CF_NR_FK: '' }),
    errors: [{ field: 'CF_CFLB', rule: 'enum.unknown' }],
    stored: false,
  },
  {
    name: '行政处罚法 Art.9: several types by name or code, with 、 ， and ； separators',
    row: penaltyRow({ CF_WSH: doc(22), CF_CFLB: '警告、罚款，通报批评；13' }),
    stored: true,
    data: { CF_CFLB: ['01', '03', '02', '13'] },
  },
  {
    name: '行政相对人类别 outside the value set',
    row: penaltyRow({ CF_WSH: doc(23), CF_XDR_LB: '企业' }),
    errors: [{ field: 'CF_XDR_LB', rule: 'enum.unknown' }],
    stored: false,
  },

  // Full-width input in dates, numbers and enum codes.
  {
    name: 'full-width digits in dates, amount and codes are normalised and accepted',
    row: penaltyRow({
      CF_WSH: doc(24),
      CF_XDR_LB: '０２',
      CF_CFLB: '０３',
      CF_NR_FK: '１，２３４．５',
      CF_JDRQ: '２０２４－０３－０１',
      CF_YXQ: '２０２５／３／１',
    }),
    stored: true,
    data: { CF_XDR_LB: '02', CF_CFLB: ['03'], CF_NR_FK: '1234.5', CF_JDRQ: '2024-03-01', CF_YXQ: '2025-03-01' },
  },

  // In-file duplicates: the natural key is catalogue + source + 文书号.
  {
    name: 'natural key repeated in the file: error on the later row, the first (row 2) is kept',
    row: penaltyRow({ CF_WSH: doc(1), CF_XDR_MC: '平顶山市重复报送有限公司', CF_NR_FK: '0.5' }),
    errors: [{ field: 'CF_WSH', rule: 'record.duplicate_in_file' }],
    message: /第2行/,
    stored: false,
  },
  {
    name: 'natural key repeated with surrounding spaces is still the same key',
    row: penaltyRow({ CF_WSH: ` ${doc(1)}\u3000` }),
    errors: [{ field: 'CF_WSH', rule: 'record.duplicate_in_file' }],
    stored: false,
  },
];

defectSuite('import defects: fields', cases);
