/**
 * Content schemas. Astro's collections (src/content.config.ts), the content check that runs before
 * every build (src/lib/content-check.ts) and the organizers' command all validate with these.
 */
import { z } from 'astro/zod';
import { STATUS_KEYS, EVENT_TYPE_KEYS, TIMELINE_KIND_KEYS, type EventType, type TimelineKind } from './status.ts';
import { hasVisibleText, INVISIBLE_ONLY_MESSAGE } from './content/text-rules.ts';
import { sourceUrlProblem } from './content/url-rules.ts';
import { MAX_CHARS, EARLIEST_DATE, charCount } from './content/limits.ts';
import { toIsoDate } from './dates.ts';
import { ARCHIVE_HOSTS, isArchiveUrl } from './sources.ts';

// Organizers read these messages: zod's own texts (too long, too few…) in Japanese too.
z.config(z.locales.ja());

/**
 * A calendar date written YYYY-MM-DD; impossible dates (2019-02-30) and dates before EARLIEST_DATE
 * (limits.ts: before Japan's Gregorian calendar) are refused. Dates in the future are the check's to
 * refuse (it knows today, in Japan).
 */
export const IsoDateSchema = z.unknown().transform((value, ctx) => {
  const iso = toIsoDate(value);
  if (iso !== null && iso < EARLIEST_DATE) {
    ctx.addIssue({ code: 'custom', message: `${iso} は古すぎます。${EARLIEST_DATE} 以降の日付にしてください` });
    return z.NEVER;
  }
  if (iso === null) {
    ctx.addIssue({
      code: 'custom',
      message: `日付は YYYY-MM-DD の形の、実在する日にしてください（いまの値：${JSON.stringify(value instanceof Date ? value.toISOString().slice(0, 10) : value)}）`,
    });
    return z.NEVER;
  }
  return iso;
});

/** A text with something visible in it: a field of spaces or zero-width characters only is refused. */
const text = z.string().trim().min(1).refine(hasVisibleText, { message: INVISIBLE_ONLY_MESSAGE });

/**
 * A length limit in characters as readers see them (graphemes, limits.ts charCount): 101 emoji
 * count 101, not the 202 UTF-16 units zod's `.max` would count. Fields carry the limit as metadata
 * (`.meta({ maxChars })`) for the editor's configuration (src/lib/cms/fields.ts).
 */
const maxChars =
  (limit: number) =>
  (value: string, ctx: z.core.$RefinementCtx<string>): void => {
    const count = charCount(value);
    if (count > limit)
      ctx.addIssue({ code: 'custom', message: `${limit}文字以内にしてください（いま${count}文字です）` });
  };

/** A source's address: http or https, no user part, no host in look-alike scripts (url-rules.ts). */
const sourceUrl = z.url({ protocol: /^https?$/ }).superRefine((value, ctx) => {
  const problem = sourceUrlProblem(value);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});
/** Letters of the Japanese scripts: kana and kanji (and the iteration mark 々). */
const JAPANESE_LETTER = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}々]/gu;
const LATIN_LETTER = /\p{Script=Latin}/gu;
const count = (value: string, letters: RegExp): number => value.match(letters)?.length ?? 0;

/**
 * A text of the site's English pages: mostly Latin letters (a Japanese name in brackets is fine, a
 * Japanese text pasted into the English field is not).
 */
const englishText = text.refine((value) => count(value, LATIN_LETTER) > count(value, JAPANESE_LETTER), {
  message: '英語で書く項目です（日本語の文字のほうが多くなっています）。英語の文を書いてください',
});

/** A plain-Japanese summary written by the site: Japanese with kana (not an English or a code text). */
const plainJapaneseText = text.refine((value) => /[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(value), {
  message: 'やさしい日本語で書く項目です（かなが入っていません）。日本語の文で書いてください',
});

/** A made-up letter folder name for examples in messages and hints (the code names no real letter). */
export const SLUG_EXAMPLE = '2024-10-01-soumu';

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, `半角の小文字・数字と「-」だけで書いてください（例：${SLUG_EXAMPLE}）`);

/** A person writing or receiving a letter. */
const PartySchema = z.strictObject({
  /** Organisation as printed, e.g. 日本自治体労働組合総連合. */
  organization: text,
  /** Whether the organisation's name is printed in the letter's address block (総務大臣宛は省名なし: headings then say 総務大臣宛). */
  organizationPrinted: z.boolean().default(true),
  /** Short name of the organisation, e.g. 自治労連 or 総務省 (…宛 labels: src/lib/letters.ts addresseeShort). */
  shortName: text.optional(),
  /** Role as printed, e.g. 中央執行委員長. */
  role: text.optional(),
  /** Name as printed, with its space, e.g. 猿橋 均. */
  name: text.optional(),
  /** Honorific after the addressee's name as printed (殿, 様). */
  honorific: text.optional(),
});

