/** Parsed view of a built HTML page: elements in document order, with attributes, text and source line. */
import { parse, type DefaultTreeAdapterTypes } from 'parse5';

type Node = DefaultTreeAdapterTypes.Node;
type ParentNode = DefaultTreeAdapterTypes.ParentNode;
type ParsedElement = DefaultTreeAdapterTypes.Element;

export interface HtmlElement {
  /** Lower-case tag name. */
  tag: string;
  /** Attributes by lower-case name. */
  attrs: ReadonlyMap<string, string>;
  /** 1-based line in the source file. */
  line: number;
  /** Index of the nearest ancestor in `HtmlDocument.elements`, or -1. */
  parent: number;
  /** Concatenated text of all descendant text nodes (whitespace collapsed). */
  text: string;
  /** Raw text of the element's own children (for <script>, <style>, <title>). */
  rawText: string;
}

export interface HtmlDocument {
  elements: readonly HtmlElement[];
  /** Elements by tag name. */
  byTag(tag: string): HtmlElement[];
  /** Whether `element` sits inside an element with tag `ancestorTag`. */
  isInside(element: HtmlElement, ancestorTag: string): boolean;
}

const isElement = (node: Node): node is ParsedElement => 'tagName' in node;
const childrenOf = (node: ParentNode): Node[] =>
  node.nodeName === 'template' ? (node as DefaultTreeAdapterTypes.Template).content.childNodes : node.childNodes;

export function parseHtml(html: string): HtmlDocument {
  const document = parse(html, { sourceCodeLocationInfo: true });
  const elements: HtmlElement[] = [];

  // Depth-first walk in document order; returns the text of the subtree.
  const walk = (node: ParentNode, parent: number): string => {
    let text = '';
    for (const child of childrenOf(node)) {
      if (child.nodeName === '#text') {
        text += (child as DefaultTreeAdapterTypes.TextNode).value;
      } else if (isElement(child)) {
        const index = elements.length;
        const attrs = new Map(child.attrs.map((attr) => [attr.name.toLowerCase(), attr.value]));
        const element: HtmlElement = {
          tag: child.tagName.toLowerCase(),
          attrs,
          line: child.sourceCodeLocation?.startLine ?? 0,
          parent,
          text: '',
          rawText: child.childNodes
            .filter((n): n is DefaultTreeAdapterTypes.TextNode => n.nodeName === '#text')
            .map((n) => n.value)
            .join(''),
        };
        elements.push(element);
        const inner = walk(child, index);
        element.text = inner.replace(/\s+/g, ' ').trim();
        // Text inside <script>/<style>/<template> is not page text.
        if (!['script', 'style', 'template', 'noscript'].includes(element.tag)) text += inner;
      }
    }
    return text;
  };
  walk(document, -1);

  const tagIndex = new Map<string, HtmlElement[]>();
  for (const element of elements) {
    const list = tagIndex.get(element.tag) ?? [];
    list.push(element);
    tagIndex.set(element.tag, list);
  }
  return {
    elements,
    byTag: (tag) => tagIndex.get(tag) ?? [],
    isInside: (element, ancestorTag) => {
      for (let i = element.parent; i >= 0; i = elements[i]!.parent) {
        if (elements[i]!.tag === ancestorTag) return true;
      }
      return false;
    },
  };
}

/** The tokens of a space-separated attribute (rel, class), lower-cased. */
export function tokens(value: string | undefined): string[] {
  return (value ?? '').toLowerCase().split(/\s+/).filter(Boolean);
}

/** URLs in a srcset attribute. */
function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(',')
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? '')
    .filter(Boolean);
}

/** Every URL an element points at, with the attribute it came from. */
export function elementUrls(element: HtmlElement): { attr: string; url: string }[] {
  const out: { attr: string; url: string }[] = [];
  const add = (attr: string) => {
    const value = element.attrs.get(attr);
    if (value !== undefined) out.push({ attr, url: value.trim() });
  };
  switch (element.tag) {
    case 'a':
    case 'area':
    case 'link':
    case 'base':
      add('href');
      break;
    case 'img':
    case 'source':
      add('src');
      for (const url of srcsetUrls(element.attrs.get('srcset') ?? '')) out.push({ attr: 'srcset', url });
      break;
    case 'script':
    case 'iframe':
    case 'embed':
    case 'track':
    case 'audio':
      add('src');
      break;
    case 'video':
      add('src');
      add('poster');
      break;
    case 'object':
      add('data');
      break;
    case 'form':
      add('action');
      break;
    case 'button':
    case 'input':
      add('formaction');
      if (element.tag === 'input') add('src');
      break;
    case 'blockquote':
    case 'q':
    case 'del':
    case 'ins':
      add('cite');
      break;
    case 'use':
    case 'image':
      add('href');
      add('xlink:href');
      break;
    default:
      break;
  }
  return out;
}

/** Attributes on `element` that hold an inline event handler (onclick=…). */
export function eventHandlerAttributes(element: HtmlElement): string[] {
  return [...element.attrs.keys()].filter((name) => /^on[a-z]+$/.test(name));
}
