/**
 * Bodies are text with a few components. Each Markdown or MDX body is parsed by the same parser the
 * build uses (satteri, under @astrojs/mdx and Astro's Markdown), and the parsed tree (mdast) is checked:
 * - no raw HTML in Markdown (a `<meta http-equiv=refresh>` or a look-alike `<a>` must never reach readers);
 * - in MDX, only the site's components (src/components/mdx/, documented in /guide/) with literal
 *   attributes: quoted strings, and plain numbers where a component takes a number. Expressions
 *   (`{…}` as children or in attributes), spreads, imports and exports are refused: organizers write
 *   text, not code, and the build would run them;
 * - links only http, https, mailto and same-site, reference definitions included; images only from
 *   the site itself (url-rules.ts);
 * - every text, address and title in the tree passes the character rule (a `&#x202E;` reference
 *   becomes the character only once parsed).
 */
import { markdownToMdast, mdxToMdast, type MdastNode } from 'satteri';
import { characterProblem } from './text-rules.ts';
import { bodyImageProblem, bodyLinkProblem, linkTextProblem, sourceUrlProblem } from './url-rules.ts';

type PropKind = 'text' | 'number' | 'url' | 'slug';

/** The MDX components organizers may use, with their attributes (src/components/mdx/*.astro Props). */
const MDX_COMPONENT_PROPS = {
  Quote: { source: { kind: 'text', required: true }, url: { kind: 'url', required: true } },
  Article: { number: { kind: 'number', required: true }, reference: { kind: 'slug', required: false } },
} as const satisfies Record<string, Record<string, { kind: PropKind; required: boolean }>>;

/** Names of the MDX components organizers may use in `.mdx` bodies. */
export const MDX_COMPONENTS = Object.keys(MDX_COMPONENT_PROPS) as (keyof typeof MDX_COMPONENT_PROPS)[];

interface BodyProblem {
  /** 1-based line in the file. */
  line: number | undefined;
  message: string;
}

interface Node {
  type: string;
  position?: { start: { line: number } } | undefined;
  children?: Node[];
  value?: unknown;
  url?: string;
  alt?: string | null;
  title?: string | null;
  name?: string | null;
  identifier?: string;
  attributes?: { type: string; name?: string; value?: unknown }[];
}

const COMPONENT_LIST = MDX_COMPONENTS.join('、');

/** The plain text of a node (a link's visible words). */
const textOf = (node: Node): string =>
  typeof node.value === 'string' ? node.value : (node.children ?? []).map(textOf).join('');

function attributeProblem(component: string, attribute: { type: string; name?: string; value?: unknown }): string | null {
  const props = MDX_COMPONENT_PROPS[component as keyof typeof MDX_COMPONENT_PROPS] as Record<
    string,
    { kind: PropKind; required: boolean }
  >;
  if (attribute.type !== 'mdxJsxAttribute' || !attribute.name)
    return `部品 <${component}> に「{…}」の書き方は使えません。属性は 名前="値" の形で書きます`;
  const prop = props[attribute.name];
  if (!prop)
    return `部品 <${component}> に属性 ${attribute.name} はありません。使える属性：${Object.keys(props).join('、')}`;
  const value = attribute.value;
  if (prop.kind === 'number') {
    const literal =
      value && typeof value === 'object' && 'value' in value ? String((value as { value: unknown }).value) : null;
    if (literal === null || !/^\s*[1-9][0-9]{0,5}\s*$/.test(literal))
      return `部品 <${component}> の ${attribute.name} は数だけを ${attribute.name}={9} の形で書きます（式は書けません）`;
    return null;
  }
  if (typeof value !== 'string')
    return `部品 <${component}> の ${attribute.name} は ${attribute.name}="…" の形で、引用符で囲んで書きます（式は書けません）`;
  const bad = characterProblem(value);
  if (bad) return bad.message;
  if (prop.kind === 'url') return sourceUrlProblem(value);
  if (prop.kind === 'slug' && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(value))
    return `部品 <${component}> の ${attribute.name} は content/references にあるファイル名（半角の小文字・数字と「-」）を書きます`;
  return null;
}

