/**
 * The index's binary encoding: what the builder writes, the browser reads back unchanged (varints,
 * and strings, which the reader decodes itself when short and by TextDecoder otherwise).
 */
import { describe, expect, test } from 'vitest';
import { Reader, Writer } from '../src/lib/search/codec.ts';

const roundTrip = (strings: string[]) => {
  const w = new Writer();
  for (const s of strings) w.string(s);
  const r = new Reader(w.finish());
  const out = strings.map(() => r.string());
  expect(r.done).toBe(true);
  return out;
};

describe('codec', () => {
  test('varints of every size', () => {
    const values = [0, 1, 127, 128, 255, 16_383, 16_384, 2 ** 21, 2 ** 31 - 1, 2 ** 32 + 5, Number.MAX_SAFE_INTEGER];
    const w = new Writer();
    for (const v of values) w.uint(v);
    const r = new Reader(w.finish());
    expect(values.map(() => r.uint())).toEqual(values);
    expect(() => new Writer().uint(-1)).toThrow();
    expect(() => new Reader(Uint8Array.of(0x80)).uint()).toThrow('truncated');
  });

  test('strings: ASCII, kana, kanji, 2-byte, astral, long, empty', () => {
    const strings = [
      '',
      'a',
      '#jlis',
      'マイナ',
      '漏えい',
      'ﾏｲ',
      'ａｂ',
      'é·ß',
      '\u0080\u07ff\u0800\uffff',
      '𠮷野家',
      '😀',
      'x'.repeat(40),
      '個人番号カード'.repeat(5),
    ];
    expect(roundTrip(strings)).toEqual(strings);
  });

  test('strings: random code points round-trip', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const strings: string[] = [];
    for (let i = 0; i < 3_000; i += 1) {
      let s = '';
      for (let j = 0; j < 1 + (i % 9); j += 1) s += String.fromCodePoint(Math.floor(random() * 0x2ffff));
      strings.push(s.toWellFormed());
    }
    expect(roundTrip(strings)).toEqual(strings);
  });

  test('malformed UTF-8 reads as TextDecoder reads it', () => {
    for (const bytes of [
      [0xe3, 0x81],
      [0xe3, 0x41, 0x41],
      [0xed, 0xa0, 0x80],
      [0xc0, 0xaf],
      [0xff],
      [0xf0, 0x9f, 0x98],
    ]) {
      const encoded = Uint8Array.from([bytes.length, ...bytes]);
      expect(new Reader(encoded).string()).toBe(new TextDecoder().decode(Uint8Array.from(bytes)));
    }
  });

  test('a string running past the end is an error', () => {
    expect(() => new Reader(Uint8Array.of(5, 0x61)).string()).toThrow('truncated');
  });
});
