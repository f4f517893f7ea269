import { describe, expect, it } from 'vitest';
import { dictionaries, storedLang, storeLang, translate, translateOr, type Key } from '../src/i18n';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('dictionaries', () => {
  it('have the same keys in Vietnamese and English', () => {
    expect(Object.keys(dictionaries.en).sort()).toEqual(Object.keys(dictionaries.vi).sort());
  });
  it('have the same placeholders in both languages, and no empty phrase', () => {
    for (const key of Object.keys(dictionaries.vi) as Key[]) {
      expect(placeholders(dictionaries.en[key]), key).toEqual(placeholders(dictionaries.vi[key]));
      expect(dictionaries.vi[key].length, key).toBeGreaterThan(0);
      expect(dictionaries.en[key].length, key).toBeGreaterThan(0);
    }
  });
  it('name every target status in both languages', () => {
    for (const s of ['met', 'on_track', 'off_track', 'no_data']) {
      expect(translateOr('vi', `status.${s}`, '?')).not.toBe('?');
      expect(translateOr('en', `status.${s}`, '?')).not.toBe('?');
    }
  });
});

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('vi', 'dash.forecast', { year: 2018 })).toBe('Dự báo đạt năm 2018');
    expect(translate('en', 'hh.page', { page: 2, pages: 10 })).toBe('Page 2 of 10');
  });
  it('leaves a placeholder it was not given', () => {
    expect(translate('en', 'hh.page', { page: 2 })).toBe('Page 2 of {pages}');
  });
  it('falls back to the raw word for an unknown key', () => {
    expect(translateOr('vi', 'cat.unknown', 'unknown')).toBe('unknown');
  });
});

describe('stored language', () => {
  it('is Vietnamese by default and keeps the choice', () => {
    const store = new Map<string, string>();
    const storage = { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) };
    expect(storedLang(storage)).toBe('vi');
    storeLang(storage, 'en');
    expect(storedLang(storage)).toBe('en');
    storeLang(storage, 'vi');
    expect(storedLang(storage)).toBe('vi');
  });
  it('survives a storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(storedLang(broken)).toBe('vi');
    expect(() => storeLang(broken, 'en')).not.toThrow();
    expect(storedLang(undefined)).toBe('vi');
  });
});
