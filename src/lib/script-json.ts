/**
 * JSON for an inline `<script>` (JSON-LD). `JSON.stringify` alone lets a title like
 * `</script><meta http-equiv=refresh …>` close the block and put markup into the page; here every `<`,
 * `>` and `&` is written as a `\uXXXX` escape (the same string to any JSON reader), and so are U+2028
 * and U+2029, which old JavaScript parsers take for line ends. Everything written into a `<script>`
 * goes through this function.
 */
const ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

export function jsonForScript(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('jsonForScript: the value has no JSON form');
  return json.replace(/[<>&\u2028\u2029]/g, (char) => ESCAPES[char]!);
}
