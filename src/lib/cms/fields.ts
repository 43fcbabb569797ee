/**
 * Decap CMS fields derived from the zod schemas (src/lib/schemas.ts) and the status/event/kind labels
 * (src/lib/status.ts). The editor at /admin/ is configured from this module only, so its fields,
 * required flags, selects, date formats and length limits cannot drift from what the build accepts.
 * The Japanese labels and hints are the organizers' words (the same as /guide/).
 */
import { z } from 'astro/zod';
import { IsoDateSchema, SLUG_EXAMPLE } from '../schemas.ts';
import { STATUS_LIST, EVENT_TYPES, TIMELINE_KINDS } from '../status.ts';

/** The subset of Decap's field options the generated config uses. */
export interface CmsField {
  name: string;
  label: string;
  widget: 'string' | 'text' | 'number' | 'boolean' | 'datetime' | 'select' | 'list' | 'object';
  required: boolean;
  hint?: string;
  default?: unknown;
  pattern?: [string, string];
  options?: { label: string; value: string }[];
  /** datetime: stored and shown as YYYY-MM-DD, no time. */
  format?: string;
  date_format?: string;
  time_format?: false;
  picker_utc?: boolean;
  value_type?: 'int';
  min?: number;
  max?: number;
  /** list of objects */
  fields?: CmsField[];
  /** list of plain values */
  field?: CmsField;
  collapsed?: boolean;
  summary?: string;
  add_to_top?: boolean;
}

/** Japanese label, hint and widget choice for one schema field, keyed by its dotted path. */
interface FieldText {
  label: string;
  hint?: string;
  /** `text` for multi-line texts; strings default to a one-line input. */
  long?: boolean;
  /** Label of one item of a list of plain values. */
  item?: string;
  /** Decap's list summary, e.g. '{{fields.date}} {{fields.status}}'. */
  summary?: string;
}

export type FieldTexts = Readonly<Record<string, FieldText>>;

/** Japanese labels for the values of each enum, by the enum's first value (they are distinct). */
const ENUM_LABELS: Record<string, Readonly<Record<string, string>>> = {
  status: Object.fromEntries(STATUS_LIST.map((s) => [s.key, `${s.ja}（${s.key}）`])),
  type: Object.fromEntries(Object.entries(EVENT_TYPES).map(([k, ja]) => [k, `${ja}（${k}）`])),
  kind: Object.fromEntries(Object.entries(TIMELINE_KINDS).map(([k, ja]) => [k, `${ja}（${k}）`])),
};

function enumLabel(value: string): string {
  for (const labels of Object.values(ENUM_LABELS)) if (labels[value] !== undefined) return labels[value];
  throw new Error(`No Japanese label for the enum value "${value}" (src/lib/cms/fields.ts ENUM_LABELS)`);
}

type AnySchema = z.ZodType & { def: Record<string, unknown> & { type: string } };

interface Check {
  _zod: {
    def: { check: string; minimum?: number; maximum?: number; format?: string; pattern?: RegExp; value?: number };
  };
}

const checksOf = (schema: AnySchema): Check[] => (schema.def['checks'] as Check[] | undefined) ?? [];
const checkValue = (schema: AnySchema, kind: string, key: 'minimum' | 'maximum'): number | undefined =>
  checksOf(schema).find((c) => c._zod.def.check === kind)?._zod.def[key];

/** Removes optional/default wrappers: what the field holds, whether it may be left out, its default. */
function unwrap(schema: AnySchema): { inner: AnySchema; required: boolean; defaultValue?: unknown } {
  let inner = schema;
  let required = true;
  let defaultValue: unknown;
  for (;;) {
    if (inner.def.type === 'optional') {
      required = false;
      inner = inner.def['innerType'] as AnySchema;
    } else if (inner.def.type === 'default') {
      required = false;
      defaultValue = inner.def['defaultValue'];
      inner = inner.def['innerType'] as AnySchema;
    } else return { inner, required, defaultValue };
  }
}

/** The object schema's shape, in declaration order (the order fields are written in files). */
function shapeOf(schema: z.ZodType): Record<string, AnySchema> {
  const def = (schema as AnySchema).def;
  if (def.type !== 'object') throw new Error(`expected an object schema, got ${def.type}`);
  return def['shape'] as Record<string, AnySchema>;
}

const DATE_OPTIONS = {
  widget: 'datetime',
  format: 'YYYY-MM-DD',
  date_format: 'YYYY-MM-DD',
  time_format: false,
  picker_utc: true,
} as const;

