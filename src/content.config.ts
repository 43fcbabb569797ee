/**
 * The collections. Every one is read by the content loader (src/lib/content/), the same reader the
 * content check, the organizers' command and the search index use: which files count (.md/.mdx for
 * letters and demands, .yaml/.yml for references and timeline events) and how YAML is read are
 * decided there, once.
 */
import { defineCollection } from 'astro:content';
import { contentLoader } from './lib/content/astro-loader.ts';
import { LetterSchema, DemandSchema, ReferenceSchema, TimelineEventSchema } from './lib/schemas.ts';

/** content/letters/<slug>/letter.md|mdx → id <slug> */
const letters = defineCollection({ loader: contentLoader('letters'), schema: LetterSchema });

/** content/letters/<slug>/demands/<n>.md|mdx → id <slug>/<n> */
const demands = defineCollection({ loader: contentLoader('demands'), schema: DemandSchema });

/** content/references/<id>.yaml|yml → id <id> */
const references = defineCollection({ loader: contentLoader('references'), schema: ReferenceSchema });

/** content/timeline/<id>.yaml|yml → id <id>: campaign events that are not a demand's own history. */
const timeline = defineCollection({ loader: contentLoader('timeline'), schema: TimelineEventSchema });

export const collections = { letters, demands, references, timeline };
