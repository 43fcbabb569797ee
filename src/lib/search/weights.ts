/**
 * The index's weights: lunr's BM25 (scoring.ts, lunr 2.3.9's formula, idf and rounding, operation for
 * operation), for every term of every field of every document, and the field lengths behind them.
 *
 * Computed here rather than read out of a lunr.Builder. Measured at 1,000 letters (17,036 units, 6 M
 * postings): lunr.Builder took 45–57 s of an 88 s site build, a third of it garbage collection, as
 * Builder#add keeps an object per posting; this takes a few seconds, and it needs no lunr internals
 * (the old adapter read four undocumented properties). tests/search-engine.test.ts checks these
 * weights against the reference (scripts/lib/bench/search-reference.ts), and the reference's scores
 * against lunr.Index#query, lunr's public API.
 */
import { fieldImpact, lunrIdf } from './scoring.ts';
import { FIELDS, type FieldName } from './index-format.ts';

interface WeightInput {
  /** Indexed fields per document (document numbers are positions); a missing field is empty. */
  fields: { readonly [F in FieldName]?: string | undefined };
  /** lunr's document boost. */
  boost: number;
}

interface WeightSettings {
  tokenize: (text: string) => string[];
  fieldBoosts: Record<FieldName, number>;
  k1: number;
  b: number;
}

/** A term's postings: documents ascending, impact = lunr's weight × 1000, rounded, summed over fields. */
export interface TermPostings {
  term: string;
  /** (document, field) pairs holding the term: lunr's idf input. */
  documentsWithTerm: number;
  docs: number[];
  imps: number[];
}

export interface Weights {
  /** Terms in ascending order, each with at least one posting. */
  terms: TermPostings[];
  /** fieldLengths[doc][f]: terms in field FIELDS[f] of doc, as lunr counts them. */
  fieldLengths: number[][];
  /** As lunr averages them: over every document, empty fields included. */
  averageFieldLength: Record<FieldName, number>;
}

/** One field of one document: its distinct terms (by number) and how often each occurs. */
interface FieldCounts {
  ids: number[];
  tfs: number[];
}

export function bm25Weights(docs: readonly WeightInput[], settings: WeightSettings): Weights {
  const termNumber = new Map<string, number>();
  const names: string[] = [];
  const documentsWithTerm: number[] = [];
  const counted: FieldCounts[][] = [];
  const fieldLengths: number[][] = [];
  const totals = FIELDS.map(() => 0);

  // Pass 1: term counts per field, (document, field) pairs per term, field lengths.
  for (const doc of docs) {
    const fields: FieldCounts[] = [];
    const lengths: number[] = [];
    FIELDS.forEach((field, f) => {
      const tf = new Map<number, number>();
      const tokens = settings.tokenize(doc.fields[field] ?? '');
      for (const token of tokens) {
        let id = termNumber.get(token);
        if (id === undefined) {
          id = names.length;
          termNumber.set(token, id);
          names.push(token);
          documentsWithTerm.push(0);
        }
        tf.set(id, (tf.get(id) ?? 0) + 1);
      }
      for (const id of tf.keys()) documentsWithTerm[id]! += 1;
      fields.push({ ids: [...tf.keys()], tfs: [...tf.values()] });
      lengths.push(tokens.length);
      totals[f]! += tokens.length;
    });
    counted.push(fields);
    fieldLengths.push(lengths);
  }
  const averageFieldLength = {} as Record<FieldName, number>;
  FIELDS.forEach((field, f) => (averageFieldLength[field] = docs.length ? totals[f]! / docs.length : 0));
  const idf = documentsWithTerm.map((n) => lunrIdf(n, docs.length));

  // Pass 2: each document's impact per term, summed over its fields, appended in document order.
  const postings = names.map((): { docs: number[]; imps: number[] } => ({ docs: [], imps: [] }));
  const impacts = new Map<number, number>();
  counted.forEach((fields, d) => {
    fields.forEach(({ ids, tfs }, f) => {
      const field = FIELDS[f]!;
      const boost = settings.fieldBoosts[field] || 1;
      for (let i = 0; i < ids.length; i += 1) {
        const id = ids[i]!;
        const impact = fieldImpact(
          idf[id]!,
          tfs[i]!,
          fieldLengths[d]![f]!,
          averageFieldLength[field],
          settings.k1,
          settings.b,
          boost,
          docs[d]!.boost || 1,
        );
        impacts.set(id, (impacts.get(id) ?? 0) + impact);
      }
    });
    for (const [id, impact] of impacts) {
      postings[id]!.docs.push(d);
      postings[id]!.imps.push(impact);
    }
    impacts.clear();
  });

  const terms = names
    .map((term, id) => ({ term, documentsWithTerm: documentsWithTerm[id]!, ...postings[id]! }))
    .sort((x, y) => (x.term < y.term ? -1 : x.term > y.term ? 1 : 0));
  return { terms, fieldLengths, averageFieldLength };
}
