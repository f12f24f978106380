// Deterministic data of the portal benchmark: subjects and records as a pure function of an index
// and a seed, so nothing but a byte per subject (its record count) is kept in memory. Subject i
// always has the same USCC, name and records; the records of one subject are spread over the
// table (pass k holds every subject's k-th record), as years of imports would leave them.
import { hash } from 'node:crypto';
import { computePublicity, maskIdNumber } from '@pubcredit/domain';
import type { PublicityTier } from '@pubcredit/domain';
import { subjectIdFor } from '@pubcredit/server';
import type { RecordPublicity } from '@pubcredit/server';
import { chineseDate, dayOf, isoOf, makeResidentId, makeUscc } from './penalty-rows';
import { AREAS, GIVEN_CHARS, GOODS, INDUSTRIES, OFFENCES, ROADS, SHOP_KINDS, SURNAMES, TRADE_NAMES } from './penalty-words';
import { LICENCES, PORTAL_DEPARTMENTS, ZIHAO_CHARS } from './portal-words';
import type { PortalDepartment } from './portal-words';

export type SubjectKind = 'legal_person' | 'individual_business' | 'natural_person';

export interface PortalSubject {
  index: number;
  subjectId: string;
  kind: SubjectKind;
  uscc: string | null;
  idMasked: string | null;
  idHash: string | null;
  name: string;
  rep: string;
  area: (typeof AREAS)[number];
  /** How many records the subject may get (the loader stops at the requested total). */
  recordCount: number;
}

/** One `records` row; the column order of {@link RECORD_COPY_COLUMNS}. */
export interface PortalRecord extends RecordPublicity {
  subject: PortalSubject;
  catalog: 'administrative_license' | 'administrative_penalty';
  dept: PortalDepartment;
  docNo: string;
  decisionDate: string;
  data: Record<string, string | string[]>;
  endedAt: string | null;
  endReason: 'expired' | 'repaired' | 'withdrawn' | null;
}

/** mulberry32 seeded from two integers: the same (a, b) always gives the same sequence. */
export class Rng {
  private state: number;
  constructor(a: number, b = 0) {
    this.state = (Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35)) >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.next() * list.length)] as T;
  }
}

/** The importer's own derivation: the loaded rows resolve to the same subjects as imported ones. */
export { subjectIdFor };

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const BODY_SPACE = 31 ** 6;
const FIRST_BIRTH = dayOf('1960-01-01');
const BIRTH_DAYS = dayOf('2000-12-31') - FIRST_BIRTH + 1;

/** A unique 'MA' + 6 characters 主体标识码 per index (a bijection of the index, no set kept). */
function bodyOf(index: number): string {
  let n = (index * 482_711 + 7_919) % BODY_SPACE;
  let body = '';
  for (let i = 0; i < 6; i++) {
    body = `${USCC_CHARS[n % 31] ?? '0'}${body}`;
    n = Math.floor(n / 31);
  }
  return `MA${body}`;
}

function residentIdOf(index: number, area: string): string {
  let n = (index * 7_919 + 104_729) % (BIRTH_DAYS * 999);
  const order = (n % 999) + 1;
  n = Math.floor(n / 999);
  return makeResidentId(area, isoOf(FIRST_BIRTH + n).replaceAll('-', ''), order);
}

function personName(rng: Rng): string {
  const given = rng.next() < 0.7 ? `${rng.pick(GIVEN_CHARS)}${rng.pick(GIVEN_CHARS)}` : rng.pick(GIVEN_CHARS);
  return `${rng.pick(SURNAMES)}${given}`;
}

function companyName(rng: Rng, area: (typeof AREAS)[number]): string {
  const zihao = rng.next() < 0.4 ? rng.pick(TRADE_NAMES) : `${rng.pick(ZIHAO_CHARS)}${rng.pick(ZIHAO_CHARS)}`;
  const industry = rng.pick(INDUSTRIES);
  const p = rng.next();
  const prefix = p < 0.6 ? area.namePrefix : p < 0.85 ? '河南' : '平顶山';
  const s = rng.next();
  if (s < 0.68) return `${prefix}${zihao}${industry}有限公司`;
  if (s < 0.88) return `${prefix}${zihao}${industry}有限责任公司`;
  if (s < 0.93) return `${prefix}${zihao}${industry}股份有限公司`;
  if (s < 0.97) return `${zihao}${industry}（平顶山）有限公司`;
  return `河南${zihao}${industry}有限公司${area.name}分公司`;
}

