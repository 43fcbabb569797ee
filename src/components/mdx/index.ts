/**
 * The components organizers may use in .mdx bodies, without an import (pages pass them to
 * <Content components={…} />). Their names are the ones the content check allows
 * (MDX_COMPONENTS in src/lib/content/text-rules.ts); /guide/ documents them.
 */
import Quote from './Quote.astro';
import Article from './Article.astro';
import type { MDX_COMPONENTS } from '../../lib/content/text-rules.ts';

export const mdxComponents = { Quote, Article } satisfies Record<(typeof MDX_COMPONENTS)[number], unknown>;
