/**
 * The demands collection lists content/letters three folders deep, which reaches the letter files
 * (content/letters/<letter>/letter.md) as well as the demand files. Decap's collection `filter` keeps
 * the entries whose field equals a value; no field of the files tells a demand from a letter that way,
 * so the demand format marks, in the browser only, each file that names its letter (`letter:`, which
 * only demands have), and takes the mark off again before it writes. Nothing reaches a file.
 */

/** The mark's field name (the collection's `filter.field` in config.yml). */
export const DEMAND_MARK = 'isDemandFile';

interface Format {
  fromFile(text: string): Record<string, unknown>;
  toFile(data: Record<string, unknown>): string;
}

/** `format`, with demand files marked on reading and the mark removed on writing. */
export function markDemands<F extends Format>(format: F): Format {
  return {
    fromFile(text) {
      const data = format.fromFile(text);
      return typeof data['letter'] === 'string' ? { ...data, [DEMAND_MARK]: true } : data;
    },
    toFile(data) {
      const { [DEMAND_MARK]: _mark, ...rest } = data;
      return format.toFile(rest);
    },
  };
}
