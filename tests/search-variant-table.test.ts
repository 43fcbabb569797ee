/**
 * The variant table travels in the index's manifest, not in the search page's script (issue 28): the
 * page installs the manifest's table and then tokenizes and highlights exactly as the builder did.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { readContentUnits } from '../src/lib/search/content-units.ts';
import { buildSearchIndex } from '../src/lib/search/build.ts';
import { MANIFEST_FILE, type Manifest } from '../src/lib/search/index-format.ts';
import { parseQuery, textTerms } from '../src/lib/search/tokenize.ts';
import { highlight } from '../src/lib/search/snippet.ts';
import { useVariantTable, type VariantTable } from '../src/lib/search/variant-table.ts';
import { VARIANT_TABLE } from '../src/lib/search/variants.ts';
import { FIXTURE_ROOT, PROJECT_ROOT } from './helpers/project-copy.ts';

const EMPTY: VariantTable = { spellings: [], concepts: [], thesaurus: [] };

/** What the page gets: the manifest's bytes, parsed. */
function shippedTable(): VariantTable {
  const built = buildSearchIndex(readContentUnits(FIXTURE_ROOT).slice(0, 5));
  const manifest = JSON.parse(new TextDecoder().decode(built.files.get(MANIFEST_FILE))) as Manifest;
  return manifest.variants;
}

/** What the tokenizer and the highlighter make of a query, with the table installed now. */
function behaviour(query: string) {
  const parsed = parseQuery(query);
  return {
    parsed,
    terms: textTerms(query),
    highlighted: highlight(`${query}について`, parsed),
  };
}

afterEach(() => useVariantTable(VARIANT_TABLE));

describe('the variant table ships in the manifest', () => {
  test('the manifest carries variants.ts’s table', () => {
    expect(shippedTable()).toEqual(JSON.parse(JSON.stringify(VARIANT_TABLE)));
  });

  // A spelling, a name, a thesaurus word with a note, a thesaurus word inside a question.
  test.each(['漏洩', 'マイナカード 申請書の取りまとめ', '情報公開', '外注してもいいですか'])(
    '%s: as the builder tokenizes it once the page installs the shipped table, and not without a table',
    (query) => {
      const builder = behaviour(query);
      useVariantTable(shippedTable());
      expect(behaviour(query)).toEqual(builder);
      useVariantTable(EMPTY);
      expect(behaviour(query)).not.toEqual(builder);
    },
  );

  test('the search page’s script imports neither the table nor its notes', () => {
    // The page's module graph (value imports only: `import type` is erased).
    const seen = new Set<string>();
    const todo = ['page-ja.ts', 'page-en.ts'].map((f) => join(PROJECT_ROOT, 'src', 'lib', 'search', f));
    while (todo.length) {
      const file = todo.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      const code = readFileSync(file, 'utf8');
      for (const [, spec] of code.matchAll(/^import (?!type )[^;]*?from '(\.[^']+)';/gms))
        todo.push(join(dirname(file), spec!));
    }
    const names = [...seen].map((f) => f.slice(PROJECT_ROOT.length + 1));
    expect(names).toContain('src/lib/search/tokenize.ts');
    expect(names).not.toContain('src/lib/search/variants.ts');
    expect(names).not.toContain('src/lib/search/variants-notes.ts');
  });
});