/** Records a subject may get: mostly 1–5, a tail up to 80 (mean ≈ 3.6). */
function recordCountOf(rng: Rng, kind: SubjectKind): number {
  const r = rng.next();
  if (kind === 'natural_person') return r < 0.8 ? 1 : 2;
  if (r < 0.3) return 1;
  if (r < 0.55) return 2;
  if (r < 0.72) return 3;
  if (r < 0.82) return 4;
  if (r < 0.89) return 5;
  if (r < 0.95) return rng.int(6, 10);
  if (r < 0.99) return rng.int(11, 25);
  return rng.int(26, 80);
}

/** Subject `index` (0-based) of the data set with `seed`: 8% 自然人, 12% 个体工商户, 80% 法人. */
export function subjectAt(index: number, seed: number): PortalSubject {
  const rng = new Rng(seed, index);
  const area = rng.pick(AREAS);
  const r = rng.next();
  if (r < 0.08) {
    const id = residentIdOf(index, area.code);
    const idHash = hash('sha256', `bench-person:${id}`, 'hex');
    const name = personName(rng);
    return {
      index, subjectId: subjectIdFor(`person:${idHash}`), kind: 'natural_person', uscc: null,
      idMasked: maskIdNumber(id), idHash, name, rep: '', area, recordCount: recordCountOf(rng, 'natural_person'),
    };
  }
  if (r < 0.2) {
    const uscc = makeUscc('92', area.code, bodyOf(index));
    const rep = personName(rng);
    const name = rng.next() < 0.6 ? `${area.name}${rep}${rng.pick(SHOP_KINDS)}` : `${area.name}${rng.pick(ZIHAO_CHARS)}${rng.pick(ZIHAO_CHARS)}${rng.pick(SHOP_KINDS)}`;
    return {
      index, subjectId: subjectIdFor(`uscc:${uscc}`), kind: 'individual_business', uscc, idMasked: null, idHash: null,
      name, rep, area, recordCount: recordCountOf(rng, 'individual_business'),
    };
  }
  const uscc = makeUscc('91', area.code, bodyOf(index));
  return {
    index, subjectId: subjectIdFor(`uscc:${uscc}`), kind: 'legal_person', uscc, idMasked: null, idHash: null,
    name: companyName(rng, area), rep: personName(rng), area, recordCount: recordCountOf(rng, 'legal_person'),
  };
}

const FIRST_DECISION = dayOf('2019-01-01');
const TIER_DRAW: readonly PublicityTier[] = ['minor', 'minor', 'general', 'general', 'general', 'general', 'general', 'general', 'general', 'serious'];

/**
 * The `pass`-th record of a subject (0-based); `seq` is its position in the whole data set (it makes
 * 文书号 unique). `today` is the Beijing date the publicity state is computed for: records past their
 * maximum period are marked expired, as the server's job would have done.
 */