/** One Decap field for one schema field; `path` is its dotted path for the label lookup. */
function fieldFor(name: string, schema: AnySchema, path: string, texts: FieldTexts): CmsField {
  const text = texts[path];
  if (!text) throw new Error(`No Japanese label for the field "${path}" (add it to the CMS field texts)`);
  const { inner, required, defaultValue } = unwrap(schema);
  const base = {
    name,
    label: text.label,
    required,
    ...(text.hint ? { hint: text.hint } : {}),
    ...(defaultValue !== undefined && !(Array.isArray(defaultValue) && defaultValue.length === 0)
      ? { default: defaultValue }
      : {}),
  };
  if ((inner as unknown) === IsoDateSchema) return { ...base, ...DATE_OPTIONS, default: '' };
  switch (inner.def.type) {
    case 'string': {
      const s = inner as unknown as z.ZodString;
      // Length limits count graphemes (schemas.ts maxChars) and travel as metadata.
      const max = s.maxLength ?? (z.globalRegistry.get(inner) as { maxChars?: number } | undefined)?.maxChars;
      const min = s.minLength ?? 0;
      const regex = checksOf(inner).find((c) => c._zod.def.format === 'regex')?._zod.def.pattern;
      const isUrl = inner.def['format'] === 'url';
      let pattern: [string, string] | undefined;
      if (regex) pattern = [regex.source, `半角の英小文字・数字とハイフンで書いてください（例：${SLUG_EXAMPLE}）。`];
      else if (isUrl) pattern = ['^https?://\\S+$', 'http:// または https:// で始まる URL を書いてください。'];
      // Decap's pattern has no `u` flag: count code points (a surrogate pair once, unambiguously, so a
      // failing match cannot backtrack), closer to the check's graphemes than UTF-16 units.
      else if (max !== undefined)
        pattern = [
          `^(?:[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[^\\uD800-\\uDBFF]){${min},${max}}$`,
          `${max}字以内で書いてください。`,
        ];
      return { ...base, widget: text.long ? 'text' : 'string', ...(pattern ? { pattern } : {}) };
    }
    case 'number': {
      const n = inner as unknown as z.ZodNumber;
      const gt = checkValue(inner, 'greater_than', 'minimum') ?? n.minValue ?? undefined;
      return {
        ...base,
        widget: 'number',
        ...(n.isInt ? { value_type: 'int' as const } : {}),
        ...(gt !== undefined && gt !== null && Number.isFinite(gt) ? { min: n.isInt ? Math.max(1, gt) : gt } : {}),
      };
    }
    case 'boolean':
      return { ...base, widget: 'boolean' };
    case 'enum': {
      const values = (inner as unknown as z.ZodEnum).options as string[];
      return { ...base, widget: 'select', options: values.map((value) => ({ label: enumLabel(value), value })) };
    }
    case 'object': {
      const fields = fieldsFor(inner, path, texts);
      // Decap checks an object's required fields even when the object itself is optional: a new demand
      // could not be saved without its English translation. In an optional group the editor requires
      // nothing; the check refuses a group filled in by half (and an emptied group is left out).
      return { ...base, widget: 'object', fields: required ? fields : fields.map((f) => ({ ...f, required: false })) };
    }
    case 'array': {
      const element = inner.def['element'] as AnySchema;
      const min = checkValue(inner, 'min_length', 'minimum');
      // A new entry's lists start empty: without `default: []` Decap gives each one blank, collapsed item,
      // whose required fields then block the save (a new demand could not be saved without a 根拠となる条文).
      // Items are added with 「…を追加」, as in an existing entry; Decap checks `min` on these lists.
      // Lists inside a list item (a history entry's 出典) already start empty, and are left without a
      // default: Decap does not check their `min`, and leaves the field out (the check then names it).
      const topLevel = !path.includes('.');
      const list = { ...base, widget: 'list' as const, ...(min ? { min } : {}), ...(topLevel ? { default: [] } : {}) };
      if (unwrap(element).inner.def.type === 'object') {
        return {
          ...list,
          fields: fieldsFor(unwrap(element).inner, path, texts),
          collapsed: true,
          ...(text.summary ? { summary: text.summary } : {}),
        };
      }
      return { ...list, field: fieldFor(text.item ?? 'item', element, `${path}[]`, texts) };
    }
    default:
      throw new Error(`The CMS config cannot express the schema type "${inner.def.type}" of "${path}"`);
  }
}

/** Decap fields for every field of an object schema, in the schema's order. */
export function fieldsFor(schema: z.ZodType, prefix: string, texts: FieldTexts): CmsField[] {
  return Object.entries(shapeOf(schema)).map(([name, field]) =>
    fieldFor(name, field, prefix ? `${prefix}.${name}` : name, texts),
  );
}
