// The editor's config.yml is generated from the schemas: every schema field has an editor field with the
// same required flag, enum values and limits, and no editor field exists that the schemas do not know.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
import {
  cmsConfig,
  cmsConfigYaml,
  backendFromEnv,
  repoFromUrl,
  editorSetupProblems,
  EDITOR_SETUP_README,
} from '../src/lib/cms/config.ts';
import { editorSetup } from '../src/lib/cms/setup.ts';
import { DEMAND_MARK, markDemands } from '../src/lib/cms/demand-mark.ts';
import type { CmsField } from '../src/lib/cms/fields.ts';
import { labelSummary, STATUS_PREFIX, TYPE_PREFIX } from '../src/lib/cms/summary-labels.ts';

// Demand files of both extensions on disk (the real content uses .md only).
const letters = { letterExtensions: ['.md'], demandExtensions: ['.md', '.mdx'] };
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
function mismatches(schema: z.ZodType, fields: readonly CmsField[], path = '', inOptionalGroup = false): string[] {
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
    // In an optional group (english) the editor requires nothing: Decap would require the group's fields
    // even when the group is left out.
    const expectedRequired = required && !inOptionalGroup;
    if (field.required !== expectedRequired)
      problems.push(`${at}: required ${field.required}, expected ${expectedRequired} (schema ${required})`);
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
    if (type === 'object') problems.push(...mismatches(inner, field.fields ?? [], at, !required));
  }
  return problems;
}

