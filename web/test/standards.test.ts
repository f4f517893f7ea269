import { describe, expect, it } from 'vitest';
import * as echarts from 'echarts';
import { ratesOption } from '../src/rates';
import {
  describeStandard,
  fitLabel,
  standardChanges,
  standardLabel,
  standardMarks,
  standardNotes,
  standardPhrase,
  standardSpans,
} from '../src/standards';

// The demo: 2010–2015 under the income standard of 2011–2015, 2016–2020 under the multidimensional one.
const YEARS = [2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020];
const DEMO = YEARS.map((y) => (y <= 2015 ? 'vn-2011-2015' : 'vn-2016-2020'));

describe('standard spans and changes', () => {
  it('finds the change of the demo at 2016, after 2010–2015', () => {
    expect(standardSpans(YEARS, DEMO)).toEqual([
      { standard: 'vn-2011-2015', from: 2010, to: 2015, start: 0, end: 5 },
      { standard: 'vn-2016-2020', from: 2016, to: 2020, start: 6, end: 10 },
    ]);
    expect(standardChanges(YEARS, DEMO)).toEqual([{ year: 2016, index: 6, standard: 'vn-2016-2020', previous: 'vn-2011-2015' }]);
  });
  it('has no change under one standard, or with none known', () => {
    expect(standardChanges([2016, 2017], ['vn-2016-2020', 'vn-2016-2020'])).toEqual([]);
    expect(standardChanges([2016, 2017], [null, null])).toEqual([]);
    expect(standardChanges([], [])).toEqual([]);
  });
  it('finds every change, and one across a year without a known standard', () => {
    const years = [2009, 2010, 2011, 2015, 2016, 2021, 2022];
    const ids = ['vn-2006-2010', 'vn-2006-2010', 'vn-2011-2015', null, 'vn-2016-2020', 'vn-2016-2020', 'vn-2022-2025'];
    expect(standardChanges(years, ids).map((c) => [c.year, c.index])).toEqual([
      [2011, 2],
      [2016, 4],
      [2022, 6],
    ]);
    // The unknown year belongs to no span.
    expect(standardSpans(years, ids).map((s) => [s.from, s.to])).toEqual([
      [2009, 2010],
      [2011, 2011],
      [2016, 2021],
      [2022, 2022],
    ]);
  });
  it('makes no change of the same standard on both sides of an unknown year', () => {
    expect(standardChanges([2014, 2015, 2016], ['vn-2011-2015', null, 'vn-2011-2015'])).toEqual([]);
  });
});

describe('standard names', () => {
  it('says the period and the kind in the screen language', () => {
    expect(standardLabel('vn-2016-2020', 'vi')).toBe('Chuẩn 2016–2020 (đa chiều)');
    expect(standardLabel('vn-2016-2020', 'en')).toBe('2016–2020 standard (multidimensional)');
    expect(standardLabel('vn-2011-2015', 'vi')).toBe('Chuẩn 2011–2015 (thu nhập)');
    expect(standardLabel('vn-2011-2015', 'en')).toBe('2011–2015 standard (income)');
    expect(standardLabel('vn-2022-2025', 'vi')).toBe('Chuẩn 2022–2025 (đa chiều)');
    expect(standardPhrase('vn-2016-2020', 'vi')).toBe('chuẩn 2016–2020 (đa chiều)');
  });
  it("names a province's own standard and an id without a period", () => {
    expect(describeStandard('ca-mau-2011-2015-example')).toEqual({ from: 2011, to: 2015, national: false, multidimensional: false });
    expect(standardLabel('ca-mau-2011-2015-example', 'vi')).toBe('Chuẩn của tỉnh 2011–2015 (thu nhập)');
    expect(standardLabel('dong-nai-2022-2025', 'en')).toBe('Provincial 2022–2025 standard (multidimensional)');
    expect(standardLabel('tinh-rieng', 'vi')).toBe('Chuẩn tinh-rieng');
  });
  it('writes a sentence for each change', () => {
    const [vi] = standardNotes(standardChanges(YEARS, DEMO), 'vi');
    expect(vi).toContain('Từ năm 2016');
    expect(vi).toContain('chuẩn 2016–2020 (đa chiều)');
    expect(vi).toContain('chuẩn 2011–2015 (thu nhập)');
    const [en] = standardNotes(standardChanges(YEARS, DEMO), 'en');
    expect(en).toMatch(/^From 2016 .*the 2016–2020 standard \(multidimensional\).*the 2011–2015 standard \(income\)/);
  });
  it('fits a name on one line, on two before its kind, or not at all', () => {
    expect(fitLabel('Chuẩn 2016–2020 (đa chiều)', 300)).toBe('Chuẩn 2016–2020 (đa chiều)');
    expect(fitLabel('Chuẩn 2016–2020 (đa chiều)', 120)).toBe('Chuẩn 2016–2020\n(đa chiều)');
    expect(fitLabel('Chuẩn 2016–2020 (đa chiều)', 40)).toBeNull();
  });
});

