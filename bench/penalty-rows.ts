// Deterministic generator of realistic 行政处罚 rows (catalogue administrative_penalty, national
// field codes) for the import benchmark. Every row is valid: USCCs carry correct GB 32100 and
// GB 11714 check characters, ID numbers correct GB 11643 ones, areas are real 4104xx codes.
// Memory stays constant: identifiers come from counters through a bijection, not from a set of
// the codes already used, and only a bounded pool of recurring subjects is kept.
import { getCatalog, orgCodeCheckChar, residentIdCheckChar, usccCheckChar } from '@pubcredit/domain';
import {
  AREAS,
  CATEGORY_MIXES,
  GIVEN_CHARS,
  GOODS,
  INDUSTRIES,
  OFFENCES,
  ROADS,
  SHOP_KINDS,
  SURNAMES,
  TRADE_NAMES,
} from './penalty-words';

/** The submitting department: 处罚机关 = 数据来源单位 = the batch's source. */
export interface Department {
  uscc: string;
  name: string;
}

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * Builds a valid USCC from its first 8 characters and an 8-character 主体标识码 body, adding the
 * GB 11714 (position 17) and GB 32100 (position 18) check characters.
 * @example makeUscc('91', '410402', 'MA000001')
 */
export function makeUscc(prefix2: string, area: string, body8: string): string {
  const first16 = `${prefix2}${area}${body8}`;
  const first17 = `${first16}${orgCodeCheckChar(body8) ?? '0'}`;
  const check = usccCheckChar(first17);
  if (check === null) throw new Error(`cannot build a USCC from ${first17}`);
  return `${first17}${check}`;
}

/** A 居民身份证号码 with a correct GB 11643 check character. */
export function makeResidentId(area: string, yyyymmdd: string, order: number): string {
  const first17 = `${area}${yyyymmdd}${String(order).padStart(3, '0')}`;
  return `${first17}${residentIdCheckChar(first17) ?? '0'}`;
}

/** 平顶山市市场监督管理局, a 机关 (category 11) registered at 410400. */
export const BENCH_DEPARTMENT: Department = { uscc: makeUscc('11', '410400', '41540012'), name: '平顶山市市场监督管理局' };

/** Field codes in catalogue order: the CSV header. */
export const PENALTY_HEADERS: readonly string[] = getCatalog('administrative_penalty').fields.map((f) => f.code);

const DAY_MS = 86_400_000;
/** Day numbers (days since 1970-01-01, UTC) to and from 'YYYY-MM-DD' and 2026年5月1日, shared by the generators. */
export const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
export const isoOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
export const chineseDate = (day: number): string => {
  const d = new Date(day * DAY_MS);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
};
const addMonths = (day: number, months: number): number => {
  const d = new Date(day * DAY_MS);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.getTime() / DAY_MS;
};

const FIRST_DECISION = dayOf('2023-01-01');
const LAST_DECISION = dayOf('2025-12-31');
const FIRST_BIRTH = dayOf('1960-01-01');
const BIRTH_DAYS = dayOf('2000-12-31') - FIRST_BIRTH + 1;

// Bijections index → code space ((i·K + C) mod M with gcd(K, M) = 1): unique codes without a set.
const BODY_SPACE = 31 ** 6; // 6 free characters after 'MA'
const PERSON_SPACE = AREAS.length * BIRTH_DAYS * 999; // area × birth day × order code 001–999

/** 万元 with up to 4 decimals, from whole yuan. */
const wanYuan = (yuan: number): string => {
  const frac = String(yuan % 10000).padStart(4, '0').replace(/0+$/, '');
  return frac === '' ? String(Math.floor(yuan / 10000)) : `${Math.floor(yuan / 10000)}.${frac}`;
};

interface Subject {
  kind: '01' | '02' | '04';
  name: string;
  area: (typeof AREAS)[number];
  uscc: string;
  idNumber: string;
  rep: string;
  repId: string;
  hits: number;
}

/** Counters of what was generated. */
export interface GeneratorStats {
  rows: number;
  subjects: number;
  recurringSubjects: number;
  naturalPersons: number;
  individualBusinesses: number;
  legalPersons: number;
}

