import { describe, expect, it } from 'vitest';
import { translate, type Key } from '../src/i18n';
import {
  classificationsOf,
  deprivationCount,
  EarlierRow,
  hasExplanation,
  headName,
  type HouseholdDetail,
  incomePerPerson,
  reasonText,
  sourceKey,
  splitClassifications,
  WhyBody,
} from '../src/pages/Household';
import { pageCount } from '../src/pages/Households';

const detail: HouseholdDetail = {
  code: '31999-00001',
  members: [
    { full_name: 'Nguyễn Văn Hào', relation: 'child' },
    { full_name: 'Nguyễn Văn Tân', relation: 'head' },
  ],
  surveys: [
    { year: 2013, classifications: [{ category: 'poor', standard: 'vn-2011-2015' }] },
    { year: 2014, classifications: [{ category: 'other', standard: 'vn-2011-2015', explanation: null }] },
    { year: 2015 },
  ],
};

describe('household page', () => {
  it('collects each survey year’s classification, newest first', () => {
    const c = classificationsOf(detail);
    expect(c.map((x) => [x.year, x.category])).toEqual([
      [2014, 'other'],
      [2013, 'poor'],
    ]);
  });
  it('names the head from the members when the API does not', () => {
    expect(headName(detail)).toBe('Nguyễn Văn Tân');
    expect(headName({ ...detail, head_name: 'Lê Thị Mai' })).toBe('Lê Thị Mai');
    expect(headName({ members: [], surveys: [] })).toBeUndefined();
  });
  it('counts pages, at least one', () => {
    expect(pageCount(0, 25)).toBe(1);
    expect(pageCount(25, 25)).toBe(1);
    expect(pageCount(26, 25)).toBe(2);
  });
});

describe('incomePerPerson', () => {
  it("divides the year's household income by that year's members", () => {
    expect(incomePerPerson({ year: 2020, income_month: 2766000, members: [{}, {}] })).toBe(1383000);
    expect(incomePerPerson({ year: 2020, income_month: 1000000, members: [] })).toBeNull();
    expect(incomePerPerson(undefined)).toBeNull();
  });
});

// --- the classification section ---------------------------------------------------------------

/** The rules' explanation as the server sends it (rules/explain.cc), trimmed to what the page reads. */
const explanation = (year: number, category: string) => ({
  standard: 'vn-2016-2020',
  category,
  area: 'rural',
  income_per_capita: 650000,
  lines: [
    { name: 'poor', amount: 700000, at_or_under: true },
    { name: 'near_poor', amount: 1000000, at_or_under: true },
  ],
  deprivation_count: 1,
  deprivations_defined: 10,
  deprivations: [
    {
      id: 'school',
      name_vi: 'Trình độ giáo dục',
      name_en: 'Education',
      explain_vi: 'Trẻ 6–15 tuổi không đi học',
      explain_en: 'A child of 6–15 not at school',
      members: [{ index: 2, name: 'Lan', age: 7 }],
    },
  ],
  text_vi: `Hộ nghèo năm ${year}: thu nhập 650.000 đ/người/tháng ≤ chuẩn nghèo 700.000 đ`,
  text_en: `Poor in ${year}: income 650,000 VND a person a month ≤ poverty line 700,000 VND`,
});

const history: HouseholdDetail = {
  code: '96001-00042',
  members: [],
  surveys: [2016, 2017, 2018, 2019, 2020].map((year) => ({
    year,
    classifications: [
      year === 2016
        ? { category: 'poor', standard: 'vn-2016-2020', source: 'stored', explanation: explanation(year, 'poor') }
        : { category: 'poor', standard: 'vn-2016-2020', source: 'computed', deprivation_count: 1, explanation: explanation(year, 'poor') },
    ],
  })),
};

type Node = { type: string; props: Record<string, unknown>; children: (Node | string)[] };

/** A Preact tree as plain nodes: function components called (ours take no hooks), text kept. */
function expand(v: unknown): (Node | string)[] {
  if (v === null || v === undefined || typeof v === 'boolean') return [];
  if (typeof v === 'string' || typeof v === 'number') return [String(v)];
  if (Array.isArray(v)) return v.flatMap(expand);
  const { type, props } = v as { type: unknown; props: Record<string, unknown> };
  if (typeof type === 'function') return expand((type as (p: unknown) => unknown)(props));
  return [{ type: type as string, props, children: expand(props.children) }];
}
const textOf = (n: Node | string | (Node | string)[]): string =>
  Array.isArray(n) ? n.map(textOf).join('') : typeof n === 'string' ? n : textOf(n.children);
function findAll(nodes: (Node | string)[], ok: (n: Node) => boolean): Node[] {
  const out: Node[] = [];
  for (const n of nodes) {
    if (typeof n === 'string') continue;
    if (ok(n)) out.push(n);
    out.push(...findAll(n.children, ok));
  }
  return out;
}
const words = (lang: 'vi' | 'en') => ({ lang, t: (key: Key, params?: Record<string, string | number>) => translate(lang, key, params) });