function nodeProblem(node: Node, mdx: boolean, definitions: Map<string, string>): string | null {
  switch (node.type) {
    case 'html':
      return mdx
        ? `本文に HTML は書けません。使える部品：${COMPONENT_LIST}（/guide/ を見てください）`
        : `本文に HTML（${/^<\/?(!--|[A-Za-z][\w-]*)/.exec(String(node.value))?.[0]?.replace('</', '<') ?? '<'}>）は書けません。Markdown で書いてください（リンクは [文字](https://…)）。部品を使うときはファイルを .mdx にします`;
    case 'mdxjsEsm': {
      const word = /^\s*(import|export)/.exec(String(node.value))?.[1] ?? 'import';
      return `本文に ${word} の行は書けません。部品（${COMPONENT_LIST}）は import なしで使えます`;
    }
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      return '本文に「{」は書けません（MDX では式になり、サイトを作るときに実行されます）。全角の「｛」を使ってください';
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      const name = node.name ?? '';
      if (!(MDX_COMPONENTS as string[]).includes(name))
        return `本文に HTML やこのサイトにない部品（<${name}>）は書けません。使える部品：${COMPONENT_LIST}（/guide/ を見てください）`;
      for (const attribute of node.attributes ?? []) {
        const problem = attributeProblem(name, attribute);
        if (problem) return problem;
      }
      const props = MDX_COMPONENT_PROPS[name as keyof typeof MDX_COMPONENT_PROPS] as Record<string, { required: boolean }>;
      const missing = Object.keys(props).find(
        (prop) => props[prop]!.required && !(node.attributes ?? []).some((a) => a.name === prop),
      );
      return missing ? `部品 <${name}> には属性 ${missing} が必要です` : null;
    }
    case 'link':
      return (
        bodyLinkProblem(node.url ?? '') ??
        characterProblem(node.url ?? '')?.message ??
        linkTextProblem(textOf(node), node.url ?? '')
      );
    case 'definition':
      return bodyLinkProblem(node.url ?? '') ?? characterProblem(node.url ?? '')?.message ?? null;
    case 'image':
      return bodyImageProblem(node.url ?? '');
    case 'imageReference': {
      const url = definitions.get(node.identifier ?? '');
      return url === undefined ? null : bodyImageProblem(url);
    }
    case 'text':
      return typeof node.value === 'string' ? (characterProblem(node.value)?.message ?? null) : null;
    default:
      return null;
  }
}

/**
 * The first problem of a Markdown (`.md`) or MDX (`.mdx`) body, if any. `source` is the whole file
 * with its frontmatter blanked out (as the build hands it to the MDX compiler), so lines are the file's.
 */
export function bodyProblem(source: string, extension: string): BodyProblem | null {
  return inspectBody(source, extension).problem;
}

/** An <Article> in a body: the article it links to (checked across files by the rule book). */
export interface ArticleLink {
  /** Reference id, when the component names one (else the default reference). */
  reference: string | undefined;
  number: number;
  /** 1-based line in the file. */
  line: number | undefined;
}

/** A body's first problem, and the articles its <Article> components link to (when it has none). */
export function inspectBody(source: string, extension: string): { problem: BodyProblem | null; articles: ArticleLink[] } {
  const { problem, tree } = findBodyProblem(source, extension);
  return { problem, articles: problem || !tree ? [] : articleLinks(tree) };
}

function articleLinks(tree: Node): ArticleLink[] {
  const links: ArticleLink[] = [];
  const visit = (node: Node): void => {
    if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'Article') {
      const attribute = (name: string) => node.attributes?.find((a) => a.name === name)?.value;
      const reference = attribute('reference');
      const number = attribute('number');
      links.push({
        reference: typeof reference === 'string' ? reference : undefined,
        number: Number(number && typeof number === 'object' ? (number as { value: unknown }).value : number),
        line: node.position?.start.line,
      });
    }
    node.children?.forEach(visit);
  };
  visit(tree);
  return links;
}

function findBodyProblem(source: string, extension: string): { problem: BodyProblem | null; tree?: Node } {
  const mdx = extension === '.mdx';
  let tree: MdastNode;
  try {
    tree = (mdx ? mdxToMdast : markdownToMdast)(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = /^(\d+):\d+/.exec(message)?.[1];
    const hint = /closing tag|end of file|unexpected end/i.test(message)
      ? '部品の閉じタグ（</Quote> など）がないか、「<」で始まる部品の書き方が途中で終わっています'
      : /expression/i.test(message)
        ? '「{」から始まる書き方は使えません。全角の「｛」を使ってください'
        : '部品（<Quote …>…</Quote> など）や記号の書き方を確かめてください';
    return { problem: { line: line ? Number(line) : undefined, message: `本文を読めません：${hint}` } };
  }
  const root = tree as unknown as Node;
  const definitions = new Map<string, string>();
  const walk = (node: Node, visit: (node: Node) => BodyProblem | null): BodyProblem | null => {
    const own = visit(node);
    if (own) return own;
    for (const child of node.children ?? []) {
      const found = walk(child, visit);
      if (found) return found;
    }
    return null;
  };
  walk(root, (node) => {
    if (node.type === 'definition' && node.identifier) definitions.set(node.identifier, node.url ?? '');
    return null;
  });
  let lastLine: number | undefined;
  const problem = walk(root, (node) => {
    lastLine = node.position?.start.line ?? lastLine;
    for (const extra of [node.alt, node.title])
      if (typeof extra === 'string') {
        const bad = characterProblem(extra);
        if (bad) return { line: lastLine, message: bad.message };
      }
    const message = nodeProblem(node, mdx, definitions);
    return message ? { line: lastLine, message } : null;
  });
  return { problem, tree: root };
}
