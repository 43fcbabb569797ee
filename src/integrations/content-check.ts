/**
 * Runs the content check before Astro loads any collection, so a bad file stops `astro build`
 * (and `astro dev`) with `file:line field: message` lines and nothing else: no stack trace.
 * The collections then publish the checked entries (src/lib/content/astro-loader.ts).
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkContent, formatProblem } from '../lib/content-check.ts';
import { rememberCheckedContent } from '../lib/content/astro-loader.ts';
import { frontmatterEnd } from '../lib/content/files.ts';
import { bodyProblem } from '../lib/content/body-rules.ts';

/** Prints the refusal the way `npm run check:content` does and stops the process: no stack trace. */
function refuse(lines: string[]): never {
  console.error(lines.join('\n'));
  process.exit(1);
}

export default function contentCheck(): AstroIntegration {
  return {
    name: 'content-check',
    hooks: {
      'astro:config:setup': ({ config, logger, command, updateConfig }) => {
        if (command === 'preview') return;
        const root = fileURLToPath(config.root);
        const contentDir = `${root.replace(/\/$/, '')}/content/`;
        // The loader has read each .mdx file's frontmatter; @astrojs/mdx gets the body only (the
        // frontmatter as blank space, so line numbers hold), so no second YAML reader sees it.
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'content-mdx-frontmatter',
                enforce: 'pre',
                transform(code, id) {
                  if (!id.startsWith(contentDir) || !id.split('?')[0]!.endsWith('.mdx')) return;
                  const end = frontmatterEnd(code);
                  // Modules with a query (?astroPropagatedAssets…) are Astro's generated JavaScript.
                  if (end < 0 && id.includes('?')) return;
                  const blanked = end < 0 ? code : code.slice(0, end).replace(/[^\r\n]/g, ' ') + code.slice(end);
                  // Second guard (in `astro dev`, a file edited after the check): a body the check
                  // refuses (an expression, an import) is never handed to the MDX compiler.
                  const problem = bodyProblem(blanked, '.mdx');
                  if (problem) {
                    const file = id.split('?')[0]!.slice(root.replace(/\/$/, '').length + 1);
                    throw new Error(`${file}:${problem.line ?? 1}  ${problem.message}`);
                  }
                  return { code: blanked, map: null };
                },
              },
            ],
          },
        });
        let result;
        try {
          result = checkContent(root);
        } catch (error) {
          refuse([
            '内容の確認が途中で止まりました。content/ のファイルを確かめてください：',
            `  ${error instanceof Error ? error.message : String(error)}`,
          ]);
        }
        if (result.problems.length === 0) {
          rememberCheckedContent(root, result);
          logger.info(
            `内容の確認：問題なし（要請書 ${result.letters.size} 件、要求 ${result.demands.size} 件、参照する文書 ${result.references.size} 件、経過ページの出来事 ${result.timeline.size} 件）`,
          );
          return;
        }
        refuse([
          `content/ に ${result.problems.length} 件の問題があります。サイトは作っていません。次の点を直してください：`,
          ...result.problems.map((problem) => `  ${formatProblem(problem)}`),
        ]);
      },
    },
  };
}