/**
 * A saved copy of a cited page, where it survives if the page moves or vanishes: the Wayback Machine
 * (web.archive.org) or 国立国会図書館 WARP (warp.ndl.go.jp). Hosts: src/lib/sources.ts ARCHIVE_HOSTS.
 */
const ArchiveUrlSchema = z
  .url({ protocol: /^https$/ })
  .refine(isArchiveUrl, { message: `保存版の URL は ${ARCHIVE_HOSTS.join(' か ')} のものにしてください` });

/** A public document backing a fact. */
export const SourceSchema = z.strictObject({
  /** Title of the source as published, at most MAX_CHARS.sourceTitle characters. */
  title: text.superRefine(maxChars(MAX_CHARS.sourceTitle)).meta({ maxChars: MAX_CHARS.sourceTitle }),
  /** Where to read it: http or https, no user part, no look-alike host (url-rules.ts). */
  url: sourceUrl,
  /** A saved copy of the page (Wayback Machine or WARP), shown as 「保存版」 beside the link. */
  archived: ArchiveUrlSchema.optional(),
  /** When the page was last read at `url` (YYYY-MM-DD). */
  accessed: IsoDateSchema.optional(),
});

/** A link to an original document (PDF, web page). */
const DocumentLinkSchema = SourceSchema;

/**
 * One correction of a claim the site had published (訂正履歴): shown where it was made and collected on
 * /corrections/ with its own feed (src/lib/corrections.ts).
 */
export const CorrectionSchema = z.strictObject({
  /** When the correction was published. */
  date: IsoDateSchema,
  /** Where in the file, in words: 第20条のあらまし, 英語の要求文. */
  location: text,
  /** What the site said, and what was wrong with it. */
  before: text,
  /** What it says now. */
  after: text,
  /** Why: what the text or the source actually says. */
  reason: text,
  /** In content/site.yaml only: the route of the page showing the corrected text (/en/, /search/), which then says so. */
  page: z
    .string()
    .regex(/^\/(?:[a-z0-9-]+\/)*$/, 'ページは / で始まり / で終わるサイト内の場所で書いてください（例：/en/）')
    .optional(),
});

/** Corrections of a content file, oldest first. */
const corrections = z.array(CorrectionSchema).default([]);

/** A letter's title and summary for the English pages (the site's words: an unofficial translation). */
const EnglishLetterSchema = z.strictObject({
  /** The title in English, translated from the printed one. */
  title: englishText,
  /** The addressee in English, e.g. the Minister for Internal Affairs and Communications: letters may share a title, so headings name it. */
  addressee: englishText.optional(),
  /** One or two sentences on what the letter asks, in English. */
  summary: englishText,
});

/** A letter (要請書). The Markdown body is the letter text before 「記」. */
export const LetterSchema = z.strictObject({
  /** Title as printed. */
  title: text,
  /** Date as printed on the letter. */
  date: IsoDateSchema,
  /** Who sent it. */
  sender: PartySchema,
  /** To whom. */
  addressee: PartySchema,
  /** The word that closes the list of demands, as printed. */
  closing: text.default('以上'),
  /** Subjects, for browsing and search. */
  topics: z.array(text).default([]),
  /** Date by which a response was asked for, if any; overdue is derived from it. */
  responseDue: IsoDateSchema.optional(),
  /** Originals (PDF or web) where known. */
  originals: z.array(DocumentLinkSchema).default([]),
  /** One or two sentences introducing the letter on the site (the site's words, not the letter's). */
  summary: text,
  /** Title and summary for the English pages, if written. */
  english: EnglishLetterSchema.optional(),
  /** Corrections of claims this file had published (訂正履歴). */
  corrections,
});

/**
 * The reference a legal basis (and an <Article> in a body) means when it names none: the regulation
 * the 2019 letters rely on. Written here once; a campaign citing another text names it in each basis.
 */
export const DEFAULT_REFERENCE = 'mie-my-number-rules';

/** Why a demand points at an article of a reference text. */
const LegalBasisSchema = z.strictObject({
  /** Reference id (file name under content/references). */
  reference: slug.default(DEFAULT_REFERENCE),
  /** Article number (第n条). */
  article: z.number().int().positive(),
  /** One line: why this article matters to the demand. */
  reason: text,
});

