/**
 * What search finds: one unit per letter body, demand, article (and 附則) and status-history entry,
 * each with the link to its exact place. The site's unofficial English of a unit is indexed in the
 * unit's own English fields (titleEn, bodyEn, metaEn) and the unit names its English page (`en`): a
 * result found through its English words links there, one found through its Japanese words to the
 * Japanese page (engine.ts). One unit, not two: a second unit per English text doubled the document
 * count that lunr's idf uses and shifted every Japanese ranking. An article's plain summary is searched
 * with its text (it holds the everyday words). Pure: takes plain data, so the site, the bench and the
 * tests build the same units.
 */
import { STATUSES, EVENT_TYPES, HISTORY_FIELD_LABELS, type StatusKey } from '../status.ts';
import { formatDateJa, formatEraDate } from '../dates.ts';
import {
  letterUrl,
  demandUrl,
  articleUrl,
  referenceUrl,
  englishUrl,
  englishDemandUrl,
  englishEventUrl,
  SUPPLEMENTARY_ANCHOR,
} from '../urls.ts';
import { eventAnchors, type HistoryEntryData } from '../history.ts';
import { addresseeShort } from '../letters.ts';

export type UnitType = 'letter' | 'demand' | 'article' | 'history';

/** What is indexed of a unit: its Japanese fields, and its English ones where the site has English. */
interface UnitFields {
  title: string;
  /** The snippet is cut from the body. */
  body: string;
  /** Words that find the unit without outweighing its text (dates, labels, topics, summaries). */
  meta: string;
  titleEn?: string | undefined;
  bodyEn?: string | undefined;
  metaEn?: string | undefined;
}

/** The English page of a unit, shown for a result found through its English fields. */
interface EnglishPage {
  url: string;
  label: string;
  title: string;
}

export interface SearchUnit {
  /** Stable id: letter:<slug>, demand:<slug>/<n>, article:<ref>/<n>, article:<ref>/supplementary, history:<slug>/<n>/<i>. */
  id: string;
  type: UnitType;
  /** Link to the exact place. */
  url: string;
  /** Type label shown on results: 要請書 / 要求 / 規程 第N条 / 規程 附則 / 経過. */
  label: string;
  /** Heading of the result. */
  title: string;
  /** A demand's current status, or a history entry's status after the event. */
  status?: StatusKey | undefined;
  /** Date shown with the result (YYYY-MM-DD). */
  date?: string | undefined;
  fields: UnitFields;
  /** Its English page, where the site has English for it. */
  en?: EnglishPage | undefined;
}

/** A unit's fields with its English ones added: title, body, meta of the English text. */
const withEnglish = (
  fields: UnitFields,
  english: { title: string; body: string; meta: string } | undefined,
): UnitFields => (english ? { ...fields, titleEn: english.title, bodyEn: english.body, metaEn: english.meta } : fields);

/** The site's English for a letter or a reference (optional until written). */
interface EnglishTitleSummary {
  title: string;
  summary: string;
}

/** Only what units need from a letter; Astro entries and parsed files both fit. */
export interface LetterInput {
  slug: string;
  body: string;
  data: {
    title: string;
    date: string;
    sender: PartyInput;
    addressee: PartyInput;
    topics?: readonly string[] | undefined;
    summary?: string | undefined;
    english?: EnglishTitleSummary | undefined;
  };
}

interface PartyInput {
  organization: string;
  organizationPrinted?: boolean | undefined;
  shortName?: string | undefined;
  role?: string | undefined;
  name?: string | undefined;
}

export interface DemandInput {
  letter: string;
  number: number;
  label: string;
  text: string;
  shortTitle: string;
  topics?: readonly string[] | undefined;
  statusHistory: readonly (Omit<HistoryEntryData, 'sources'> & { summaryEn?: string | undefined })[];
  /** The site's English: the demand's text and short title. */
  english?: { text: string; shortTitle: string } | undefined;
  /** The demand file's body (its background, Markdown or MDX): searchable with the demand's text. */
  body?: string | undefined;
}

/** A demand's words and its background, as indexed text. */
const demandBody = (demand: DemandInput): string =>
  demand.body?.trim() ? `${demand.text}\n${markdownToText(demand.body.replace(/<[^<>]*>/g, ''))}` : demand.text;

interface ParagraphInput {
  number?: number | undefined;
  caption?: string | undefined;
  text: string;
  items?: readonly { label: string; text: string; subItems?: readonly { label: string; text: string }[] }[];
}

