/** Helpers to compare published text with source text regardless of layout. */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/** Visible text of an HTML document: scripts, styles and tags removed, entities decoded. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|template)\b[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<head\b[\s\S]*?<\/head>/i, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z0-9]+);/gi, (whole, name: string) => {
      if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
      if (name.startsWith('#') && /^#\d+$/.test(name)) return String.fromCodePoint(Number(name.slice(1)));
      return ENTITIES[name.toLowerCase()] ?? whole;
    });
}

/** Layout-free form for comparison: no whitespace (ASCII or ideographic), one width of parentheses. */
export function layoutFree(text: string): string {
  return text.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

/**
 * Source segments to look for on the site: the Markdown-ish seed split into lines and sentences,
 * with list markers and emphasis removed.
 */
export function sourceSegments(source: string): string[] {
  return source
    .split('\n')
    .map((line) =>
      line
        .replace(/^\s*#+\s*/, '')
        .replace(/^\s*-\s+/, '')
        .replace(/\*\*/g, ''),
    )
    .flatMap((line) => line.split(/(?<=。)/))
    .map(layoutFree)
    .filter((segment) => segment.length > 0);
}