/** A demand in another letter that asks for the same thing. */
const RelatedDemandSchema = z.strictObject({
  /** `<letter-slug>/<n>`. */
  demand: z
    .string()
    .regex(/^[a-z0-9-]+\/\d+$/, `<要請書のフォルダ名>/<番号> の形で書いてください（例：${SLUG_EXAMPLE}/2）`),
  /** One line: what the two have in common. */
  reason: text,
});

/** One event in a demand's history. The current status is the latest entry's status. */
export const HistoryEntrySchema = z.strictObject({
  /** When it happened. */
  date: IsoDateSchema,
  /** Kind of event. */
  type: z.enum(EVENT_TYPE_KEYS as [EventType, ...EventType[]]),
  /** Status of the demand after this event. */
  status: z.enum(STATUS_KEYS),
  /** When the entry was added to the site, if later than `date` (a late-found event): orders the feed. */
  recorded: IsoDateSchema.optional(),
  /** What happened, in at most MAX_CHARS.summary (200) characters. */
  summary: text.superRefine(maxChars(MAX_CHARS.summary)).meta({ maxChars: MAX_CHARS.summary }),
  /** The summary in English for the English pages (an unofficial translation that adds nothing). */
  summaryEn: englishText.optional(),
  /** The counterparty's stated position (相手方の回答要旨), kept apart from the union's view. */
  counterpartyPosition: text.optional(),
  /** The union's assessment, where it made one. */
  assessment: text.optional(),
  /** Public sources for this entry: at least one. */
  sources: z.array(SourceSchema).min(1),
});

/** A demand in English for the English pages (an unofficial translation; the Japanese is authoritative). */
const EnglishDemandSchema = z.strictObject({
  /** The demand's words translated faithfully. */
  text: englishText,
  /** A short title for lists, in English. */
  shortTitle: englishText.superRefine(maxChars(MAX_CHARS.shortTitleEn)).meta({ maxChars: MAX_CHARS.shortTitleEn }),
});

/** One demand of a letter. */
export const DemandSchema = z.strictObject({
  /** Slug of the letter it belongs to. */
  letter: slug,
  /** Position in the letter, 1..n; used in URLs. */
  number: z.number().int().positive(),
  /** The number as printed (1. or ①). */
  label: text,
  /** The demand's exact words. */
  text,
  /** A short title for tables (the site's words). */
  shortTitle: text.superRefine(maxChars(MAX_CHARS.shortTitle)).meta({ maxChars: MAX_CHARS.shortTitle }),
  /** The demand and its short title in English, if written. */
  english: EnglishDemandSchema.optional(),
  /** Subjects, for browsing and search. */
  topics: z.array(text).default([]),
  /** Articles the demand relies on: the site's annotation. */
  legalBasis: z.array(LegalBasisSchema).default([]),
  /** Demands in other letters asking for the same thing (shown both ways). */
  related: z.array(RelatedDemandSchema).default([]),
  /** Events, oldest first; the last one gives the current status. */
  statusHistory: z.array(HistoryEntrySchema).min(1),
  /** When an organizer last checked for news on this demand. */
  lastChecked: IsoDateSchema,
  /** Corrections of claims this file had published (訂正履歴). */
  corrections,
});

/** A lettered sub-item (イ, ロ, ハ) of an item. */
const SubItemSchema = z.strictObject({
  /** Label as printed: イ, ロ, ハ. */
  label: text,
  /** Text as enacted. */
  text,
});

/** A numbered item (号) of a paragraph. */
const ItemSchema = z.strictObject({
  /** Label as printed: (1), (2). */
  label: text,
  /** Text as enacted. */
  text,
  /** Sub-items イ, ロ, ハ. */
  subItems: z.array(SubItemSchema).default([]),
  /** Editorial note about the transcription. */
  note: text.optional(),
});

/** A paragraph (項). The first paragraph of an article carries no number. */
const ParagraphSchema = z.strictObject({
  /** Paragraph number as printed (2, 3…); absent for the first paragraph. */
  number: z.number().int().positive().optional(),
  /** Caption in parentheses, where a paragraph has one (附則). */
  caption: text.optional(),
  /** Text as enacted. */
  text,
  /** Items (号). */
  items: z.array(ItemSchema).default([]),
  /** Editorial note about the transcription (corrections, ［原文ママ］). */
  note: text.optional(),
});

