/**
 * The unit tests' setup: the search's variant table, installed as the search page installs it from the
 * index's manifest (src/lib/search/variant-table.ts), so a test may tokenize without building an index.
 */
import { useVariantTable } from '../src/lib/search/variant-table.ts';
import { VARIANT_TABLE } from '../src/lib/search/variants.ts';

useVariantTable(VARIANT_TABLE);