describe('classification section', () => {
  it('shows the latest year in full and every earlier year in the table', () => {
    const { latest, earlier } = splitClassifications(classificationsOf(history));
    expect(latest.map((c) => c.year)).toEqual([2020]);
    expect(earlier.map((c) => c.year)).toEqual([2019, 2018, 2017, 2016]);
  });
  it('keeps the latest year in the table when it has no reasons (an older server)', () => {
    const { latest, earlier } = splitClassifications(classificationsOf(detail));
    expect(latest).toEqual([]);
    expect(earlier.map((c) => c.year)).toEqual([2014, 2013]);
    expect(earlier.some(hasExplanation)).toBe(false);
  });
  it('puts every standard of the latest year in full, and nothing for no classification', () => {
    const two: HouseholdDetail = {
      members: [],
      surveys: [
        {
          year: 2016,
          classifications: [
            { category: 'poor', standard: 'vn-2011-2015', source: 'computed', explanation: explanation(2016, 'poor') },
            { category: 'near_poor', standard: 'vn-2016-2020', source: 'computed', explanation: explanation(2016, 'near_poor') },
          ],
        },
      ],
    };
    expect(splitClassifications(classificationsOf(two)).latest).toHaveLength(2);
    expect(splitClassifications([])).toEqual({ latest: [], earlier: [] });
  });
  it('reads the reason in the language, the source and the deprivations found', () => {
    const [c2020] = classificationsOf(history);
    expect(reasonText(c2020, 'vi')).toMatch(/^Hộ nghèo năm 2020/);
    expect(reasonText(c2020, 'en')).toMatch(/^Poor in 2020/);
    expect(reasonText({ category: 'poor', explanation: null }, 'vi')).toBeUndefined();
    expect(sourceKey(c2020)).toBe('hd.src.computed');
    expect(sourceKey({ category: 'poor', source: 'stored' })).toBe('hd.src.stored');
    expect(sourceKey({ category: 'poor', source: 'analytics' })).toBeNull();
    expect(deprivationCount(c2020)).toBe('1/10');
    expect(deprivationCount({ category: 'poor', deprivation_count: 3 })).toBe('3');
    expect(deprivationCount({ category: 'poor', explanation: null })).toBe('—');
  });
  it('draws the reasons with income against the lines, the deprivations and where they come from', () => {
    const [c2020] = classificationsOf(history);
    const vi = expand(WhyBody({ c: c2020, ...words('vi') }));
    const text = textOf(vi);
    expect(text).toContain('Vì sao: Hộ nghèo năm 2020');
    expect(text).toContain('so với chuẩn nghèo 700.000 đ và cận nghèo 1.000.000 đ');
    expect(text).toContain('Trình độ giáo dục Trẻ 6–15 tuổi không đi học (Lan, 7)');
    expect(text).toContain('Tính theo quy tắc lúc xem');
    const en = textOf(expand(WhyBody({ c: classificationsOf(history).find((c) => c.year === 2016)!, ...words('en') })));
    expect(en).toContain('Why: Poor in 2016');
    expect(en).toContain('From the stored review');
  });
  it('says nothing of deprivations under a standard that measures none (income only)', () => {
    const e = { ...explanation(2014, 'other'), deprivation_count: 0, deprivations_defined: 0, deprivations: [] };
    const c = { year: 2014, category: 'other', standard: 'vn-2011-2015', source: 'computed', deprivation_count: 0, explanation: e };
    expect(deprivationCount(c)).toBe('—');
    expect(textOf(expand(WhyBody({ c, ...words('vi') })))).not.toContain('Thiếu hụt');
    const some = { ...c, explanation: { ...e, deprivations_defined: 10 } };
    expect(deprivationCount(some)).toBe('0/10');
    expect(textOf(expand(WhyBody({ c: some, ...words('vi') })))).toContain('Thiếu hụt: Không thiếu hụt');
  });
  it('gives an earlier year with reasons a button that opens a row under it', () => {
    const c2017 = classificationsOf(history).find((c) => c.year === 2017)!;
    let toggled = 0;
    const row = (open: boolean) =>
      expand(EarlierRow({ c: c2017, id: 'why-2017', income: 650000, open, onToggle: () => toggled++, ...words('vi') }));
    const closed = row(false);
    const [button] = findAll(closed, (n) => n.type === 'button');
    expect(button.props['aria-expanded']).toBe('false');
    expect(button.props['aria-controls']).toBe('why-2017');
    expect(textOf(button)).toContain('2017');
    (button.props.onClick as () => void)();
    expect(toggled).toBe(1);
    const [reasons] = findAll(closed, (n) => n.props.id === 'why-2017');
    expect(reasons.type).toBe('tr');
    expect(reasons.props.hidden).toBe(true);
    expect(textOf(reasons)).toContain('Hộ nghèo năm 2017');
    const opened = row(true);
    expect(findAll(opened, (n) => n.type === 'button')[0].props['aria-expanded']).toBe('true');
    expect(findAll(opened, (n) => n.props.id === 'why-2017')[0].props.hidden).toBe(false);
    const cells = textOf(findAll(opened, (n) => n.props['data-testid'] === 'classification-row')[0]);
    expect(cells).toContain('650.000 đ');
    expect(cells).toContain('1/10');
    expect(cells).toContain('Hộ nghèo');
  });
  it('shows a year without reasons in the table with no button and no reasons row', () => {
    const plain = { year: 2014, category: 'other', standard: 'vn-2011-2015', source: 'analytics', explanation: null };
    const nodes = expand(EarlierRow({ c: plain, id: 'why-2014', income: null, open: false, onToggle: () => {}, ...words('en') }));
    expect(findAll(nodes, (n) => n.type === 'button')).toEqual([]);
    expect(findAll(nodes, (n) => n.type === 'tr')).toHaveLength(1);
    expect(textOf(nodes)).toContain('2014');
    expect(textOf(nodes)).toContain('Not poor');
  });
});