/** An article (条). */
const ArticleSchema = z.strictObject({
  /** n of 第n条. */
  number: z.number().int().positive(),
  /** Caption in parentheses, without them: 目的, 定義. */
  caption: text,
  /** The caption in English, for the English pages' headings (Purpose, Definitions). */
  captionEn: englishText.optional(),
  /** The site's summary in plain Japanese (shown above the text, marked as the site's; the text stays authoritative). */
  plain: plainJapaneseText.optional(),
  /** The site's summary in English, for the English pages (an unofficial summary, not a translation). */
  summaryEn: englishText.optional(),
  /** Paragraphs, in order. */
  paragraphs: z.array(ParagraphSchema).min(1),
});

/** A chapter (章). */
const ChapterSchema = z.strictObject({
  /** n of 第n章. */
  number: z.number().int().positive(),
  /** Chapter title: 総則. */
  title: text,
  /** Articles in the chapter. */
  articles: z.array(ArticleSchema).min(1),
});

/** A supplementary provision (附則). */
const SupplementarySchema = z.strictObject({
  /** Heading as printed after 附則, e.g. （平成30年5月21日三職共規程第2号）. */
  qualifier: text.optional(),
  /** The site's summary in plain Japanese, as for an article. */
  plain: plainJapaneseText.optional(),
  /** The site's summary in English, as for an article. */
  summaryEn: englishText.optional(),
  /** Paragraphs of the provision. */
  paragraphs: z.array(ParagraphSchema).min(1),
});

/** Enactment or amendment data. */
const EnactmentSchema = z.strictObject({
  /** Date, ISO. */
  date: IsoDateSchema,
  /** Date as printed (平成27年12月2日). */
  written: text,
  /** Number as printed (三職共規程第8号). */
  number: text,
});

/** A reference text's title and summary for the English pages (the site's words, unofficial). */
const ReferenceEnglishSchema = z.strictObject({
  /** The title in English, e.g. Rules on the Proper Handling of Individual Numbers… */
  title: englishText,
  /** One or two sentences on why the site publishes it. */
  summary: englishText,
});

/** A reference text, such as a regulation the letters rely on. */
export const ReferenceSchema = z.strictObject({
  /** Title as printed. */
  title: text,
  /** Short title for labels. */
  shortTitle: text,
  /** Who enacted it. */
  issuer: text,
  /** Enactment. */
  enacted: EnactmentSchema,
  /** Amendments, oldest first. */
  amendments: z.array(EnactmentSchema).default([]),
  /** One or two sentences on why the site publishes it (the site's words). */
  summary: text,
  /** Title and summary for the English pages, if written. */
  english: ReferenceEnglishSchema.optional(),
  /** Where the transcription came from and what was corrected. */
  editorialNotes: z.array(text).default([]),
  /** Chapters with their articles. */
  chapters: z.array(ChapterSchema).min(1),
  /** 附則, in order. */
  supplementary: z.array(SupplementarySchema).default([]),
  /** Originals where known. */
  originals: z.array(DocumentLinkSchema).default([]),
  /** Corrections of claims this file had published (訂正履歴). */
  corrections,
});

/**
 * A source for a campaign-timeline event. Not every source is online (press articles often are
 * not), so a source names a web page (`url`), or a publication with its date, or one of the site's
 * letters whose text states the fact; at least one of the three. Demand histories use SourceSchema,
 * where a URL is always required.
 */
export const TimelineSourceSchema = z
  .strictObject({
    /** Title as published: the article's headline or the page's title (at most MAX_CHARS.sourceTitle characters). */
    title: text.superRefine(maxChars(MAX_CHARS.sourceTitle)).meta({ maxChars: MAX_CHARS.sourceTitle }),
    /** Where to read it, when it is online (as SourceSchema.url). */
    url: sourceUrl.optional(),
    /** Newspaper, agency or organisation that published it: しんぶん赤旗, 連合通信. */
    publication: text.optional(),
    /** Publication date, for press items. */
    date: IsoDateSchema.optional(),
    /** Slug of a letter on this site whose text states the fact (content/letters/<slug>). */
    letter: slug.optional(),
    /** A saved copy of the page (Wayback Machine or WARP), shown as 「保存版」 beside the link. */
    archived: ArchiveUrlSchema.optional(),
    /** When the page was last read at `url` (YYYY-MM-DD). */
    accessed: IsoDateSchema.optional(),
  })
  .refine(
    (source) =>
      source.url !== undefined ||
      source.letter !== undefined ||
      (source.publication !== undefined && source.date !== undefined),
    {
      message: '出典には url か、publication（媒体）と date（日付）か、letter（このサイトの要請書）のどれかが必要です',
    },
  );

