/**
 * Runs the content check before Astro loads any collection, so a bad file stops `astro build`
 * (and `astro dev`) with `file:line field: message` lines rather than a stack trace.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { checkContent, formatProblem } from '../lib/content-check.ts';

export class ContentCheckError extends Error {
  override name = 'ContentCheckError';
}

export default function contentCheck(): AstroIntegration {
  return {
    name: 'content-check',
    hooks: {
      'astro:config:setup': ({ config, logger, command }) => {
        if (command === 'preview') return;
        const result = checkContent(fileURLToPath(config.root));
        if (result.problems.length === 0) {
          logger.info(
            `content OK: ${result.letters.size} letters, ${result.demands.size} demands, ${result.references.size} references`,
          );
          return;
        }
        const lines = result.problems.map((problem) => `  ${formatProblem(problem)}`);
        throw new ContentCheckError(
          `Content has ${result.problems.length} problem(s); nothing was built:\n${lines.join('\n')}`,
        );
      },
    },
  };
}
