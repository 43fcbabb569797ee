/** Compact binary encoding of index shards: unsigned LEB128 varints and UTF-8 strings. */

export class Writer {
  private bytes: number[] = [];

  uint(value: number): void {
    if (!Number.isInteger(value) || value < 0) throw new Error(`varint out of range: ${value}`);
    let v = value;
    while (v >= 0x80) {
      this.bytes.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.bytes.push(v);
  }

  string(value: string): void {
    const encoded = new TextEncoder().encode(value);
    this.uint(encoded.length);
    for (const b of encoded) this.bytes.push(b);
  }

  get length(): number {
    return this.bytes.length;
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

const decoder = new TextDecoder();

export class Reader {
  readonly bytes: Uint8Array;
  pos: number;
  constructor(bytes: Uint8Array, pos = 0) {
    this.bytes = bytes;
    this.pos = pos;
  }

  get done(): boolean {
    return this.pos >= this.bytes.length;
  }

  uint(): number {
    let result = 0;
    let scale = 1;
    for (;;) {
      if (this.pos >= this.bytes.length) throw new Error('truncated varint');
      const b = this.bytes[this.pos++]!;
      result += (b & 0x7f) * scale;
      if (b < 0x80) return result;
      scale *= 0x80;
    }
  }

  string(): string {
    const length = this.uint();
    const end = this.pos + length;
    if (end > this.bytes.length) throw new Error('truncated string');
    const s = length <= SHORT_STRING ? decodeShort(this.bytes, this.pos, end) : null;
    const result = s ?? decoder.decode(this.bytes.subarray(this.pos, end));
    this.pos = end;
    return result;
  }
}

/**
 * Terms are a few characters long, and a shard holds hundreds of them: decoding them one by one here
 * costs a fraction of a TextDecoder call each (which was a fifth of a query's time on the real corpus).
 * Longer strings, and anything that is not well-formed UTF-8, go to TextDecoder.
 */
const SHORT_STRING = 24;

function decodeShort(bytes: Uint8Array, from: number, to: number): string | null {
  let s = '';
  let i = from;
  while (i < to) {
    const b0 = bytes[i]!;
    if (b0 < 0x80) {
      s += String.fromCharCode(b0);
      i += 1;
    } else if (b0 >= 0xc2 && b0 < 0xe0 && i + 1 < to) {
      const b1 = bytes[i + 1]!;
      if ((b1 & 0xc0) !== 0x80) return null;
      s += String.fromCharCode(((b0 & 0x1f) << 6) | (b1 & 0x3f));
      i += 2;
    } else if (b0 >= 0xe0 && b0 < 0xf0 && i + 2 < to) {
      // Three bytes: the BMP beyond U+07FF (kana, kanji, full-width forms).
      const b1 = bytes[i + 1]!;
      const b2 = bytes[i + 2]!;
      if ((b1 & 0xc0) !== 0x80 || (b2 & 0xc0) !== 0x80) return null;
      const cp = ((b0 & 0x0f) << 12) | ((b1 & 0x3f) << 6) | (b2 & 0x3f);
      if (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff)) return null;
      s += String.fromCharCode(cp);
      i += 3;
    } else return null;
  }
  return s;
}
