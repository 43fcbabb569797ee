/**
 * The one place that reads lunr's internals. lunr's public API builds an index and answers queries
 * with scores; the split index needs the weights themselves (each term's BM25 weight in each field of
 * each document) and the field lengths behind them. lunr 2.3 keeps them in `Index#invertedIndex`,
 * `Index#fieldVectors`, `Builder#fieldLengths` and `Builder#averageFieldLength`, none of them
 * documented. `lunrPostings` checks that they look as expected and fails with a clear message on a
 * lunr whose internals differ; tests/search-lunr-adapter.test.ts checks its figures against weights
 * recomputed from the texts, so an upgrade that changes their meaning fails there too.
 */
import lunr from 'lunr';
import { FIELDS, type FieldName } from './format.ts';

export interface LunrInput {
  /** Indexed fields per document (document numbers are positions). */
  fields: Record<FieldName, string>;
  /** lunr's document boost. */
  boost: number;
}

export interface LunrSettings {
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

export interface LunrWeights {
  /** lunr's own index, for comparisons through its public query API. */
  index: lunr.Index;
  /** Terms in ascending order, each with at least one posting. */
  terms: TermPostings[];
  /** fieldLengths[doc][f]: terms in field FIELDS[f] of doc, as lunr counted them. */
  fieldLengths: number[][];
  averageFieldLength: Record<FieldName, number>;
}

function internal<T>(value: T | undefined, what: string): T {
  if (value === undefined || value === null)
    throw new Error(
      `lunr ${lunr.version}: ${what} not found. src/lib/search/lunr-adapter.ts reads lunr 2.3's internals; check it against this version.`,
    );
  return value;
}

/** Builds lunr's index over the documents and reads back its weights. */
export function lunrPostings(docs: readonly LunrInput[], settings: LunrSettings): LunrWeights {
  const builder = new lunr.Builder();
  builder.ref('ref');
  for (const field of FIELDS) builder.field(field, { boost: settings.fieldBoosts[field] });
  builder.k1(settings.k1);
  builder.b(settings.b);
  // Our tokenizer does all the text processing; lunr's pipeline stays empty and no metadata is kept,
  // so Builder#add only uses each token as a property key: plain strings do that without a lunr.Token
  // per n-gram (a third of the build at 1,000 letters).
  (builder as unknown as { tokenizer: (value: unknown) => string[] }).tokenizer = (value: unknown) =>
    settings.tokenize(value == null ? '' : String(value));
  builder.metadataWhitelist = [];
  if (builder.pipeline.toJSON().length > 0) throw new Error('the search index expects an empty lunr pipeline');
  docs.forEach((doc, i) => builder.add({ ref: String(i), ...doc.fields }, { boost: doc.boost }));
  const index = builder.build();

  const privateBuilder = builder as unknown as {
    fieldLengths?: Record<string, number>;
    averageFieldLength?: Record<string, number>;
  };
  const privateIndex = index as unknown as {
    invertedIndex?: Record<string, Record<string, object> & { _index: number }>;
    fieldVectors?: Record<string, { elements?: number[] }>;
  };
  const invertedIndex = internal(privateIndex.invertedIndex, 'Index#invertedIndex');
  const fieldVectors = internal(privateIndex.fieldVectors, 'Index#fieldVectors');
  const lengths = internal(privateBuilder.fieldLengths, 'Builder#fieldLengths');
  const averages = internal(privateBuilder.averageFieldLength, 'Builder#averageFieldLength');

  const byIndex: TermPostings[] = [];
  for (const [term, posting] of Object.entries(invertedIndex)) {
    let documentsWithTerm = 0;
    for (const field of FIELDS)
      documentsWithTerm += Object.keys(internal(posting[field], `posting field ${field}`)).length;
    byIndex[internal(posting._index, 'posting _index')] = { term, documentsWithTerm, docs: [], imps: [] };
  }
  // A field vector holds (term index, weight) pairs; a term's impact in a document sums its fields.
  const perDoc: Map<number, number>[] = docs.map(() => new Map());
  for (const [fieldRef, vector] of Object.entries(fieldVectors)) {
    const impacts = internal(perDoc[Number(fieldRef.slice(fieldRef.indexOf('/') + 1))], `document of ${fieldRef}`);
    const el = internal(vector.elements, 'Vector#elements');
    for (let i = 0; i < el.length; i += 2)
      impacts.set(el[i]!, (impacts.get(el[i]!) ?? 0) + Math.round(el[i + 1]! * 1000));
  }
  perDoc.forEach((impacts, doc) => {
    for (const [termIndex, imp] of impacts) {
      const p = internal(byIndex[termIndex], `term ${termIndex}`);
      p.docs.push(doc);
      p.imps.push(imp);
    }
    impacts.clear();
  });
  const terms = byIndex
    .filter((p) => p && p.docs.length > 0)
    .sort((x, y) => (x.term < y.term ? -1 : x.term > y.term ? 1 : 0));
  const averageFieldLength = {} as Record<FieldName, number>;
  for (const f of FIELDS) averageFieldLength[f] = Number.isFinite(averages[f]) ? averages[f]! : 0;
  return {
    index,
    terms,
    fieldLengths: docs.map((_, doc) => FIELDS.map((f) => lengths[`${f}/${doc}`] ?? 0)),
    averageFieldLength,
  };
}
