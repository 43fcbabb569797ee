/** WCAG 2.x contrast: parse CSS colours, compute relative luminance and contrast ratios. */

interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

/** Parses #rgb, #rgba, #rrggbb, #rrggbbaa, rgb()/rgba() (comma or space syntax), and a few keywords. */
export function parseColor(value: string): Rgba | null {
  const v = value.trim().toLowerCase();
  const keywords: Record<string, Rgba> = {
    white: { r: 255, g: 255, b: 255, a: 1 },
    black: { r: 0, g: 0, b: 0, a: 1 },
    transparent: { r: 0, g: 0, b: 0, a: 0 },
  };
  if (keywords[v]) return keywords[v];
  const hex = /^#([0-9a-f]{3,8})$/.exec(v);
  if (hex) {
    let h = hex[1]!;
    if (h.length === 3 || h.length === 4) h = [...h].map((c) => c + c).join('');
    if (h.length !== 6 && h.length !== 8) return null;
    const n = (i: number) => parseInt(h.slice(i, i + 2), 16);
    return { r: n(0), g: n(2), b: n(4), a: h.length === 8 ? n(6) / 255 : 1 };
  }
  const fn = /^rgba?\(([^)]+)\)$/.exec(v);
  if (fn) {
    const parts = fn[1]!.split(/[\s,/]+/).filter(Boolean);
    if (parts.length < 3) return null;
    const channel = (p: string) => (p.endsWith('%') ? (parseFloat(p) * 255) / 100 : parseFloat(p));
    const alpha =
      parts[3] === undefined ? 1 : parts[3].endsWith('%') ? parseFloat(parts[3]) / 100 : parseFloat(parts[3]);
    return { r: channel(parts[0]!), g: channel(parts[1]!), b: channel(parts[2]!), a: alpha };
  }
  return null;
}

/** Composites a (possibly translucent) colour over an opaque background. */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top.a;
  return {
    r: top.r * a + bottom.r * (1 - a),
    g: top.g * a + bottom.g * (1 - a),
    b: top.b * a + bottom.b * (1 - a),
    a: 1,
  };
}

function relativeLuminance({ r, g, b }: Rgba): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Contrast ratio between two colours (1–21). Translucent foregrounds are composited on the background. */
export function contrastRatio(foreground: Rgba | string, background: Rgba | string): number {
  const bg = typeof background === 'string' ? parseColor(background) : background;
  const fg0 = typeof foreground === 'string' ? parseColor(foreground) : foreground;
  if (!bg || !fg0) throw new Error(`cannot parse colour ${String(foreground)} / ${String(background)}`);
  const fg = fg0.a < 1 ? over(fg0, bg) : fg0;
  const [l1, l2] = [relativeLuminance(fg), relativeLuminance(bg)].sort((a, b) => b - a) as [number, number];
  return (l1 + 0.05) / (l2 + 0.05);
}

/** WCAG AA minimum for non-text contrast (1.4.11): badge borders, focus indicators. Text contrast is axe's. */
export const AA_NON_TEXT = 3;

interface BadgeColours {
  status: string;
  color: string;
  background: string;
}

/**
 * The custom properties a stylesheet sets on :root in a colour scheme: the plain :root rules, then for
 * 'dark' those inside `@media (prefers-color-scheme: dark)` over them.
 */
export function rootProperties(css: string, scheme: 'light' | 'dark' = 'light'): Map<string, string> {
  const props = new Map<string, string>();
  const take = (text: string) => {
    for (const rule of text.matchAll(/(?:^|[}\s]):root\s*\{([^}]*)\}/g))
      for (const decl of rule[1]!.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)) props.set(decl[1]!, decl[2]!.trim());
  };
  const dark = /@media\s*\(prefers-color-scheme:\s*dark\)\s*\{\s*:root\s*\{[^}]*\}\s*\}/g;
  take(css.replace(dark, ''));
  if (scheme === 'dark') for (const block of css.matchAll(dark)) take(block[0].replace(/^@media[^{]*\{/, ''));
  return props;
}

/** A value with its var(--x) references resolved from `props` (unknown names are left as written). */
function resolveVars(value: string, props: Map<string, string>): string {
  return value.replace(/var\((--[\w-]+)(?:\s*,\s*([^)]+))?\)/g, (whole, name: string, fallback?: string) =>
    props.has(name) ? resolveVars(props.get(name)!, props) : (fallback?.trim() ?? whole),
  );
}

/** The colour and background of each `.status-badge[data-status="…"]` rule in a stylesheet, in a colour scheme. */
export function badgeColourRules(css: string, scheme: 'light' | 'dark' = 'light'): BadgeColours[] {
  const props = rootProperties(css, scheme);
  const out: BadgeColours[] = [];
  for (const match of css.matchAll(/\.status-badge\[data-status=["']([a-z_]+)["']\][^{]*\{([^}]*)\}/g)) {
    const body = match[2]!;
    const color = /(?:^|;)\s*color:\s*([^;]+)/.exec(body)?.[1]?.trim();
    const background = /(?:^|;)\s*background(?:-color)?:\s*([^;]+)/.exec(body)?.[1]?.trim();
    if (color && background)
      out.push({ status: match[1]!, color: resolveVars(color, props), background: resolveVars(background, props) });
  }
  return out;
}
