/** Intl.Segmenter's Japanese words, for the bench's tokenization comparison (Scheme.segmenter). */
let segmenter: Intl.Segmenter | null = null;

export function segmentWords(text: string): string[] {
  segmenter ??= new Intl.Segmenter('ja', { granularity: 'word' });
  const words: string[] = [];
  for (const s of segmenter.segment(text)) if (s.isWordLike) words.push(s.segment);
  return words;
}