describe('the marks on the rates chart', () => {
  it('puts a dashed grey line between 2015 and 2016 and names each standard over its years', () => {
    const m = standardMarks(YEARS, DEMO, 'vi', 560)!;
    expect(m.xAxis).toMatchObject({ type: 'value', min: -0.5, max: 10.5, show: false });
    const series = m.series as {
      xAxisIndex: number;
      markLine: { lineStyle: { type: string }; data: { xAxis: number }[] };
      markArea: { data: [{ name: string; xAxis: number; label: { show: boolean } }, { xAxis: number }][] };
    };
    expect(series.xAxisIndex).toBe(1);
    expect(series.markLine.lineStyle.type).toBe('dashed');
    expect(series.markLine.data.map((d) => d.xAxis)).toEqual([5.5]);
    expect(series.markArea.data.map(([a, b]) => [a.name, a.xAxis, b.xAxis, a.label.show])).toEqual([
      ['Chuẩn 2011–2015 (thu nhập)', -0.5, 5.5, true],
      ['Chuẩn 2016–2020 (đa chiều)', 5.5, 10.5, true],
    ]);
  });
  it('wraps the names on a phone', () => {
    // A 390 px phone: a chart ~330 px wide, a plot of ~266 px.
    const m = standardMarks(YEARS, DEMO, 'en', 266)!;
    const names = (m.series as { markArea: { data: [{ name: string }][] } }).markArea.data.map(([a]) => a.name);
    expect(names).toEqual(['2011–2015 standard\n(income)', '2016–2020 standard\n(multidimensional)']);
  });
  it('marks nothing under one standard', () => {
    expect(standardMarks([2016, 2017], ['vn-2016-2020', 'vn-2016-2020'], 'vi', 560)).toBeNull();
  });
});

describe('ratesOption', () => {
  const s = {
    years: YEARS,
    series: {
      poverty_rate_households: [12.56, 10.19, 7.94, 6.7, 5.61, 4.71, 6.93, 5.67, 4.17, 2.84, 2.04],
      near_poverty_rate_households: [5.57, 2.17, 1.55, 1.28, 1.16, 1.38, 15.83, 14.24, 13.26, 9.92, 5.23],
    },
  };
  type Opt = {
    grid: { top: number };
    xAxis: unknown;
    series: unknown[];
    legend: { data: string[] };
    tooltip: { formatter: (p: unknown) => string };
  };

  it('names the standard of the year in the tooltip', () => {
    const o = ratesOption(s, DEMO, 'vi', 600) as unknown as Opt;
    const params = (year: string) => [
      { axisValueLabel: year, marker: '', seriesName: 'Tỷ lệ hộ nghèo', value: 4.71 },
      { axisValueLabel: year, marker: '', seriesName: 'Tỷ lệ hộ cận nghèo', value: 1.38 },
    ];
    const tip2015 = o.tooltip.formatter(params('2015'));
    expect(tip2015).toContain('Chuẩn 2011–2015 (thu nhập)');
    expect(tip2015).toContain('4,71%');
    expect(o.tooltip.formatter(params('2016'))).toContain('Chuẩn 2016–2020 (đa chiều)');
    const en = ratesOption(s, DEMO, 'en', 600) as unknown as Opt;
    expect(en.tooltip.formatter(params('2016'))).toContain('2016–2020 standard (multidimensional)');
  });
  it('leaves room above the plot for the names, and keeps the legend to the two rates', () => {
    const o = ratesOption(s, DEMO, 'vi', 600) as unknown as Opt;
    expect(o.grid.top).toBeGreaterThan(16);
    expect(o.series).toHaveLength(3);
    expect(o.legend.data).toEqual(['Tỷ lệ hộ nghèo', 'Tỷ lệ hộ cận nghèo']);
  });
  it('is the plain chart while the standards are not known, or under one standard', () => {
    for (const standards of [null, YEARS.map(() => 'vn-2016-2020')]) {
      const o = ratesOption(s, standards, 'vi', 600) as unknown as Opt;
      expect(o.series).toHaveLength(2);
      expect(o.grid.top).toBe(16);
      expect(Array.isArray(o.xAxis)).toBe(false);
    }
  });
  it('draws the line between the points of 2015 and 2016 (ECharts rendering to SVG)', () => {
    const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 300 });
    try {
      chart.setOption({ animation: false, ...ratesOption(s, DEMO, 'vi', 600) });
      const svg = chart.renderToSVGString();
      // The points of the first line, then the dashed vertical line.
      const points = [...svg.matchAll(/transform="matrix\(3,0,0,3,([\d.]+),[\d.]+\)"[^>]*ecmeta_series_index="0"/g)].map((m) => Number(m[1]));
      expect(points).toHaveLength(11);
      const dashed = /<path d="M([\d.]+) [\d.]+L([\d.]+) [\d.]+"[^>]*stroke-dasharray/.exec(svg);
      expect(dashed).not.toBeNull();
      const x = Number(dashed![1]);
      expect(Number(dashed![2])).toBeCloseTo(x, 5);
      expect(Math.abs(x - (points[5] + points[6]) / 2)).toBeLessThan(1.5);
      expect(svg).toContain('Chuẩn 2016–2020 (đa chiều)');
      expect(svg).toContain('Chuẩn 2011–2015 (thu nhập)');
    } finally {
      chart.dispose();
    }
  });
});