export interface ReferenceInput {
  id: string;
  data: {
    title: string;
    shortTitle: string;
    chapters: readonly {
      number: number;
      title: string;
      articles: readonly {
        number: number;
        caption: string;
        plain?: string | undefined;
        summaryEn?: string | undefined;
        paragraphs: readonly ParagraphInput[];
      }[];
    }[];
    supplementary?: readonly {
      qualifier?: string | undefined;
      plain?: string | undefined;
      summaryEn?: string | undefined;
      paragraphs: readonly ParagraphInput[];
    }[];
    english?: EnglishTitleSummary | undefined;
  };
}

/** Markdown to plain text: enough for letter bodies (paragraphs, headings, emphasis, links). */
export function markdownToText(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/^\s{0,3}#{1,6}\s+/gm, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/^\s*[-*+]\s+/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function datesText(iso: string): string {
  try {
    return `${formatDateJa(iso)} ${formatEraDate(iso)} ${iso}`;
  } catch {
    return iso;
  }
}

const personOf = (p: PartyInput) => [p.organization, p.role, p.name].filter(Boolean).join(' ');
const labelInText = (label: string) => label.replace(/[.．]$/, '');

function paragraphText(p: ParagraphInput): string {
  const lines: string[] = [];
  lines.push([p.number ? String(p.number) : '', p.caption ? `（${p.caption}）` : '', p.text].filter(Boolean).join(' '));
  for (const item of p.items ?? []) {
    lines.push(`${item.label} ${item.text}`);
    for (const sub of item.subItems ?? []) lines.push(`${sub.label} ${sub.text}`);
  }
  return lines.join('\n');
}

