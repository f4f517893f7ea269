import { describe, expect, it } from 'vitest';
import { sparklinePath } from '../src/sparkline';
import { formatGoal, formatTargetValue, noteFor, statusColor } from '../src/targets';
import { normalizeTransitions } from '../src/transitions';
import { featureCode } from '../src/geo';
import { apiUrl } from '../src/api';

describe('sparklinePath', () => {
  it('draws from the first year at the left to the last at the right, higher values higher up', () => {
    const d = sparklinePath(
      [
        { year: 2010, value: 10 },
        { year: 2011, value: 5 },
        { year: 2012, value: 0 },
      ],
      100,
      20,
      0,
    );
    expect(d).toBe('M0 0 L50 10 L100 20');
  });
  it('breaks the line at a missing year', () => {
    const d = sparklinePath(
      [
        { year: 2010, value: 1 },
        { year: 2011, value: null },
        { year: 2012, value: 2 },
      ],
      100,
      20,
      0,
    );
    expect(d.match(/M/g)?.length).toBe(2);
    expect(d).not.toContain('L');
  });
  it('is empty without values and flat for a constant series', () => {
    expect(sparklinePath([{ year: 2010, value: null }], 100, 20)).toBe('');
    expect(sparklinePath([{ year: 2010, value: 3 }, { year: 2011, value: 3 }], 100, 20, 0)).toBe('M0 10 L100 10');
  });
});

describe('targets', () => {
  it('writes the goal by kind', () => {
    expect(formatGoal('at_least', 100, 'vi')).toBe('≥ 100');
    expect(formatGoal('range', { min: 32000, max: 35000 }, 'vi')).toBe('32.000–35.000');
    expect(formatGoal('range', { min: 32000, max: 35000 }, 'en')).toBe('32,000–35,000');
    expect(formatGoal('zero', null, 'vi')).toBe('= 0');
    expect(formatGoal('average_reduction', 2, 'vi')).toBe('giảm ≥ 2 điểm %/năm');
  });
  it("writes the server's goal numbers in the screen's language", () => {
    expect(formatGoal('at_most', { op: '<', value: 10 }, 'vi', '%')).toBe('< 10%');
    expect(formatGoal('at_least', { op: '≥', value: 2.5 }, 'vi')).toBe('≥ 2,50');
    expect(formatGoal('at_least', { op: '≥', value: 32000 }, 'en')).toBe('≥ 32,000');
    expect(formatGoal('average_reduction', { op: '≥', value: 2 }, 'en')).toBe('down ≥ 2 points a year');
    expect(formatGoal('zero', { op: '=', value: 0 }, 'vi')).toBe('= 0');
    expect(formatGoal('range', { min: 32000, max: 35000 }, 'vi')).toBe('32.000–35.000');
  });
  it("reads the server's goal text back and writes it in the screen's language", () => {
    expect(formatGoal('at_least', '≥ 100', 'vi', '%')).toBe('≥ 100%');
    expect(formatGoal('at_most', '< 10', 'en', '%')).toBe('< 10%');
    expect(formatGoal('range', '32.000–35.000', 'vi')).toBe('32.000–35.000');
    expect(formatGoal('range', '32.000–35.000', 'en')).toBe('32,000–35,000');
    expect(formatGoal('at_least', '≥ 2,5', 'en')).toBe('≥ 2.50');
    expect(formatGoal('average_reduction', '≥ 2/năm/year', 'vi')).toBe('giảm ≥ 2 điểm %/năm');
    expect(formatGoal('average_reduction', '≥ 2/năm/year', 'en')).toBe('down ≥ 2 points a year');
    expect(formatGoal('zero', '0', 'vi')).toBe('= 0');
    expect(formatGoal('provincial_line', '> 1 × chuẩn quốc gia/national', 'vi')).toBe('> 1 × chuẩn quốc gia');
    expect(formatGoal('provincial_line', '> 1 × chuẩn quốc gia/national', 'en')).toBe('> 1 × the national line');
    expect(formatGoal('at_least', 'một nửa', 'vi')).toBe('một nửa');
  });
  it('formats values with sensible decimals', () => {
    expect(formatTargetValue(95.85448, 'vi')).toBe('95,85');
    expect(formatTargetValue(100, 'vi')).toBe('100');
    expect(formatTargetValue(32000, 'vi')).toBe('32.000');
    expect(formatTargetValue(null, 'en')).toBe('—');
  });
  it('picks the note of the language', () => {
    const t = { note: 'cần hồ sơ chương trình việc làm / needs job-program records' };
    expect(noteFor(t, 'vi')).toBe('cần hồ sơ chương trình việc làm');
    expect(noteFor(t, 'en')).toBe('needs job-program records');
    expect(noteFor({ note: null }, 'vi')).toBeNull();
    expect(noteFor({ note: 'x / y', note_en: 'own' }, 'en')).toBe('own');
  });
  it('colours each status differently', () => {
    const colors = ['met', 'on_track', 'off_track', 'no_data'].map(statusColor);
    expect(new Set(colors).size).toBe(4);
    expect(statusColor('weird')).toBe(statusColor('no_data'));
  });
});