const POOL_SIZE = 50_000;

/** Yields rows (cells in {@link PENALTY_HEADERS} order), reproducible for a given seed. */
export class PenaltyRowGenerator {
  readonly stats: GeneratorStats = { rows: 0, subjects: 0, recurringSubjects: 0, naturalPersons: 0, individualBusinesses: 0, legalPersons: 0 };
  private state: number;
  private orgCount = 0;
  private personCount = 0;
  private readonly pool: Subject[] = [];
  private readonly categoryTotal = CATEGORY_MIXES.reduce((s, m) => s + m.weight, 0);
  private readonly index = new Map(PENALTY_HEADERS.map((code, i) => [code, i]));

  constructor(
    private readonly department: Department = BENCH_DEPARTMENT,
    seed = 20261128,
  ) {
    this.state = seed >>> 0;
  }

  /** mulberry32: fast, seedable, good enough for test data. */
  private random(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  private int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)] as T;
  }

  private personName(): string {
    const given = this.random() < 0.7 ? `${this.pick(GIVEN_CHARS)}${this.pick(GIVEN_CHARS)}` : this.pick(GIVEN_CHARS);
    return `${this.pick(SURNAMES)}${given}`;
  }

  private nextBody(): string {
    let n = (this.orgCount++ * 482_711 + 7_919) % BODY_SPACE;
    let body = '';
    for (let i = 0; i < 6; i++) {
      body = `${USCC_CHARS[n % 31] ?? '0'}${body}`;
      n = Math.floor(n / 31);
    }
    return `MA${body}`;
  }

  private nextResidentId(): string {
    let n = (this.personCount++ * 7_919 + 104_729) % PERSON_SPACE;
    const order = (n % 999) + 1;
    n = Math.floor(n / 999);
    const birth = FIRST_BIRTH + (n % BIRTH_DAYS);
    const area = AREAS[Math.floor(n / BIRTH_DAYS)] ?? AREAS[0];
    return makeResidentId(area?.code ?? '410402', isoOf(birth).replaceAll('-', ''), order);
  }

  private newSubject(): Subject {
    const area = this.pick(AREAS);
    const r = this.random();
    const s: Subject = { kind: '02', name: '', area, uscc: '', idNumber: '', rep: '', repId: '', hits: 0 };
    if (r < 0.1) {
      s.kind = '01';
      s.name = this.personName();
      s.idNumber = this.nextResidentId();
      this.stats.naturalPersons++;
    } else if (r < 0.22) {
      s.kind = '04';
      s.rep = this.personName();
      s.name = `${area.name}${s.rep}${this.pick(SHOP_KINDS)}`;
      s.uscc = makeUscc('92', area.code, this.nextBody());
      this.stats.individualBusinesses++;
    } else {
      s.name = `${area.namePrefix}${this.pick(TRADE_NAMES)}${this.pick(INDUSTRIES)}有限公司`;
      s.uscc = makeUscc('91', area.code, this.nextBody());
      s.rep = this.personName();
      if (this.random() < 0.6) s.repId = this.nextResidentId();
      this.stats.legalPersons++;
    }
    this.stats.subjects++;
    return s;
  }

  /** About 30% of new subjects enter a bounded pool and may draw further penalties (about 1 subject in 5 recurs). */
  private subject(): Subject {
    if (this.pool.length > 0 && this.random() < 0.3) {
      const s = this.pick(this.pool);
      if (s.hits++ === 0) this.stats.recurringSubjects++;
      return s;
    }
    const s = this.newSubject();
    if (this.random() < 0.3) {
      if (this.pool.length < POOL_SIZE) this.pool.push(s);
      else this.pool[this.int(0, POOL_SIZE - 1)] = s;
    }
    return s;
  }

  private category(): (typeof CATEGORY_MIXES)[number] {
    let w = this.random() * this.categoryTotal;
    for (const mix of CATEGORY_MIXES) if ((w -= mix.weight) < 0) return mix;
    return CATEGORY_MIXES[0] as (typeof CATEGORY_MIXES)[number];
  }

  /** The next row as cells in header order. */
  next(): string[] {
    const cells = new Array<string>(PENALTY_HEADERS.length).fill('');
    const set = (code: string, value: string): void => {
      const i = this.index.get(code);
      if (i === undefined) throw new Error(`unknown field ${code}`);
      cells[i] = value;
    };
    const s = this.subject();
    const seq = ++this.stats.rows;
    const decision = this.int(FIRST_DECISION, LAST_DECISION);
    const year = isoOf(decision).slice(0, 4);
    const offence = this.pick(OFFENCES);
    const mix = this.category();
    const place = `${s.area.namePrefix}${this.pick(ROADS)}${this.int(1, 399)}号`;
    const value = this.int(300, 200_000);
    const gain = Math.floor(value * (0.05 + this.random() * 0.3));

    set('CF_XDR_MC', s.name);
    const nameLb = this.random() < 0.15;
    if (s.kind === '01') {
      set('CF_XDR_LB', nameLb ? '自然人' : '01');
      set('CF_XDR_ZJLX', nameLb ? '身份证' : '01');
      set('CF_XDR_ZJHM', s.idNumber);
    } else {
      set('CF_XDR_LB', nameLb ? (s.kind === '02' ? '法人及非法人组织' : '个体工商户') : s.kind);
      set('CF_XDR_SHXYM', s.uscc);
      set('CF_FRDB', s.rep);
      if (s.repId) {
        set('CF_FR_ZJLX', '01');
        set('CF_FR_ZJHM', s.repId);
      }
    }
    set('CF_WSH', `平市监罚〔${year}〕${seq}号`);
    set('CF_WFXW', offence.type);
    set(
      'CF_SY',
      offence.fact({
        start: chineseDate(decision - this.int(60, 240)),
        end: chineseDate(decision - this.int(5, 59)),
        place,
        goods: this.pick(offence.goods ?? GOODS),
        qty: this.int(3, 900),
        value,
        gain,
      }),
    );
    set('CF_YJ', offence.basis);
    set('CF_CFLB', mix.value);

    const content: string[] = [];
    if (mix.value.includes('01') || mix.value.includes('警告')) content.push('警告');
    if (mix.confiscate) {
      content.push(`没收违法所得${gain}元`);
      set('CF_NR_WFFF', wanYuan(gain));
    }
    if (mix.value.includes('05')) content.push(`没收${offence.type.includes('食品') ? '涉案食品' : '涉案商品'}`);
    if (mix.fine) {
      const fine = this.pick([500, 1000, 2000, 3000, 5000, 10_000, 20_000, 50_000]) * this.int(1, 4) + (this.random() < 0.2 ? this.int(1, 99) * 100 : 0);
      content.push(`${content.length > 0 ? '并处' : ''}罚款人民币${fine}元`);
      set('CF_NR_FK', wanYuan(fine));
    }
    if (mix.value.includes('10')) content.push('责令停产停业三个月');
    if (mix.licence) {
      content.push('吊销营业执照');
      set('CF_NR_ZKDX', `营业执照（统一社会信用代码${s.uscc || '无'}）`);
    }
    set('CF_NR', `对当事人作出如下行政处罚：${content.join('，')}。`);

    const dateStyle = this.random();
    const fmt = (day: number): string => (dateStyle < 0.8 ? isoOf(day) : dateStyle < 0.95 ? isoOf(day).replaceAll('-', '/') : chineseDate(day));
    set('CF_JDRQ', fmt(decision));
    set('CF_YXQ', fmt(mix.licence ? addMonths(decision, 36) : mix.value === '01' ? addMonths(decision, 3) : addMonths(decision, 12)));
    set('CF_CFJG', this.department.name);
    set('CF_CFJGDM', this.department.uscc);
    set('CF_SJLY', this.department.name);
    set('CF_SJLYDM', this.department.uscc);
    if (this.random() < 0.03) set('BZ', '当事人已于规定期限内履行完毕');
    return cells;
  }
}
