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
    const s = decoder.decode(this.bytes.subarray(this.pos, this.pos + length));
    this.pos += length;
    return s;
  }
}
