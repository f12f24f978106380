// Identifier defects of issue #2 "Done when": bad check digits, forbidden letters, bad ID numbers,
// pilot-era codes and full-width input, one row each in one CSV file, on every engine.
import { COMPANY, LEGAL_REP_ID, penaltyRow, personRow, residentId } from './import-helpers';
import { defectSuite } from './defect-suite';
import type { DefectCase } from './defect-suite';

const USCC = 'CF_XDR_SHXYM';
const doc = (n: number) => `平市监罚〔2024〕${n}号`;

const cases: DefectCase[] = [
  { name: 'a valid legal-person row (control)', row: penaltyRow({ CF_WSH: doc(1) }), stored: true, data: { CF_XDR_SHXYM: COMPANY } },
  {
    name: 'GB 32100 check digit wrong (…0X, expected K)',
    row: penaltyRow({ CF_WSH: doc(2), CF_XDR_SHXYM: '91410402MA9G12340X' }),
    errors: [{ field: USCC, rule: 'uscc.check_digit' }],
    message: /应为 K/,
    stored: false,
  },
  ...(['I', 'O', 'Z', 'S', 'V'] as const).map(
    (letter, i): DefectCase => ({
      name: `GB 32100 forbidden letter ${letter} in the body`,
      row: penaltyRow({ CF_WSH: doc(10 + i), CF_XDR_SHXYM: `91410402MA${letter}G12340K` }),
      errors: [{ field: USCC, rule: 'uscc.charset' }],
      message: new RegExp(letter),
      stored: false,
    }),
  ),
  {
    name: 'GB 32100 forbidden letter in the 处罚机关 code as well',
    row: penaltyRow({ CF_WSH: doc(3), CF_CFJGDM: '11410400MB00000I9H' }),
    errors: [{ field: 'CF_CFJGDM', rule: 'uscc.charset' }],
    stored: false,
  },
  {
    name: 'regulations §1.5 pilot-era code 91350211M0000XUF46: check digit fails, kept with a warning',
    row: penaltyRow({ CF_WSH: doc(4), CF_XDR_SHXYM: '91350211M0000XUF46', CF_XDR_MC: '厦门市试点赋码有限公司' }),
    warnings: [{ field: USCC, rule: 'uscc.pilot_check_digit' }],
    message: /试点/,
    stored: true,
    data: { CF_XDR_SHXYM: '91350211M0000XUF46' },
  },
  {
    name: 'regulations §1.5 pilot-era code 91350100M0001TGQXM, kept with a warning',
    row: penaltyRow({ CF_WSH: doc(5), CF_XDR_SHXYM: '91350100M0001TGQXM', CF_XDR_MC: '福州市试点赋码有限公司' }),
    warnings: [{ field: USCC, rule: 'uscc.pilot_check_digit' }],
    stored: true,
  },
  {
    name: 'GB 32100 worked example 91350100M000100Y4Z is not a pilot code: rejected (expected 3)',
    row: penaltyRow({ CF_WSH: doc(6), CF_XDR_SHXYM: '91350100M000100Y4Z' }),
    errors: [{ field: USCC, rule: 'uscc.check_digit' }],
    message: /应为 3/,
    stored: false,
  },
  {
    name: 'full-width, lower-case code with ideographic spaces is normalised and accepted',
    row: penaltyRow({
      CF_WSH: doc(7),
      CF_XDR_SHXYM: '\u3000９１４１０４０２ｍａ９ｇ１２３４０ｋ\u3000',
      CF_CFJGDM: '１１４１０４００ＭＢ０００００１９Ｈ',
    }),
    stored: true,
    data: { CF_XDR_SHXYM: COMPANY, CF_CFJGDM: '11410400MB0000019H' },
  },
  { name: 'a valid natural-person row (control)', row: personRow({ CF_WSH: doc(20) }), stored: true, data: { CF_XDR_ZJHM: '4104**********1230' } },
  {
    name: 'GB 11643 check digit wrong on 证件号码',
    row: personRow({ CF_WSH: doc(21), CF_XDR_ZJHM: '410402199001011231' }),
    errors: [{ field: 'CF_XDR_ZJHM', rule: 'ric.check_digit' }],
    message: /应为 0/,
    stored: false,
  },
  {
    name: 'GB 11643 birth date 1990-02-30 does not exist (check digit right)',
    row: personRow({ CF_WSH: doc(22), CF_XDR_ZJHM: residentId('41040219900230123') }),
    errors: [{ field: 'CF_XDR_ZJHM', rule: 'ric.birth_date' }],
    message: /19900230/,
    stored: false,
  },
  {
    name: 'GB 11643 birth date after the day of import',
    row: personRow({ CF_WSH: doc(23), CF_XDR_ZJHM: residentId('41040220300101123') }),
    errors: [{ field: 'CF_XDR_ZJHM', rule: 'ric.birth_date' }],
    stored: false,
  },
  {
    name: 'GB 11643 15-digit old number is refused',
    row: personRow({ CF_WSH: doc(24), CF_XDR_ZJHM: '410402900101123' }),
    errors: [{ field: 'CF_XDR_ZJHM', rule: 'ric.format' }],
    stored: false,
  },
  {
    name: 'GB 11643 check digit wrong on 法定代表人证件号码',
    row: penaltyRow({ CF_WSH: doc(25), CF_FR_ZJLX: '身份证', CF_FR_ZJHM: '410482200002290022' }),
    errors: [{ field: 'CF_FR_ZJHM', rule: 'ric.check_digit' }],
    stored: false,
  },
  {
    name: 'full-width ID number with a lower-case x check character is normalised and accepted',
    row: personRow({ CF_WSH: doc(26), CF_XDR_ZJHM: '４４０１１３２０１４１００５００１ｘ', CF_XDR_MC: '李四' }),
    stored: true,
    data: { CF_XDR_ZJHM: '4401**********001X' },
  },
  {
    name: 'a valid 法定代表人证件号码 is stored masked',
    row: penaltyRow({ CF_WSH: doc(27), CF_FR_ZJLX: '01', CF_FR_ZJHM: LEGAL_REP_ID }),
    stored: true,
    data: { CF_FR_ZJHM: '4104**********0021' },
  },
];

defectSuite('import defects: identifiers', cases);
