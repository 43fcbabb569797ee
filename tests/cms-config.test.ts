// The editor's config.yml is generated from the schemas: every schema field has an editor field with the
// same required flag, enum values and limits, and no editor field exists that the schemas do not know.
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import type { z } from 'astro/zod';
import {
  LetterSchema,
  DemandSchema,
  TimelineEventSchema,
  ReferenceSchema,
  SiteSchema,
  IsoDateSchema,
} from '../src/lib/schemas.ts';
import { STATUS_KEYS, EVENT_TYPE_KEYS, TIMELINE_KIND_KEYS, STATUSES } from '../src/lib/status.ts';
import { cmsConfig, cmsConfigYaml, backendFromEnv } from '../src/lib/cms/config.ts';
import type { CmsField } from '../src/lib/cms/fields.ts';

const letters = [
  { slug: 'a-letter', letterExtension: '.md', demandExtension: '.mdx' },
  { slug: 'b-letter', letterExtension: '.md', demandExtension: '.md' },
];
// Read back from the YAML the browser gets, not from the object.
const config = parse(cmsConfigYaml(cmsConfig(letters, backendFromEnv({}), 'https://example.org/'))) as ReturnType<
  typeof cmsConfig
>;
type Collection = { name: string; fields: CmsField[]; [key: string]: unknown };
const collection = (name: string) => config.collections.find((c) => c.name === name) as unknown as Collection;
/** A file collection's one file (the site's texts). */
const siteFile = () =>
  (config.collections.find((c) => c.name === 'site') as unknown as { files: { file: string; fields: CmsField[] }[] })
    .files[0]!;

type Def = { type: string; [key: string]: unknown };
const def = (schema: unknown): Def => (schema as { def: Def }).def;

/** Walks a schema and its editor fields side by side and lists every mismatch. */
function mismatches(schema: z.ZodType, fields: readonly CmsField[], path = ''): string[] {
  const problems: string[] = [];
  const shape = def(schema)['shape'] as Record<string, z.ZodType>;
  const fieldNames = fields.map((f) => f.name).filter((n) => n !== 'body');
  const schemaNames = Object.keys(shape);
  if (fieldNames.join() !== schemaNames.join())
    problems.push(`${path || '(top)'}: editor fields [${fieldNames}] ≠ schema fields [${schemaNames}]`);
  for (const [name, fieldSchema] of Object.entries(shape)) {
    const field = fields.find((f) => f.name === name);
    const at = path ? `${path}.${name}` : name;
    if (!field) continue;
    let inner = fieldSchema;
    let required = true;
    while (['optional', 'default'].includes(def(inner).type)) {
      required = false;
      inner = def(inner)['innerType'] as z.ZodType;
    }
    if (field.required !== required) problems.push(`${at}: required ${field.required}, schema ${required}`);
    if (!field.label) problems.push(`${at}: no label`);
    const type = inner === IsoDateSchema ? 'date' : def(inner).type;
    const expectedWidget: Record<string, string[]> = {
      date: ['datetime'],
      string: ['string', 'text'],
      number: ['number'],
      boolean: ['boolean'],
      enum: ['select'],
      object: ['object'],
      array: ['list'],
    };
    if (!expectedWidget[type]?.includes(field.widget)) problems.push(`${at}: widget ${field.widget} for ${type}`);
    if (type === 'date' && field.format !== 'YYYY-MM-DD') problems.push(`${at}: date format ${field.format}`);
    if (type === 'enum') {
      const values = (inner as unknown as { options: string[] }).options;
      const offered = field.options?.map((o) => o.value) ?? [];
      if (offered.join() !== values.join()) problems.push(`${at}: options [${offered}] ≠ [${values}]`);
    }
    if (type === 'string') {
      const max = (inner as unknown as z.ZodString).maxLength;
      if (max !== null && !field.pattern?.[0].includes(`,${max}}`)) problems.push(`${at}: no ${max}-character limit`);
    }
    if (type === 'array') {
      const element = def(inner)['element'] as z.ZodType;
      const min = (def(inner)['checks'] as { _zod: { def: { check: string; minimum: number } } }[] | undefined)?.find(
        (c) => c._zod.def.check === 'min_length',
      )?._zod.def.minimum;
      if ((field.min ?? undefined) !== min) problems.push(`${at}: list min ${field.min}, schema ${min}`);
      if (def(element).type === 'object') problems.push(...mismatches(element, field.fields ?? [], at));
      else if (!field.field) problems.push(`${at}: list of values without a value field`);
    }
    if (type === 'object') problems.push(...mismatches(inner, field.fields ?? [], at));
  }
  return problems;
}

describe('the editor config follows the schemas', () => {
  test.each([
    ['letters', LetterSchema],
    ['demands-a-letter', DemandSchema],
    ['demands-b-letter', DemandSchema],
    ['timeline', TimelineEventSchema],
    ['references', ReferenceSchema],
  ] as const)('%s', (name, schema) => {
    expect(mismatches(schema, collection(name).fields as CmsField[])).toEqual([]);
  });

  test("the site's texts (content/site.yaml) are one file of their own collection", () => {
    expect(siteFile().file).toBe('content/site.yaml');
    expect(mismatches(SiteSchema, siteFile().fields)).toEqual([]);
  });

  test('the check itself catches a drift (a field removed, a required flag flipped)', () => {
    const fields = structuredClone(collection('timeline').fields);
    expect(mismatches(TimelineEventSchema, fields.slice(1))).not.toEqual([]);
    fields[2]!.required = false;
    expect(mismatches(TimelineEventSchema, fields)).toContain('title: required false, schema true');
  });

  test("a history entry's status offers exactly the 8 status keys, labelled in Japanese", () => {
    const history = collection('demands-a-letter').fields.find((f) => f.name === 'statusHistory')!;
    const status = history.fields!.find((f) => f.name === 'status')!;
    expect(status.options!.map((o) => o.value)).toEqual([...STATUS_KEYS]);
    expect(STATUS_KEYS).toHaveLength(8);
    for (const option of status.options!) expect(option.label).toContain(STATUSES[option.value as 'achieved'].ja);
    const type = history.fields!.find((f) => f.name === 'type')!;
    expect(type.options!.map((o) => o.value)).toEqual(EVENT_TYPE_KEYS);
    const kind = collection('timeline').fields.find((f) => f.name === 'kind')!;
    expect(kind.options!.map((o) => o.value)).toEqual(TIMELINE_KIND_KEYS);
  });

  test('one demand collection per letter, on its folder and with its files’ extension', () => {
    expect(collection('demands-a-letter')).toMatchObject({
      folder: 'content/letters/a-letter/demands',
      extension: 'mdx',
    });
    expect(collection('demands-b-letter')).toMatchObject({
      folder: 'content/letters/b-letter/demands',
      extension: 'md',
    });
    expect(collection('letters')).toMatchObject({ folder: 'content/letters', path: '{{slug}}/letter' });
    expect(collection('timeline')).toMatchObject({ folder: 'content/timeline', extension: 'yaml' });
  });

  test('Japanese interface, editorial workflow on GitHub, local backend for `npm run edit`', () => {
    expect(config).toMatchObject({ locale: 'ja', publish_mode: 'editorial_workflow', local_backend: true });
    expect(config.backend.name).toBe('github');
    const fromActions = cmsConfig(letters, backendFromEnv({ GITHUB_REPOSITORY: 'union/site' }), 'https://x.org/');
    expect(fromActions.backend.repo).toBe('union/site');
  });
});
