/**
 * The index's binary encoding: what the builder writes, the browser reads back unchanged (varints,
 * and strings, which the reader decodes itself when short and by TextDecoder otherwise).
 */
import { describe, expect, test } from 'vitest';
import { Reader, Writer } from '../src/lib/search/codec.ts';
import {
  decodeBlock,
  decodeBlock0,
  decodeShard,
  encodeBlock,
  encodeShard,
  encodeShardEntry,
  LayoutError,
  type ShardEntryInput,
} from '../src/lib/search/byte-layout.ts';

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

describe('shard and block layout (byte-layout.ts): what build.ts writes, engine.ts reads back', () => {
  test('random shards round-trip: terms, front coding across surrogate pairs, bounds, block 0, blocks', () => {
    let seed = 11;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const alphabet = ['a', 'か', '漏', '𠮷', '#', 'ﾏ', 'え'];
    for (let shard = 0; shard < 50; shard += 1) {
      const terms = [
        ...new Set(
          Array.from({ length: 1 + Math.floor(random() * 30) }, () =>
            Array.from({ length: 1 + Math.floor(random() * 4) }, () => alphabet[Math.floor(random() * 7)]).join(''),
          ),
        ),
      ].sort();
      const inputs: ShardEntryInput[] = terms.map((term) => {
        const n = 1 + Math.floor(random() * 70);
        const docs = [...new Set(Array.from({ length: n }, () => Math.floor(random() * 100_000)))].sort(
          (a, b) => a - b,
        );
        return {
          term,
          documentsWithTerm: Math.floor(random() * 1000),
          later: Array.from({ length: Math.floor(random() * 3) }, () => ({
            max: Math.floor(random() * 5000),
            first: Math.floor(random() * 100_000),
            count: 1 + Math.floor(random() * 2048),
          })),
          block0: { docs, imps: docs.map(() => Math.floor(random() * 30_000)) },
        };
      });
      const bytes = encodeShard(inputs.map((e, i) => encodeShardEntry(e, i > 0 ? inputs[i - 1]!.term : '')));
      const read = decodeShard(bytes);
      expect([...read.keys()]).toEqual(terms);
      inputs.forEach((input, ordinal) => {
        const entry = read.get(input.term)!;
        expect(entry.ordinal).toBe(ordinal);
        expect(entry.documentsWithTerm).toBe(input.documentsWithTerm);
        expect(entry.later).toEqual(input.later);
        const block0 = decodeBlock0(entry);
        expect([...block0.docs]).toEqual(input.block0.docs);
        expect([...block0.imps]).toEqual(input.block0.imps);
        const block = decodeBlock(encodeBlock(input.block0.docs, input.block0.imps));
        expect([...block.docs]).toEqual(input.block0.docs);
      });
    }
  });

  test('a damaged shard or block is a LayoutError or a truncation, never a wrong read', () => {
    const entry = encodeShardEntry(
      { term: '漏え', documentsWithTerm: 3, later: [], block0: { docs: [1, 5], imps: [9, 8] } },
      '',
    );
    const good = encodeShard([entry]);
    expect(() => decodeShard(Uint8Array.of(2, ...good.subarray(1)))).toThrow(LayoutError);
    expect(() => decodeShard(Uint8Array.from([...good, 0]))).toThrow(LayoutError);
    expect(() => decodeShard(good.subarray(0, good.length - 1))).toThrow('truncated');
    expect(() => decodeBlock(Uint8Array.of(1, 2, 3, 4))).toThrow(LayoutError);
  });
});