describe('the editor config follows the schemas', () => {
  test.each([
    ['letters', LetterSchema],
    ['demands', DemandSchema],
    ['demands-mdx', DemandSchema],
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
    expect(mismatches(TimelineEventSchema, fields)).toContain('title: required false, expected true (schema true)');
  });

  test("a history entry's status offers exactly the 8 status keys, labelled in Japanese", () => {
    const history = collection('demands').fields.find((f) => f.name === 'statusHistory')!;
    const status = history.fields!.find((f) => f.name === 'status')!;
    expect(status.options!.map((o) => o.value)).toEqual([...STATUS_KEYS]);
    expect(STATUS_KEYS).toHaveLength(8);
    for (const option of status.options!) expect(option.label).toContain(STATUSES[option.value as 'achieved'].ja);
    const type = history.fields!.find((f) => f.name === 'type')!;
    expect(type.options!.map((o) => o.value)).toEqual(EVENT_TYPE_KEYS);
    const kind = collection('timeline').fields.find((f) => f.name === 'kind')!;
    expect(kind.options!.map((o) => o.value)).toEqual(TIMELINE_KIND_KEYS);
  });

  test('one demands collection per extension, nested over content/letters, whatever the number of letters', () => {
    for (const [name, extension] of [
      ['demands', 'md'],
      ['demands-mdx', 'mdx'],
    ] as const) {
      expect(collection(name)).toMatchObject({
        folder: 'content/letters',
        extension,
        // Three levels down: <letter>/demands/<n>; new demands are written to their letter's folder.
        nested: { depth: 3 },
        path: '{{letter}}/demands/{{slug}}',
        slug: '{{fields.number}}',
        filter: { field: DEMAND_MARK, value: true },
        view_groups: [{ label: '要請書', field: 'letter' }],
      });
    }
    expect(collection('letters')).toMatchObject({ folder: 'content/letters', path: '{{slug}}/letter' });
    expect(collection('timeline')).toMatchObject({ folder: 'content/timeline', extension: 'yaml' });
    // The YAML does not grow with the letters: it is a function of the extensions in use only.
    const size = (files: typeof letters) =>
      cmsConfigYaml(cmsConfig(files, backendFromEnv({}), 'https://x.org/')).length;
    expect(size({ letterExtensions: ['.md'], demandExtensions: ['.md'] })).toBeLessThan(200_000);
    expect(config.collections.map((c) => c.name)).toEqual([
      'site',
      'letters',
      'demands',
      'demands-mdx',
      'timeline',
      'references',
    ]);
  });

  test.each([
    ['demands', 'english', false],
    ['letters', 'english', false],
    ['references', 'enacted', true],
    ['letters', 'sender', true],
  ] as const)('%s.%s: its fields are required in the editor only if the group is (%s)', (name, group, required) => {
    const field = collection(name).fields.find((f) => f.name === group)!;
    expect(field.required).toBe(required);
    const requiredInside = field.fields!.filter((f) => f.required).length;
    if (required) expect(requiredInside).toBeGreaterThan(0);
    else expect(requiredInside).toBe(0);
  });

  test('a new entry’s lists start empty; lists inside list items keep Decap’s own start (empty, left out)', () => {
    for (const c of ['demands', 'letters', 'timeline'])
      for (const field of collection(c).fields.filter((f) => f.widget === 'list'))
        expect(field.default, `${c}.${field.name}`).toEqual([]);
    const history = collection('demands').fields.find((f) => f.name === 'statusHistory')!;
    expect(history.min).toBe(1);
    expect(history.fields!.find((f) => f.name === 'sources')!.default).toBeUndefined();
  });

  test('the demand mark keeps demands in the list and never reaches a file', () => {
    const inner = { fromFile: (text: string) => JSON.parse(text) as Record<string, unknown>, toFile: JSON.stringify };
    const format = markDemands(inner);
    expect(format.fromFile('{"letter":"a-letter","number":1}')).toEqual({
      letter: 'a-letter',
      number: 1,
      [DEMAND_MARK]: true,
    });
    expect(format.fromFile('{"title":"要請書","date":"2019-07-23"}')).not.toHaveProperty(DEMAND_MARK);
    expect(format.toFile({ letter: 'a-letter', number: 1, [DEMAND_MARK]: true })).toBe(
      '{"letter":"a-letter","number":1}',
    );
  });

  test('collapsed rows and lists name things in Japanese', () => {
    expect(collection('letters').summary).toBe('{{date}} {{addressee.shortName}}宛');
    const history = collection('demands').fields.find((f) => f.name === 'statusHistory')!;
    expect(history.summary).toContain(`${TYPE_PREFIX}{{fields.type}}`);
    expect(history.summary).toContain(`${STATUS_PREFIX}{{fields.status}}`);
    for (const c of config.collections) expect(c.label).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  test('Japanese interface, editorial workflow on GitHub, local backend for `npm run edit`', () => {
    expect(config).toMatchObject({ locale: 'ja', publish_mode: 'editorial_workflow', local_backend: true });
    expect(config.backend.name).toBe('github');
    // No repository known: none written (never a placeholder such as OWNER/REPOSITORY).
    expect(config.backend).not.toHaveProperty('repo');
    const fromActions = cmsConfig(letters, backendFromEnv({ GITHUB_REPOSITORY: 'union/site' }), 'https://x.org/');
    expect(fromActions.backend.repo).toBe('union/site');
  });
});

describe('the production editor is configured from the host', () => {
  test.each([
    [{ CMS_REPO: 'a/b', GITHUB_REPOSITORY: 'c/d' }, 'a/b'],
    [{ GITHUB_REPOSITORY: 'c/d' }, 'c/d'],
    [{ REPOSITORY_URL: 'https://github.com/union/site' }, 'union/site'],
    [{ REPOSITORY_URL: 'https://github.com/union/site.git' }, 'union/site'],
    [{ REPOSITORY_URL: 'git@github.com:union/site.git' }, 'union/site'],
    [{ REPOSITORY_URL: 'https://gitlab.com/union/site' }, undefined],
    [{ CMS_REPO: '  ' }, undefined],
    [{}, undefined],
  ])('%o → repo %s', (env, repo) => {
    expect(backendFromEnv(env).repo).toBe(repo);
  });

  test('repoFromUrl takes only a GitHub repository address', () => {
    expect(repoFromUrl('https://github.com/union/site/')).toBe('union/site');
    expect(repoFromUrl('https://evil.example/github.com/union/site')).toBeUndefined();
    expect(repoFromUrl(undefined)).toBeUndefined();
  });

  const full = { CMS_REPO: 'union/site', CMS_AUTH_BASE_URL: 'https://auth.example.org' };
  test.each([
    ['GitHub Pages, all set', { DEPLOY: '1', ...full, GITHUB_REPOSITORY: 'union/site' }, []],
    ['GitHub Pages, no proxy', { DEPLOY: '1', GITHUB_REPOSITORY: 'union/site' }, ['CMS_AUTH_BASE_URL']],
    [
      'Netlify: its own OAuth provider, repository from REPOSITORY_URL',
      { NETLIFY: 'true', REPOSITORY_URL: 'https://github.com/u/s' },
      [],
    ],
    [
      'Netlify without a GitHub repository',
      { NETLIFY: 'true', REPOSITORY_URL: 'https://gitlab.com/u/s' },
      ['CMS_REPO'],
    ],
    ['Cloudflare Pages gives no repository name', { CF_PAGES: '1' }, ['CMS_REPO', 'CMS_AUTH_BASE_URL']],
    ['Cloudflare Pages, all set', { CF_PAGES: '1', ...full }, []],
  ] as const)('%s', (_name, env, missing) => {
    const setup = editorSetup(env);
    expect(setup.problems).toHaveLength(missing.length);
    expect(setup.ready).toBe(missing.length === 0);
    missing.forEach((name, i) => {
      expect(setup.problems[i]).toContain(name);
      expect(setup.problems[i]).toContain(EDITOR_SETUP_README);
      expect(setup.problems[i]).toMatch(/^管理画面：/);
    });
  });

  test('a local build always gets the editor (npm run edit uses the local backend)', () => {
    expect(editorSetup({})).toMatchObject({ deploy: false, problems: [], ready: true });
    expect(editorSetupProblems(backendFromEnv({}), {})).toHaveLength(2);
  });

  test('the README section the messages name exists', () => {
    const section = /「(.+)」/.exec(EDITOR_SETUP_README)![1]!;
    expect(readFileSync(join(import.meta.dirname, '..', 'README.md'), 'utf8')).toMatch(
      new RegExp(`^#+ ${section.replace(/[()]/g, '\\$&')}$`, 'm'),
    );
  });
});

describe('collapsed history rows show Japanese labels, not keys', () => {
  test.each([
    [
      '2019-07-23　種類：submitted　状況：awaiting_response　自治労連が…',
      '2019-07-23　種類：要請書提出　状況：回答待ち　自治労連が…',
    ],
    ['種類：response　状況：responded', '種類：回答　状況：回答あり'],
    // Unknown keys, and keys without the prefix, stay as they are.
    ['種類：unknown　状況：responded', '種類：unknown　状況：回答あり'],
    ['response → responded', 'response → responded'],
  ])('%s', (text, shown) => {
    expect(labelSummary(text)).toBe(shown);
  });

  test('every type and status key has its label', () => {
    for (const key of EVENT_TYPE_KEYS) expect(labelSummary(`${TYPE_PREFIX}${key}`)).not.toContain(key);
    for (const key of STATUS_KEYS)
      expect(labelSummary(`${STATUS_PREFIX}${key}`)).toBe(`${STATUS_PREFIX}${STATUSES[key].ja}`);
  });
});
