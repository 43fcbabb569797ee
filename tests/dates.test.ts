import { describe, expect, test } from 'vitest';
import {
  parseIsoDate,
  toIsoDate,
  formatDateJa,
  formatEraDate,
  daysBetween,
  todayInJapan,
  formatDateEn,
} from '../src/lib/dates.ts';

describe('parseIsoDate', () => {
  test.each([
    ['2019-07-23', true],
    ['2020-02-29', true],
    ['2019-02-29', false],
    ['2019-02-30', false],
    ['2019-13-01', false],
    ['2019-7-23', false],
    ['令和元年7月23日', false],
    ['', false],
  ])('%s → valid: %s', (input, valid) => {
    expect(parseIsoDate(input) !== null).toBe(valid);
  });
});

describe('toIsoDate', () => {
  test.each([
    [new Date(Date.UTC(2019, 6, 23)), '2019-07-23'],
    ['2019-07-18', '2019-07-18'],
    ['2019-02-30', null],
    [new Date('nope'), null],
    [20190723, null],
    [undefined, null],
  ])('%s → %s', (input, expected) => {
    expect(toIsoDate(input)).toBe(expected);
  });
});

describe('Japanese dates', () => {
  test.each([
    ['2019-07-23', '2019年7月23日', '令和元年7月23日'],
    ['2019-07-18', '2019年7月18日', '令和元年7月18日'],
    ['2019-04-30', '2019年4月30日', '平成31年4月30日'],
    ['2019-05-01', '2019年5月1日', '令和元年5月1日'],
    ['2015-12-02', '2015年12月2日', '平成27年12月2日'],
    ['2021-03-01', '2021年3月1日', '令和3年3月1日'],
  ])('%s → %s / %s', (iso, written, era) => {
    expect(formatDateJa(iso)).toBe(written);
    expect(formatEraDate(iso)).toBe(era);
  });

  test('refuses impossible dates rather than rolling them over', () => {
    expect(() => formatDateJa('2019-02-30')).toThrow(/2019-02-30/);
  });
});

test.each([
  ['2019-07-23', '2019-07-31', 8],
  ['2019-07-31', '2019-07-23', -8],
  ['2019-12-31', '2020-01-01', 1],
])('daysBetween(%s, %s) = %i', (from, to, days) => {
  expect(daysBetween(from, to)).toBe(days);
});

test('todayInJapan uses the Japanese calendar day', () => {
  // 2019-07-22 20:00 UTC is already 07-23 in Tokyo.
  expect(todayInJapan(new Date(Date.UTC(2019, 6, 22, 20)))).toBe('2019-07-23');
});

describe('formatDateEn', () => {
  test.each([
    ['2019-07-23', '23 July 2019'],
    ['2019-07-01', '1 July 2019'],
    ['2020-02-29', '29 February 2020'],
    ['2019-12-31', '31 December 2019'],
    ['1989-01-08', '8 January 1989'],
  ])('%s → %s', (iso, expected) => {
    expect(formatDateEn(iso)).toBe(expected);
  });

  test('refuses a date that does not exist', () => {
    expect(() => formatDateEn('2019-02-30')).toThrow();
  });
});
