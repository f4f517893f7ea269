import { describe, expect, it } from 'vitest';
import { classificationsOf, headName, type HouseholdDetail, incomePerPerson } from '../src/pages/Household';
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