export function recordAt(s: PortalSubject, pass: number, seq: number, seed: number, today: string): PortalRecord {
  const rng = new Rng(seed ^ 0x5bd1e995, s.index * 97 + pass);
  const lastDay = dayOf(today) - 1;
  const penalty = s.kind === 'natural_person' ? rng.next() < 0.85 : rng.next() < 0.4;
  const depts = PORTAL_DEPARTMENTS.filter((d) => (penalty ? d.penalty : d.licence));
  const dept = rng.pick(depts);
  const day = rng.int(penalty ? dayOf('2020-01-01') : FIRST_DECISION, lastDay);
  const decisionDate = isoOf(day);
  const year = decisionDate.slice(0, 4);
  const party: Record<string, string> = {};
  const prefix = penalty ? 'CF' : 'XK';
  party[`${prefix}_XDR_MC`] = s.name;
  if (s.kind === 'natural_person') {
    party[`${prefix}_XDR_LB`] = '01';
    party[`${prefix}_XDR_ZJLX`] = '01';
    party[`${prefix}_XDR_ZJHM`] = s.idMasked ?? '';
  } else {
    party[`${prefix}_XDR_LB`] = s.kind === 'legal_person' ? '02' : '04';
    party[`${prefix}_XDR_SHXYM`] = s.uscc ?? '';
    party[`${prefix}_FRDB`] = s.rep;
  }
  const base = {
    subject: s, dept, decisionDate, negative: false, regime: null, tier: null, minUntil: null, maxUntil: null,
    simpleProcedure: false, neverPublic: false, endedAt: null, endReason: null,
  } as const;
  if (!penalty) {
    const lic = rng.pick(LICENCES);
    const docNo = `${dept.abbr}许〔${year}〕${seq}号`;
    return {
      ...base, catalog: 'administrative_license', docNo,
      data: {
        ...party, XK_XKWS: lic.decision, XK_WSH: docNo, XK_XKLB: '普通', XK_XKZS: lic.certificate,
        XK_XKBH: `${lic.numberPrefix}${s.area.code}${String(seq).padStart(8, '0')}`, XK_NR: lic.content,
        XK_JDRQ: decisionDate, XK_YXQZ: decisionDate, XK_YXQZI: isoOf(day + 365 * 5), XK_XKJG: dept.name,
        XK_XKJGDM: dept.uscc, XK_ZT: '1', XK_LYDW: dept.name, XK_LYDWDM: dept.uscc,
      },
    };
  }
  const offence = rng.pick(OFFENCES);
  const docNo = `${dept.abbr}罚〔${year}〕${seq}号`;
  const simple = rng.next() < 0.1;
  const tier: PublicityTier = simple ? 'minor' : rng.pick(TIER_DRAW);
  const fine = rng.pick([500, 1000, 2000, 5000, 10_000, 20_000, 50_000]) * rng.int(1, 4);
  const pub = computePublicity({ decisionDate, tier, catalog: 'administrative_penalty' });
  let endReason: PortalRecord['endReason'] = null;
  let endedAt: string | null = null;
  if (pub.maxUntil < today) {
    endReason = 'expired';
    endedAt = `${isoOf(dayOf(pub.maxUntil) + 1)}T00:05:00+08:00`;
  } else if (pub.minUntil < today && rng.next() < 0.15) {
    endReason = 'repaired';
    endedAt = `${isoOf(rng.int(dayOf(pub.minUntil) + 1, lastDay))}T10:00:00+08:00`;
  } else if (rng.next() < 0.005) {
    endReason = 'withdrawn';
    endedAt = `${isoOf(rng.int(day + 1, lastDay + 1))}T10:00:00+08:00`;
  }
  const value = rng.int(300, 200_000);
  return {
    ...base, catalog: 'administrative_penalty', docNo, negative: true, regime: pub.regime, tier, minUntil: pub.minUntil,
    maxUntil: pub.maxUntil, simpleProcedure: simple, neverPublic: simple && s.kind === 'natural_person', endedAt, endReason,
    data: {
      ...party, CF_WSH: docNo, CF_WFXW: offence.type,
      CF_SY: offence.fact({
        start: chineseDate(day - rng.int(60, 240)), end: chineseDate(day - rng.int(5, 59)),
        place: `${s.area.namePrefix}${rng.pick(ROADS)}${rng.int(1, 399)}号`, goods: rng.pick(offence.goods ?? GOODS),
        qty: rng.int(3, 900), value, gain: Math.floor(value * 0.1),
      }),
      CF_YJ: offence.basis, CF_CFLB: simple ? ['01'] : ['03'], CF_NR: simple ? '警告' : `罚款人民币${fine}元`,
      ...(simple ? {} : { CF_NR_FK: String(fine / 10_000) }),
      CF_JDRQ: decisionDate, CF_YXQ: pub.maxUntil, CF_CFJG: dept.name, CF_CFJGDM: dept.uscc,
      CF_SJLY: dept.name, CF_SJLYDM: dept.uscc, ...(simple ? { CF_CFCX: '01' } : {}),
    },
  };
}