describe('normalizeTransitions', () => {
  it('reads a nested matrix with totals', () => {
    const m = normalizeTransitions({
      from: 2013,
      to: 2014,
      matrix: { poor: { poor: 104, near_poor: 12, other: 88 }, new: { poor: 3 } },
      totals: { escaped: 100, newly_poor: 11, repoor: 2 },
    });
    expect(m.counts.poor.other).toBe(88);
    expect(m.counts.new.poor).toBe(3);
    expect([m.from, m.to, m.escaped, m.newly_poor, m.repoor]).toEqual([2013, 2014, 100, 11, 2]);
  });
  it('reads a list of cells as the command line writes it', () => {
    const m = normalizeTransitions([
      { from: 2013, to: 2014, from_state: 'poor', to_state: 'other', households: 88 },
      { from: 2013, to: 2014, from_state: 'poor', to_state: 'near_poor', households: 12 },
      { from: 2013, to: 2014, from_state: 'poor', to_state: 'poor', households: 104 },
    ]);
    expect(m.counts.poor.near_poor).toBe(12);
    expect(m.escaped).toBe(100);
    expect(m.from).toBe(2013);
  });
  it('reads a square matrix with its states', () => {
    const m = normalizeTransitions({ states: ['poor', 'other'], matrix: [[1, 2], [3, 4]], escaped: 2 });
    expect(m.counts.other.poor).toBe(3);
    expect(m.escaped).toBe(2);
  });
});

describe('helpers', () => {
  it('finds the GSO code of a map feature', () => {
    expect(featureCode({ district_code: '964', district_name: 'Thành phố Cà Mau' })).toBe('964');
    expect(featureCode({ code: 966 })).toBe('966');
    expect(featureCode({})).toBe('');
  });
  it('builds API addresses without empty parameters', () => {
    expect(apiUrl('/units/96/indicators', { year: 2014, q: '', x: undefined })).toBe('/api/v1/units/96/indicators?year=2014');
    expect(apiUrl('/households', { q: 'nguyễn văn' })).toBe('/api/v1/households?q=nguy%E1%BB%85n+v%C4%83n');
  });
});

describe('the server shapes (docs/api.md)', () => {
  it('shows a goal the server wrote as text', () => {
    expect(formatGoal('at_least', '≥ 100', 'vi')).toBe('≥ 100');
    expect(formatGoal('range', '', 'en')).toBe('—');
  });
  it('takes note_vi in Vietnamese and note in English', () => {
    const t = { note: 'needs job-program records', note_vi: 'cần hồ sơ chương trình việc làm' };
    expect(noteFor(t, 'vi')).toBe('cần hồ sơ chương trình việc làm');
    expect(noteFor(t, 'en')).toBe('needs job-program records');
  });
  it('reads a matrix whose rows and columns name their states', () => {
    const m = normalizeTransitions({
      from: 2015,
      to: 2016,
      from_states: ['poor', 'near_poor', 'middle', 'other', 'new'],
      to_states: ['poor', 'near_poor', 'middle', 'other', 'left'],
      matrix: [
        [10, 2, 0, 5, 1],
        [1, 3, 0, 4, 0],
        [0, 0, 0, 0, 0],
        [2, 1, 0, 90, 3],
        [4, 0, 0, 6, 0],
      ],
      totals: { escaped: 7, newly_poor: 3, repoor: null },
    });
    expect(m.counts.new.poor).toBe(4);
    expect(m.counts.poor.left).toBe(1);
    expect(m.counts.other.other).toBe(90);
    expect([m.escaped, m.newly_poor, m.repoor]).toEqual([7, 3, null]);
  });
});
