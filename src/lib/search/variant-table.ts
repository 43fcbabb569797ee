/**
 * The variant table the tokenizer, the normalizer and the highlighter use (variants.ts), held here so
 * that the browser's script does not carry it: the build ships the table in the index's manifest
 * (`Manifest.variants`), which the search page fetches before its first query and installs with
 * `useVariantTable`; Node code (the builder, the bench, the unit tests' setup file) installs
 * variants.ts's `VARIANT_TABLE` itself.
 */
import type { Concept, SpellingVariant } from './variants.ts';

export interface VariantTable {
  /** variants.ts `SPELLINGS`. */
  spellings: readonly SpellingVariant[];
  /** variants.ts `CONCEPTS`: the names, then the thesaurus. */
  concepts: readonly Concept[];
  /** Keys of the thesaurus's concepts (variants.ts `THESAURUS`). */
  thesaurus: readonly string[];
}

let current: VariantTable | null = null;

export function useVariantTable(table: VariantTable): void {
  current = table;
}

export function variantTable(): VariantTable {
  if (!current) throw new Error('search: no variant table installed (useVariantTable)');
  return current;
}

/** `make(table)`, computed once per installed table. */
export function perTable<T>(make: (table: VariantTable) => T): () => T {
  let from: VariantTable | null = null;
  let value: T;
  return () => {
    const table = variantTable();
    if (table !== from) {
      value = make(table);
      from = table;
    }
    return value;
  };
}