export function buildSearchUnits(
  letters: readonly LetterInput[],
  demands: readonly DemandInput[],
  references: readonly ReferenceInput[],
): SearchUnit[] {
  const units: SearchUnit[] = [];
  const letterBySlug = new Map(letters.map((l) => [l.slug, l]));
  const sortedLetters = [...letters].sort(
    (a, b) => a.data.date.localeCompare(b.data.date) || a.slug.localeCompare(b.slug),
  );

  for (const letter of sortedLetters) {
    const { data } = letter;
    const to = addresseeShort(data.addressee);
    const body = markdownToText(letter.body);
    units.push({
      id: `letter:${letter.slug}`,
      type: 'letter',
      url: letterUrl(letter.slug),
      label: '要請書',
      title: `${to}宛 ${data.title}（${formatDateJa(data.date)}）`,
      date: data.date,
      fields: withEnglish(
        {
          title: `${data.title} ${personOf(data.addressee)} ${data.addressee.shortName ?? ''}`,
          body,
          meta: [
            personOf(data.sender),
            data.sender.shortName ?? '',
            datesText(data.date),
            ...(data.topics ?? []),
            data.summary ?? '',
          ].join('\n'),
        },
        data.english && { title: data.english.title, body: data.english.summary, meta: 'letter request' },
      ),
      en: data.english && {
        url: englishUrl(letterUrl(letter.slug)),
        label: 'Letter',
        title: `${data.english.title} (${data.date})`,
      },
    });

    const own = demands.filter((d) => d.letter === letter.slug).sort((a, b) => a.number - b.number);
    for (const demand of own) {
      const status = demand.statusHistory.at(-1)?.status;
      units.push({
        id: `demand:${demand.letter}/${demand.number}`,
        type: 'demand',
        url: demandUrl(demand.letter, demand.number),
        label: '要求',
        title: `要求${labelInText(demand.label)} ${demand.shortTitle}（${to}宛）`,
        status,
        date: data.date,
        fields: withEnglish(
          {
            title: demand.shortTitle,
            body: demandBody(demand),
            meta: [`要求${labelInText(demand.label)}`, to, ...(demand.topics ?? [])].join('\n'),
          },
          demand.english && { title: demand.english.shortTitle, body: demand.english.text, meta: 'demand' },
        ),
        en: demand.english && {
          url: englishDemandUrl(demand.letter, demand.number),
          label: 'Demand',
          title: `Demand ${labelInText(demand.label)}: ${demand.english.shortTitle}`,
        },
      });
      const anchors = eventAnchors(demand.statusHistory);
      demand.statusHistory.forEach((entry, index) => {
        const eventLabel = (EVENT_TYPES as Record<string, string>)[entry.type] ?? entry.type;
        const body = [
          entry.summary,
          entry.counterpartyPosition
            ? `${HISTORY_FIELD_LABELS.counterpartyPosition}：${entry.counterpartyPosition}`
            : '',
          entry.assessment ? `${HISTORY_FIELD_LABELS.assessment}：${entry.assessment}` : '',
        ]
          .filter(Boolean)
          .join('\n');
        units.push({
          id: `history:${demand.letter}/${demand.number}/${index + 1}`,
          type: 'history',
          url: `${demandUrl(demand.letter, demand.number)}#${anchors[index]}`,
          label: '経過',
          title: `${formatDateJa(entry.date)} ${eventLabel}：要求${labelInText(demand.label)} ${demand.shortTitle}（${to}宛）`,
          status: entry.status,
          date: entry.date,
          fields: withEnglish(
            {
              title: eventLabel,
              body,
              meta: [datesText(entry.date), STATUSES[entry.status]?.ja ?? ''].join('\n'),
            },
            entry.summaryEn
              ? { title: entry.type, body: entry.summaryEn, meta: `${entry.date} ${entry.status.replace(/_/g, ' ')}` }
              : undefined,
          ),
          en: entry.summaryEn
            ? {
                url: englishEventUrl(demand.letter, demand.number, anchors[index]!),
                label: 'History',
                title: `${entry.date} ${entry.type}: Demand ${labelInText(demand.label)}${demand.english ? ` ${demand.english.shortTitle}` : ''}`,
              }
            : undefined,
        });
      });
    }
  }
  // Demands whose letter is missing still get a unit (the content check reports the missing letter).
  for (const demand of demands) {
    if (letterBySlug.has(demand.letter)) continue;
    units.push({
      id: `demand:${demand.letter}/${demand.number}`,
      type: 'demand',
      url: demandUrl(demand.letter, demand.number),
      label: '要求',
      title: `要求${labelInText(demand.label)} ${demand.shortTitle}`,
      status: demand.statusHistory.at(-1)?.status,
      fields: { title: demand.shortTitle, body: demandBody(demand), meta: (demand.topics ?? []).join('\n') },
    });
  }

  for (const reference of references) {
    const { data } = reference;
    for (const chapter of data.chapters) {
      for (const article of chapter.articles) {
        const body = article.paragraphs.map(paragraphText).join('\n');
        units.push({
          id: `article:${reference.id}/${article.number}`,
          type: 'article',
          url: articleUrl(reference.id, article.number),
          label: `規程 第${article.number}条`,
          title: `第${article.number}条（${article.caption}） ${data.shortTitle}`,
          fields: withEnglish(
            {
              title: `第${article.number}条 ${article.caption}`,
              body,
              // The plain summary in meta: its everyday words find the article without outweighing its text.
              meta: [`第${chapter.number}章 ${chapter.title}`, article.plain ?? ''].join('\n'),
            },
            article.summaryEn
              ? { title: `Article ${article.number}`, body: article.summaryEn, meta: 'rules article' }
              : undefined,
          ),
          en: article.summaryEn
            ? {
                url: englishUrl(articleUrl(reference.id, article.number)),
                label: `Rules, Article ${article.number}`,
                title: `Article ${article.number}${data.english ? `, ${data.english.title}` : ''}`,
              }
            : undefined,
        });
      }
    }
    // The 附則 are one unit: they follow each other on the page, and a reader looking for them
    // (施行日, 適用日) wants to land on the first.
    const provisions = data.supplementary ?? [];
    if (provisions.length) {
      const body = provisions
        .map((provision, index) =>
          [index > 0 ? `附則${provision.qualifier ?? ''}` : '', ...provision.paragraphs.map(paragraphText)]
            .filter(Boolean)
            .join('\n'),
        )
        .join('\n');
      const captions = provisions
        .flatMap((p) => p.paragraphs.map((x) => x.caption))
        .filter(Boolean)
        .join(' ');
      const english = provisions.map((p) => p.summaryEn).filter(Boolean);
      units.push({
        id: `article:${reference.id}/${SUPPLEMENTARY_ANCHOR}`,
        type: 'article',
        url: `${referenceUrl(reference.id)}#${SUPPLEMENTARY_ANCHOR}`,
        label: '規程 附則',
        title: `附則 ${data.shortTitle}`,
        fields: withEnglish(
          { title: `附則 ${captions}`, body, meta: provisions.map((p) => p.plain ?? '').join('\n') },
          english.length ? { title: 'Supplementary provisions', body: english.join('\n'), meta: 'rules' } : undefined,
        ),
        en: english.length
          ? {
              url: englishUrl(`${referenceUrl(reference.id)}#${SUPPLEMENTARY_ANCHOR}`),
              label: 'Rules, Supplementary provisions',
              title: `Supplementary provisions${data.english ? `, ${data.english.title}` : ''}`,
            }
          : undefined,
      });
    }
  }
  return units;
}