/** One event of the campaign timeline that is not a demand's own history (content/timeline/<id>.yaml). */
/**
 * A timeline event in English for /en/timeline/: an unofficial translation of its title and summary.
 * Same sourcing rules as the Japanese: it says no more than the event's sources (which it shares).
 */
const EnglishTimelineEventSchema = z.strictObject({
  /** The heading in English. */
  title: englishText.max(120),
  /** What happened, in English, translated from the summary: nothing the sources do not say. */
  summary: englishText.max(600),
});

export const TimelineEventSchema = z.strictObject({
  /** When it happened. */
  date: IsoDateSchema,
  /** Kind of event: policy, campaign, press or other. */
  kind: z.enum(TIMELINE_KIND_KEYS as [TimelineKind, ...TimelineKind[]]),
  /** A short heading (the site's words). */
  title: text.superRefine(maxChars(MAX_CHARS.timelineTitle)).meta({ maxChars: MAX_CHARS.timelineTitle }),
  /** What happened, in at most MAX_CHARS.timelineSummary (300) characters, saying no more than the sources. */
  summary: text.superRefine(maxChars(MAX_CHARS.timelineSummary)).meta({ maxChars: MAX_CHARS.timelineSummary }),
  /** Slugs of the letters this event concerns, for links. */
  letters: z.array(slug).default([]),
  /** Sources for the event: at least one. */
  sources: z.array(TimelineSourceSchema).min(1),
  /** Corrections of claims this file had published (訂正履歴). */
  corrections,
  /** Title and summary for the English timeline, if written. */
  english: EnglishTimelineEventSchema.optional(),
});

/**
 * The site's own texts (content/site.yaml): its names and introductions. They live in content/, not in
 * code, so that a union running the next campaign edits them in /admin/ and changes no code.
 */
export const SiteSchema = z.strictObject({
  /** The site's full name: the home page's heading, the header, link previews and the manifest. */
  name: text.superRefine(maxChars(MAX_CHARS.siteName)).meta({ maxChars: MAX_CHARS.siteName }),
  /** A short name appended to every page title and shown under an installed icon. */
  shortName: text.superRefine(maxChars(MAX_CHARS.siteShortName)).meta({ maxChars: MAX_CHARS.siteShortName }),
  /** Who publishes the site, as shown in the footer and as the feeds' author. */
  publisher: text,
  /** One or two sentences describing the site, for search engines and link previews. */
  description: text.superRefine(maxChars(MAX_CHARS.description)).meta({ maxChars: MAX_CHARS.description }),
  /** The home page's introduction, one paragraph per item. */
  homeIntro: z.array(text).min(1),
  /** The description of the letters list (/letters/), for search engines and link previews. */
  lettersDescription: text.superRefine(maxChars(MAX_CHARS.description)).meta({ maxChars: MAX_CHARS.description }),
  /** The description of the status list (/status/), for search engines and link previews. */
  statusDescription: text.superRefine(maxChars(MAX_CHARS.description)).meta({ maxChars: MAX_CHARS.description }),
  /** The description of the timeline page (/timeline/), for search engines and link previews. */
  timelineDescription: text.superRefine(maxChars(MAX_CHARS.description)).meta({ maxChars: MAX_CHARS.description }),
  /** The timeline page's introduction under its heading. */
  timelineIntro: text,
  /** The subtitle of the site's Atom feed (/feed.xml). */
  feedSubtitle: text.superRefine(maxChars(MAX_CHARS.description)).meta({ maxChars: MAX_CHARS.description }),
  /** Corrections of the site's own texts outside content/ (pages, search, status definitions): 訂正履歴. */
  corrections,
});

export type Letter = z.output<typeof LetterSchema>;
export type Demand = z.output<typeof DemandSchema>;
export type HistoryEntry = z.output<typeof HistoryEntrySchema>;
export type Reference = z.output<typeof ReferenceSchema>;
export type Article = z.output<typeof ArticleSchema>;
export type Supplementary = z.output<typeof SupplementarySchema>;
export type Source = z.output<typeof SourceSchema>;
export type TimelineEvent = z.output<typeof TimelineEventSchema>;
export type Site = z.output<typeof SiteSchema>;
export type Correction = z.output<typeof CorrectionSchema>;
