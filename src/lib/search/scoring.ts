/**
 * lunr's BM25 weight, reproduced operation for operation (lunr 2.3.9, Builder#createFieldVectors and
 * lunr.idf), so the browser can compute the exact weight of a term in a document from the document's
 * text when it has not downloaded that term's posting for the document. Tests check it against lunr.
 *
 * Weights are carried as integers: lunr rounds every field weight to 3 decimals; we keep
 * Math.round(weight × 1000), and a term's impact in a document is the sum over its fields.
 */

/** lunr.idf: `documentsWithTerm` counts (document, field) pairs, as lunr does. */
export function lunrIdf(documentsWithTerm: number, documentCount: number): number {
  const x = (documentCount - documentsWithTerm + 0.5) / (documentsWithTerm + 0.5);
  return Math.log(1 + Math.abs(x));
}

/** One field's weight × 1000, rounded as lunr rounds it. */
export function fieldImpact(
  idf: number,
  tf: number,
  fieldLength: number,
  averageFieldLength: number,
  k1: number,
  b: number,
  fieldBoost: number,
  docBoost: number,
): number {
  let score = (idf * ((k1 + 1) * tf)) / (k1 * (1 - b + b * (fieldLength / averageFieldLength)) + tf);
  score *= fieldBoost;
  score *= docBoost;
  return Math.round(score * 1000);
}
