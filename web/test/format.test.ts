import { describe, expect, it } from 'vitest';
import {
  foldVietnamese,
  formatAxisPercent,
  formatDate,
  formatIndicator,
  formatNumber,
  formatPercent,
  formatVnd,
  standardName,
} from '../src/format';

describe('formatNumber', () => {
  it('groups thousands with dots and writes decimals after a comma in Vietnamese', () => {
    expect(formatNumber(12345.6, 'vi', 1)).toBe('12.345,6');
    expect(formatNumber(281234, 'vi')).toBe('281.234');
    expect(formatNumber(1234567.891, 'vi', 2)).toBe('1.234.567,89');
  });
  it('uses commas and a point in English', () => {
    expect(formatNumber(12345.6, 'en', 1)).toBe('12,345.6');
    expect(formatNumber(1000000, 'en')).toBe('1,000,000');
  });
  it('does not group numbers under a thousand', () => {
    expect(formatNumber(999, 'vi')).toBe('999');
    expect(formatNumber(0, 'vi', 1)).toBe('0,0');
  });
  it('rounds the decimal the reader sees, half away from zero', () => {
    expect(formatNumber(1.005, 'vi', 2)).toBe('1,01');
    expect(formatNumber(2.5, 'en')).toBe('3');
    expect(formatNumber(-2.5, 'en')).toBe('−3');
    expect(formatNumber(12.345, 'vi', 1)).toBe('12,3');
  });
  it('writes negatives with a minus sign, and no sign on a value that rounds to zero', () => {
    expect(formatNumber(-1234.5, 'vi', 1)).toBe('−1.234,5');
    expect(formatNumber(-0.001, 'vi', 1)).toBe('0,0');
  });
  it('shows a dash for a missing value', () => {
    expect(formatNumber(null, 'vi')).toBe('—');
    expect(formatNumber(undefined, 'en')).toBe('—');
    expect(formatNumber(Number.NaN, 'vi')).toBe('—');
  });
});

describe('percent, money, dates', () => {
  it('formats percentages', () => {
    expect(formatPercent(12.34, 'vi')).toBe('12,3%');
    expect(formatPercent(5, 'en', 2)).toBe('5.00%');
    expect(formatPercent(null, 'vi')).toBe('—');
  });
  it('formats integer VND', () => {
    expect(formatVnd(2878333, 'vi')).toBe('2.878.333 đ');
    expect(formatVnd(650000, 'en')).toBe('650,000 VND');
  });
  it('writes dates dd/mm/yyyy', () => {
    expect(formatDate('1968-06-22')).toBe('22/06/1968');
    expect(formatDate('2024-01-05T08:30:00Z')).toBe('05/01/2024');
    expect(formatDate(null)).toBe('—');
    expect(formatDate('not a date')).toBe('not a date');
  });
});

describe('formatIndicator', () => {
  it('formats by the indicator unit of config/indicators', () => {
    expect(formatIndicator(12.3456, 'percent', 'vi')).toBe('12,35%');
    expect(formatIndicator(281234, 'households', 'vi')).toBe('281.234');
    expect(formatIndicator(-1.5, 'points', 'vi')).toBe('−1,50');
    expect(formatIndicator(0.75, 'points', 'en')).toBe('+0.75');
    expect(formatIndicator(0.1234, 'ratio', 'en')).toBe('0.123');
    expect(formatIndicator(null, 'percent', 'vi')).toBe('—');
  });
});

describe('foldVietnamese', () => {
  it('drops tone and vowel marks and folds đ', () => {
    expect(foldVietnamese('Nguyễn Văn Đức')).toBe('nguyen van duc');
    expect(foldVietnamese('Hoà Bình')).toBe(foldVietnamese('Hòa Bình'));
  });
});

describe('chart axes and standards', () => {
  it('writes each percent tick with the decimals it has, so no two ticks read alike', () => {
    const ticks = [0, 0.5, 1, 1.5, 2, 2.5, 3].map((v) => formatAxisPercent(v, 'vi'));
    expect(ticks).toEqual(['0%', '0,5%', '1%', '1,5%', '2%', '2,5%', '3%']);
    expect(new Set(ticks).size).toBe(ticks.length);
    expect(formatAxisPercent(0.25, 'en')).toBe('0.25%');
  });
  it('names a national standard by its period', () => {
    expect(standardName('vn-2016-2020', 'vi')).toBe('quốc gia giai đoạn 2016–2020');
    expect(standardName('vn-2011-2015', 'en')).toBe('national, 2011–2015');
    expect(standardName('ca-mau-2016', 'vi')).toBe('ca-mau-2016');
    expect(standardName(null, 'vi')).toBe('—');
  });
});
