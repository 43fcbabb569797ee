/**
 * Generated search queries for property tests: random substrings of the indexed texts, random mixes of
 * words, single characters, long queries and mixed-script ones. Seeded, so a failure can be replayed
 * (SEARCH_SEED=<seed>).
 */
import { CONCEPTS, SPELLINGS } from '../../../src/lib/search/variants.ts';
import type { SearchUnit } from '../../../src/lib/search/units.ts';

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The seed: SEARCH_SEED when set (to replay a failure), else a new one each run. */
export function propertySeed(): number {
  const fromEnv = Number(process.env.SEARCH_SEED);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : 1 + Math.floor(Math.random() * 2 ** 31);
}

type QueryKind = 'substring' | 'words' | 'single' | 'long' | 'mixed';

export function generateQueries(
  units: readonly SearchUnit[],
  count: number,
  seed: number,
): { q: string; kind: QueryKind }[] {
  const random = mulberry32(seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  const texts = units.map((u) => Array.from(`${u.fields.title}\n${u.fields.body}\n${u.fields.meta}`));
  const piece = (min: number, max: number) => {
    const chars = pick(texts);
    const length = min + int(max - min + 1);
    const start = int(Math.max(1, chars.length - length));
    return chars.slice(start, start + length).join('');
  };
  const aliases = [...CONCEPTS.flatMap((c) => c.aliases), ...SPELLINGS.flatMap((s) => [s.canonical, ...s.variants])];
  const foreign = [
    'JLIS',
    'J-LIS',
    'ＪＬＩＳ',
    'ﾏｲﾅﾝﾊﾞｰ',
    'my number',
    'PPC',
    '2019',
    '２０１９',
    'é',
    '😀',
    'ゼブラ',
    '𠮷',
  ];
  const separators = [' ', '　', '・', '、', '-', ' '];
  const kinds: QueryKind[] = ['substring', 'words', 'single', 'long', 'mixed'];
  const out: { q: string; kind: QueryKind }[] = [];
  for (let i = 0; i < count; i += 1) {
    const kind = kinds[i % kinds.length]!;
    let q: string;
    if (kind === 'substring') q = piece(1, 14);
    else if (kind === 'words')
      q = Array.from({ length: 2 + int(3) }, () => (random() < 0.2 ? pick(aliases) : piece(1, 6))).join(' ');
    else if (kind === 'single') q = random() < 0.8 ? piece(1, 1) : String.fromCodePoint(0x3041 + int(0x9fa0 - 0x3041));
    else if (kind === 'long') q = piece(30, 260);
    else
      q = Array.from({ length: 2 + int(4) }, () =>
        random() < 0.4 ? pick(foreign) : random() < 0.5 ? pick(aliases) : piece(1, 5),
      ).join(pick(separators));
    out.push({ q, kind });
  }
  return out;
}
