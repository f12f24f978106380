/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { parseCatalogDef } from './catalog.parser';
import { CATALOG_FILES, catalogCodeOf, getCatalog, listCatalogEditions, listCatalogs } from './catalog.registry';
import type { CatalogDef, FieldDef } from './catalog.types';

// Vite's glob (test-only) finds every data file, so a JSON dropped in the folder but not registered fails.
const jsonFiles = import.meta.glob('../../catalog/*.json', { eager: true, import: 'default' });
const byFile = Object.entries(jsonFiles).map(([path, json]) => [path.split('/').pop() ?? path, json] as const);

const field = (c: CatalogDef, code: string): FieldDef | undefined => c.fields.find((f) => f.code === code);

/** The ten administrative acts of the 2021 目录 item 3 (issue #2), in its order. */
const ADMINISTRATIVE_ACTS = [
  'administrative_license', 'administrative_penalty', 'administrative_coercion', 'administrative_confirmation', 'administrative_levy',
  'administrative_payment', 'administrative_adjudication', 'administrative_compensation', 'administrative_reward', 'administrative_inspection',
];

describe('catalogue data files (全国公共信用信息基础目录 2021 item 3)', () => {
  it('every JSON file in packages/domain/catalog is registered', () => {
    expect(byFile.map(([f]) => f).sort()).toEqual([...CATALOG_FILES].sort());
  });

  it.each(byFile)('%s is well-formed', (file, json) => {
    const def = parseCatalogDef(json, file);
    expect(file).toBe(`${def.code}.${def.edition}.json`);
    for (const f of def.fields) {
      expect(f.code, file).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(f.name.trim()).not.toBe('');
      if (f.type === 'enum' || f.type === 'enum_list') expect(f.enumValues?.length).toBeGreaterThan(0);
      if (f.type === 'id_number') expect(f.personal).toBe(true);
      if (f.role === 'decision_date') expect(f.notFuture).toBe(true);
    }
    const codes = def.fields.map((f) => f.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(def.fields.filter((f) => f.role === 'doc_no')).toHaveLength(1);
    expect(def.fields.filter((f) => f.role === 'decision_date')).toHaveLength(1);
  });

  it('lists the ten categories of the 2021 目录 / 河南省社会信用条例 Art.12 first, in their order', () => {
    expect(listCatalogs().slice(0, 10).map((c) => c.code)).toEqual(ADMINISTRATIVE_ACTS);
    expect(listCatalogs().slice(0, 10).map((c) => c.name)).toEqual([
      '行政许可', '行政处罚', '行政强制', '行政确认', '行政征收',
      '行政给付', '行政裁决', '行政补偿', '行政奖励', '行政检查',
    ]);
  });

  it('then 严重失信主体名单, an item of its own of the 2021 目录 (regulations §4.1), and nothing else', () => {
    expect(listCatalogs().map((c) => c.code)).toEqual([...ADMINISTRATIVE_ACTS, 'serious_dishonesty_list']);
    expect(getCatalog('serious_dishonesty_list').name).toBe('严重失信主体名单');
  });

  it('marks 严重失信主体名单 as a list (名单名称 its list_name) and the ten as administrative acts', () => {
    expect(listCatalogs().filter((c) => c.kind === 'administrative_act').map((c) => c.code)).toEqual(ADMINISTRATIVE_ACTS);
    const list = getCatalog('serious_dishonesty_list');
    expect(list.kind).toBe('list');
    expect(list.fields.find((f) => f.role === 'list_name')?.name).toBe('名单名称');
    expect(list.fields.find((f) => f.role === 'decision_date')?.name).toBe('列入日期');
  });

  it('the eight non-双公示 categories are marked [U] and share one field scheme', () => {
    const generic = ADMINISTRATIVE_ACTS.slice(2).map((code) => getCatalog(code));
    const suffixes = (c: CatalogDef): string[] => c.fields.map((f) => f.code.replace(/^[A-Z]{2}_/, ''));
    for (const c of generic) {
      expect(c.source).toContain('[U]');
      expect(suffixes(c)).toEqual(suffixes(generic[0] ?? c));
    }
  });
});

describe('严重失信主体名单 (regulations §3.6; PubCredit template, no national field list)', () => {
  const list = getCatalog('serious_dishonesty_list');
  const byRole = (role: string) => list.fields.find((f) => f.role === role)?.code;

  it('is marked [U] and shares the 相对人 block of the other catalogues under the prefix SX_', () => {
    expect(list.source).toContain('[U]');
    const block = (c: CatalogDef) => c.fields.filter((f) => /_XDR_/.test(f.code)).map((f) => [f.code.slice(3), f.type, f.role, JSON.stringify(f.required)]);
    expect(block(list)).toEqual(block(getCatalog('administrative_coercion')));
    for (const f of list.fields) if (f.code !== 'BZ') expect(f.code).toMatch(/^SX_/);
  });

  it.each([
    ['the 认定决定文书号 keys the record', 'doc_no', 'SX_RDWSH'],
    ['the 列入日期 starts the periods (Order 36: 自认定之日起)', 'decision_date', 'SX_LRRQ'],
    ['the 认定部门 is the authority (HN-Credit Art.28, 37)', 'authority_uscc', 'SX_RDBMDM'],
    ['the 法定代表人 ID is personal data (HN-Credit Art.35)', 'legal_rep_id_number', 'SX_FR_ZJHM'],
  ])('%s', (_case, role, code) => {
    expect(byRole(role)).toBe(code);
  });

  it.each([
    ['名单名称', 'SX_MDMC', 'text', 'always'],
    ['列入事由 (HN-Credit Art.28 理由, Art.33)', 'SX_LRSY', 'text', 'always'],
    ['认定依据 (HN-Credit Art.28 依据)', 'SX_RDYJ', 'text', 'always'],
    ['认定部门 (HN-Credit Art.37)', 'SX_RDBM', 'text', 'always'],
    ['有效期至 (HN-Credit Art.37: set by the 认定机关)', 'SX_YXQZ', 'date', 'never'],
    ['移出日期 (HN-Credit Art.37: exit)', 'SX_YCRQ', 'date', 'never'],
  ])('%s: %s is %s, required %s', (_case, code, type, required) => {
    expect(list.fields.find((f) => f.code === code)).toMatchObject({ type, required });
  });

  it('HN-Credit Art.35: an organisation names its 法定代表人 or 主要负责人', () => {
    const rep = list.fields.find((f) => f.code === 'SX_FRDB');
    expect(rep?.required).toEqual({ whenSubjectKind: ['legal_person'] });
    expect(rep?.aliases).toEqual(expect.arrayContaining(['法定代表人', '主要负责人']));
  });

  it('有效期至 and 移出日期 may not precede the 列入日期', () => {
    expect(list.checks?.map((c) => [c.earlier, c.later, c.severity])).toEqual([
      ['SX_LRRQ', 'SX_YXQZ', 'error'],
      ['SX_LRRQ', 'SX_YCRQ', 'error'],
    ]);
  });
});

describe('national 双公示 field codes (regulations §2.3–2.4)', () => {
  it.each([
    ['§2.3 行政许可 文书号', 'administrative_license', 'XK_WSH', '行政许可决定文书号'],
    ['§2.3 有效期至', 'administrative_license', 'XK_YXQZI', '有效期至'],
    ['§2.3 备注', 'administrative_license', 'BZ', '备注'],
    ['§2.4 罚款金额', 'administrative_penalty', 'CF_NR_FK', '罚款金额（万元）'],
    ['§2.4 数据来源单位代码', 'administrative_penalty', 'CF_SJLYDM', '数据来源单位统一社会信用代码'],
  ])('%s: %s %s', (_case, catalog, code, name) => {
    expect(field(getCatalog(catalog), code)?.name).toBe(name);
  });

  it('§2.3 older code XK_FR_SFZH is an alias of 法定代表人证件号码', () => {
    expect(field(getCatalog('administrative_license'), 'XK_FR_ZJHM')?.aliases).toContain('XK_FR_SFZH');
  });

  it('行政处罚法 (2021) Art.9: 处罚类别 has each item as its own value', () => {
    const names = field(getCatalog('administrative_penalty'), 'CF_CFLB')?.enumValues?.map((v) => v.name);
    expect(names).toEqual([
      '警告', '通报批评', '罚款', '没收违法所得', '没收非法财物', '暂扣许可证件', '降低资质等级',
      '吊销许可证件', '限制开展生产经营活动', '责令停产停业', '责令关闭', '限制从业', '行政拘留', '其他',
    ]);
  });
});

describe('getCatalog', () => {
  it('returns the edition in force on a date, the first edition before it', () => {
    expect(getCatalog('administrative_penalty', '2024-09-30').edition).toBe('2021');
    expect(getCatalog('administrative_penalty', '2010-01-01').edition).toBe('2021');
    expect(listCatalogEditions('administrative_penalty')).toHaveLength(1);
  });

  it('refuses an unknown catalogue, listing the available ones', () => {
    try {
      getCatalog('administrative_gossip');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('CATALOG_UNKNOWN');
      expect((e as DomainError).message).toMatch(/^未知的信用信息目录：administrative_gossip；可用目录：.*administrative_penalty（行政处罚）/);
    }
  });
});

describe('parseCatalogDef refuses malformed data', () => {
  const base = getCatalog('administrative_coercion');
  it.each([
    ['no doc_no role', { ...base, fields: base.fields.map((f) => (f.role === 'doc_no' ? { ...f, role: undefined } : f)) }, 'doc_no'],
    ['duplicate code', { ...base, fields: [...base.fields, base.fields[0]] }, '同时属于'],
    ['enum without values', { ...base, fields: base.fields.map((f) => (f.type === 'enum' ? { ...f, enumValues: [] } : f)) }, 'enumValues'],
    ['bad type', { ...base, fields: [{ code: 'X', name: 'x', type: 'string', required: 'never' }] }, 'type 无效'],
    ['bad kind', { ...base, kind: 'blacklist' }, 'kind 无效："blacklist"（可选 administrative_act、list）'],
  ])('%s', (_case, json, fragment) => {
    expect(() => parseCatalogDef(json, 'x.json')).toThrow(fragment);
  });
});

describe('catalogCodeOf (a catalogue as a person types it)', () => {
  it.each([
    ['administrative_penalty', 'administrative_penalty'],
    [' ADMINISTRATIVE_LICENSE ', 'administrative_license'],
    ['行政处罚', 'administrative_penalty'],
    [' 行政 检查 ', 'administrative_inspection'],
    ['严重失信主体名单', 'serious_dishonesty_list'],
    ['no_such', 'no_such'],
  ])('%s → %s', (typed, code) => {
    expect(catalogCodeOf(typed)).toBe(code);
  });
});
