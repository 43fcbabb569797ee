import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { LetterSchema, DemandSchema, ReferenceSchema } from './lib/schemas.ts';

/** content/letters/<slug>/letter.md → id <slug> */
const letters = defineCollection({
  loader: glob({ pattern: '*/letter.md', base: './content/letters', generateId: ({ entry }) => entry.split('/')[0]! }),
  schema: LetterSchema,
});

/** content/letters/<slug>/demands/<n>.md → id <slug>/<n> */
const demands = defineCollection({
  loader: glob({
    pattern: '*/demands/*.md',
    base: './content/letters',
    generateId: ({ entry }) => entry.replace(/\/demands\/([^/]+)\.md$/, '/$1'),
  }),
  schema: DemandSchema,
});

/** content/references/<id>.yaml → id <id> */
const references = defineCollection({
  loader: glob({
    pattern: '*.yaml',
    base: './content/references',
    generateId: ({ entry }) => entry.replace(/\.yaml$/, ''),
  }),
  schema: ReferenceSchema,
});

export const collections = { letters, demands, references };
