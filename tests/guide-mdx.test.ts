// The guide (/guide/) documents what the loader and the body rules accept: every MDX component with an
// example, and the extensions of each kind of file.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { EXTENSIONS } from '../src/lib/content/files.ts';
import { MDX_COMPONENTS } from '../src/lib/content/body-rules.ts';

const guide = readFileSync('src/pages/guide/index.astro', 'utf8');

describe('the guide documents the MDX components', () => {
  test.each(MDX_COMPONENTS)('%s: a component file, a heading in the guide and an example', (name) => {
    expect(existsSync(`src/components/mdx/${name}.astro`), `src/components/mdx/${name}.astro`).toBe(true);
    expect(guide, `a heading naming ${name}`).toMatch(new RegExp(`<h3[^>]*>[^<]*（${name}）</h3>`));
    expect(guide, `an example using <${name}`).toMatch(new RegExp(`Example = \`[^\`]*<${name}[\\s/>]`));
  });

  test.each(MDX_COMPONENTS)('%s is handed to every page that renders a body', (name) => {
    for (const page of [
      'src/pages/letters/[letter]/index.astro',
      'src/pages/letters/[letter]/demands/[number].astro',
    ]) {
      const source = readFileSync(page, 'utf8');
      expect(source, `${page} imports ${name}`).toContain(`import ${name} from '`);
      expect(source, `${page} passes components`).toMatch(/<\w+ components=\{mdxComponents\} \/>/);
    }
  });
});

describe('the guide names the extensions the loader reads', () => {
  test.each([...EXTENSIONS.markdown, ...EXTENSIONS.yaml])('%s', (extension) => {
    expect(guide).toContain(`<code>${extension}</code>`);
  });
});
