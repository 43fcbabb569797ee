/**
 * The configuration of the editor at /admin/ (Decap CMS), generated at build time
 * (src/pages/admin/config.yml.ts) from the schemas and src/lib/status.ts, never written by hand.
 * tests/cms-config.test.ts holds it to the schemas field by field.
 */
import { stringify } from 'yaml';
import {
  LetterSchema,
  DemandSchema,
  TimelineEventSchema,
  ReferenceSchema,
  SiteSchema,
  SLUG_EXAMPLE,
  DEFAULT_REFERENCE,
} from '../schemas.ts';
import { SITE_FILE } from '../content/files.ts';
import { HISTORY_FIELD_LABELS, STATUS_LIST } from '../status.ts';
import { fieldsFor, type CmsField, type FieldTexts } from './fields.ts';

/** Each collection has its own file format, `site-<collection>` (registered in src/admin/main.ts). */
export const formatName = (collection: string): string => `site-${collection}`;

const source = {
  title: { label: '出典の題名', hint: '公開されている文書・記事の題名を、そのまま書きます。' },
  url: { label: '出典の URL', hint: 'https:// で始まる、誰でも読める場所。' },
};

const party = (who: string): FieldTexts => ({
  [who]: { label: who === 'sender' ? '差出人' : '宛先' },
  [`${who}.organization`]: { label: '団体名', hint: '印字のとおりに（例：日本自治体労働組合総連合）。' },
  [`${who}.organizationPrinted`]: {
    label: '団体名が宛名に印字されている',
    hint: '総務大臣宛のように省名がないときは外します。見出しは役職名で「総務大臣宛」になります。',
  },
  [`${who}.shortName`]: {
    label: '略称',
    hint: '団体の短い名前（例：自治労連、市町村共済連合会、総務省）。表や見出しの「…宛」に使います（団体名が宛名にないときは役職名）。',
  },
  [`${who}.role`]: { label: '役職', hint: '印字のとおりに（例：中央執行委員長）。' },
  [`${who}.name`]: { label: '氏名', hint: '印字のとおりに、空白も含めて（例：猿橋 均）。' },
  [`${who}.honorific`]: { label: '敬称', hint: '殿、様など、印字のとおりに。' },
});

export const LETTER_TEXTS: FieldTexts = {
  title: { label: '要請書の題名', hint: '印字のとおりに書きます。' },
  date: { label: '日付', hint: '要請書に印字された日付（YYYY-MM-DD）。' },
  ...party('sender'),
  ...party('addressee'),
  closing: { label: '結びの語', hint: '要求の一覧を締めくくる語（通常は「以上」）。' },
  topics: { label: '主題', item: 'topic' },
  'topics[]': { label: '主題' },
  responseDue: { label: '回答期限', hint: '回答を求めた期限があれば。過ぎると「期限切れ」と表示されます。' },
  originals: { label: '原本', summary: '{{fields.title}}' },
  'originals.title': { label: '題名' },
  'originals.url': { label: 'URL', hint: 'PDF やウェブページの場所。' },
  summary: { label: '紹介文', hint: 'サイトでこの要請書を紹介する1〜2文（サイトの言葉で）。', long: true },
  english: { label: '英語ページの題名と紹介文' },
  'english.title': { label: '題名（英語）', hint: '印字された題名の英訳。英語ページの見出しになります。' },
  'english.summary': { label: '紹介文（英語）', hint: 'この要請書が何を求めているかを英語で1〜2文。', long: true },
};

export const DEMAND_TEXTS: FieldTexts = {
  letter: { label: '要請書', hint: `この要求が載っている要請書のフォルダー名（例：${SLUG_EXAMPLE}）。` },
  number: { label: '番号', hint: '要請書の中で何番目の要求か（1から）。URL に使われます。' },
  label: { label: '番号の表記', hint: '印字のとおりに（1. や ①）。' },
  text: { label: '要求の文言', hint: '要請書に書かれたとおりに。', long: true },
  shortTitle: { label: '短い題', hint: '表に出す40字以内の題（サイトの言葉で）。' },
  english: { label: '英語ページの要求' },
  'english.text': {
    label: '要求の文言（英訳）',
    hint: '要求の文言を忠実に英訳します（非公式の訳。日本語が正本です）。',
    long: true,
  },
  'english.shortTitle': { label: '短い題（英語）', hint: '英語ページの一覧に出す80字以内の題。' },
  topics: { label: '主題', item: 'topic' },
  'topics[]': { label: '主題' },
  legalBasis: { label: '根拠となる条文', summary: '第{{fields.article}}条' },
  'legalBasis.reference': { label: '規程', hint: `関連規程のファイル名（通常は ${DEFAULT_REFERENCE}）。` },
  'legalBasis.article': { label: '条', hint: '第n条の n。' },
  'legalBasis.reason': { label: '理由', hint: 'この条文が要求に関わる理由を1行で。', long: true },
  related: { label: '関連する要求', summary: '{{fields.demand}}' },
  'related.demand': { label: '要求', hint: `<要請書>/<番号> の形（例：${SLUG_EXAMPLE}/1）。` },
  'related.reason': { label: '共通点', hint: '二つの要求の共通点を1行で。', long: true },
  statusHistory: {
    label: '経過',
    hint: '古い順に並べます。最後の項目の「状況」が、この要求の現在の状況になります。新しい出来事は一番下に追加してください。',
    summary: '{{fields.date}} {{fields.type}} → {{fields.status}}',
  },
  'statusHistory.date': { label: '日付', hint: '出来事のあった日（YYYY-MM-DD）。今日より後の日付は記録できません。' },
  'statusHistory.type': { label: '出来事の種類' },
  'statusHistory.status': {
    label: 'この出来事の後の状況',
    hint: '意向の表明だけでは「実現」にしません。結果で判断します（記録のしかた参照）。',
  },
  'statusHistory.recorded': {
    label: 'サイトに記録した日',
    hint: '出来事の日より後に記録するときは、今日の日付を入れます（フィードはこの日付の順に並び、新着として届きます）。',
  },
  'statusHistory.summary': {
    label: '何があったか',
    hint: '200字以内。出典に書かれている以上のことは書きません。',
    long: true,
  },
  'statusHistory.summaryEn': {
    label: '何があったか（英語）',
    hint: '「何があったか」の英訳。日本語に書かれていないことは足しません。',
    long: true,
  },
  'statusHistory.counterpartyPosition': {
    label: HISTORY_FIELD_LABELS.counterpartyPosition,
    hint: `回答があったときは、相手方の言い分を「${HISTORY_FIELD_LABELS.assessment}」と分けて書きます。`,
    long: true,
  },
  'statusHistory.assessment': {
    label: HISTORY_FIELD_LABELS.assessment,
    hint: '組合が談話や報告などで見解を示したときだけ。出典に書かれた見解を書きます。',
    long: true,
  },
  'statusHistory.sources': {
    label: '出典',
    hint: '少なくとも1つ。出典のない経過は記録できません。',
    summary: '{{fields.title}}',
  },
  'statusHistory.sources.title': source.title,
  'statusHistory.sources.url': source.url,
  lastChecked: { label: '最終確認日', hint: '新しい動きがないか最後に確かめた日（YYYY-MM-DD）。' },
};

export const TIMELINE_TEXTS: FieldTexts = {
  date: { label: '日付', hint: '出来事のあった日（YYYY-MM-DD）。' },
  kind: { label: '出来事の種類' },
  title: { label: '見出し', hint: '80字以内（サイトの言葉で）。' },
  summary: { label: '何があったか', hint: '300字以内。出典に書かれている以上のことは書きません。', long: true },
  letters: { label: '関係する要請書', item: 'letter' },
  'letters[]': { label: '要請書', hint: `フォルダー名（例：${SLUG_EXAMPLE}）。` },
  sources: { label: '出典', hint: '少なくとも1つ。', summary: '{{fields.title}}' },
  'sources.title': { label: '題名', hint: '記事の見出しやページの題名を、そのまま書きます。' },
  'sources.url': { label: 'URL', hint: 'ウェブで読めるとき。URL がなければ、発行元と日付か、要請書を書きます。' },
  'sources.publication': { label: '発行元', hint: '新聞・通信社・団体名（例：しんぶん赤旗）。' },
  'sources.date': { label: '発行日', hint: '紙面の記事などの日付（YYYY-MM-DD）。' },
  'sources.letter': { label: 'このサイトの要請書', hint: '事実が書かれている要請書のフォルダー名。' },
};

const enactment = (at: string, what: string): FieldTexts => ({
  [`${at}.date`]: { label: '日付', hint: `${what}の日（YYYY-MM-DD）。` },
  [`${at}.written`]: { label: '日付の表記', hint: '印字のとおりに（例：平成27年12月2日）。' },
  [`${at}.number`]: { label: '番号', hint: '印字のとおりに（例：三職共規程第8号）。' },
});

const AS_ENACTED = '制定されたとおりの文言です。翻刻の誤りを直すとき以外は変えません。';

/** A paragraph's fields under `at` (articles' and 附則's paragraphs are the same schema). */
const paragraph = (at: string): FieldTexts => ({
  [at]: { label: '項', summary: '{{fields.number}} {{fields.text}}' },
  [`${at}.number`]: { label: '項の番号', hint: '印字のとおり（2, 3…）。第1項は空のままにします。' },
  [`${at}.caption`]: { label: '見出し', hint: '（ ）の中の語。附則の項にあるときだけ。' },
  [`${at}.text`]: { label: '本文', hint: AS_ENACTED, long: true },
  [`${at}.items`]: { label: '号', summary: '{{fields.label}} {{fields.text}}' },
  [`${at}.items.label`]: { label: '号の記号', hint: '印字のとおり（(1), (2)）。' },
  [`${at}.items.text`]: { label: '本文', hint: AS_ENACTED, long: true },
  [`${at}.items.subItems`]: { label: 'イ・ロ・ハ', summary: '{{fields.label}} {{fields.text}}' },
  [`${at}.items.subItems.label`]: { label: '記号', hint: 'イ、ロ、ハ。' },
  [`${at}.items.subItems.text`]: { label: '本文', hint: AS_ENACTED, long: true },
  [`${at}.items.note`]: { label: '翻刻の注記', hint: '転記で直したことなど（サイトの注記として表示）。', long: true },
  [`${at}.note`]: { label: '翻刻の注記', hint: '転記で直したことなど（サイトの注記として表示）。', long: true },
});

/** The site's own summaries of an article or 附則 under `at`. */
const summaries = (at: string): FieldTexts => ({
  [`${at}.plain`]: {
    label: 'あらまし（やさしい日本語）',
    hint: '1〜2文で、誰が何をしなければならないか、本人が何を求められるかを、法律の言葉を使わずに。条文の上に「サイトによる要約」として表示されます。',
    long: true,
  },
  [`${at}.summaryEn`]: {
    label: 'あらまし（英語）',
    hint: '英語ページに出す、この条の英語の要約（1〜2文）。',
    long: true,
  },
});

export const REFERENCE_TEXTS: FieldTexts = {
  title: { label: '題名', hint: '印字のとおりに。' },
  shortTitle: { label: '短い題名', hint: '見出しや一覧に出す短い名前。' },
  issuer: { label: '制定した団体', hint: '例：三重県市町村職員共済組合。' },
  enacted: { label: '制定' },
  ...enactment('enacted', '制定'),
  amendments: { label: '改正', summary: '{{fields.written}} {{fields.number}}' },
  ...enactment('amendments', '改正'),
  summary: { label: '紹介文', hint: 'サイトがこの規程を載せる理由を1〜2文で（サイトの言葉で）。', long: true },
  english: { label: '英語ページの題名と紹介文' },
  'english.title': { label: '題名（英語）', hint: '英語ページの見出しにする英訳の題名。' },
  'english.summary': { label: '紹介文（英語）', hint: '英語ページに出す1〜2文。', long: true },
  editorialNotes: { label: '翻刻について', item: 'note' },
  'editorialNotes[]': { label: '注記', hint: '転記のもとと、直したこと。', long: true },
  chapters: { label: '章', summary: '第{{fields.number}}章 {{fields.title}}' },
  'chapters.number': { label: '章の番号', hint: '第n章の n。' },
  'chapters.title': { label: '章の題名', hint: '印字のとおりに（例：総則）。' },
  'chapters.articles': { label: '条', summary: '第{{fields.number}}条（{{fields.caption}}）' },
  'chapters.articles.number': { label: '条の番号', hint: '第n条の n。' },
  'chapters.articles.caption': { label: '見出し', hint: '（ ）の中の語、括弧なしで（例：目的）。' },
  ...summaries('chapters.articles'),
  ...paragraph('chapters.articles.paragraphs'),
  supplementary: { label: '附則', summary: '附則{{fields.qualifier}}' },
  'supplementary.qualifier': {
    label: '附則の見出し',
    hint: '附則の後に印字されたとおり（例：（平成30年5月21日三職共規程第2号））。',
  },
  ...summaries('supplementary'),
  ...paragraph('supplementary.paragraphs'),
  originals: { label: '原本', summary: '{{fields.title}}' },
  'originals.title': { label: '題名' },
  'originals.url': { label: 'URL', hint: 'PDF やウェブページの場所。' },
};

export const SITE_TEXTS: FieldTexts = {
  name: { label: 'サイトの名前', hint: 'ホームの見出し、各ページの上、リンクの紹介に出ます（80字以内）。' },
  shortName: {
    label: 'サイトの短い名前',
    hint: '各ページの題名の後ろと、ホーム画面のアイコンの下に出ます（30字以内）。',
  },
  publisher: { label: '発行者', hint: 'ページの下とフィードに出る発行者の名前（例：組合の正式名と略称）。' },
  description: {
    label: 'サイトの説明',
    hint: '検索結果やリンクの紹介に出る1〜2文（300字以内）。どの要請書の何を載せているかを書きます。',
    long: true,
  },
  homeIntro: { label: 'ホームの紹介文', item: 'paragraph' },
  'homeIntro[]': {
    label: '段落',
    hint: 'ホームの見出しの下に出る段落。事実は出典のあることだけを書きます。',
    long: true,
  },
  lettersDescription: {
    label: '要請書一覧の説明',
    hint: '要請書一覧ページの、検索結果やリンクの紹介に出る1文。',
    long: true,
  },
  statusDescription: {
    label: '要求の状況の説明',
    hint: '「要求の状況」ページの、検索結果やリンクの紹介に出る1文。',
    long: true,
  },
  timelineDescription: {
    label: '経過ページの説明',
    hint: '経過ページの、検索結果やリンクの紹介に出る1文。',
    long: true,
  },
  timelineIntro: { label: '経過ページの紹介文', hint: '経過ページの見出しの下に出る段落。', long: true },
  feedSubtitle: {
    label: 'フィードの説明',
    hint: 'Atom フィード（/feed.xml）の副題。何を配信しているかを1文で。',
    long: true,
  },
};

/** The Markdown body after the frontmatter, kept byte for byte (a plain text area, no rich-text rewrite). */
const body = (label: string, hint: string): CmsField => ({
  name: 'body',
  label,
  widget: 'text',
  required: false,
  hint,
});

/** A letter of the site and the extension its demand files use. */
export interface LetterFolder {
  slug: string;
  /** `.md` or `.mdx`: the extension of the letter's demand files (new demands get it too). */
  demandExtension: string;
  /** The letter file's extension. */
  letterExtension: string;
}

export interface BackendOptions {
  /** `owner/name` of the GitHub repository (CMS_REPO, or GITHUB_REPOSITORY in GitHub Actions). */
  repo: string;
  branch: string;
  /** The OAuth proxy's origin (CMS_AUTH_BASE_URL), for sign-in with GitHub. */
  authBaseUrl?: string;
  /** Its path (CMS_AUTH_ENDPOINT), default `auth`. */
  authEndpoint?: string;
  /** The port of decap-server for `npm run edit` (CMS_PORT), default 8081. */
  localPort?: number;
}

export function backendFromEnv(env: Record<string, string | undefined> = process.env): BackendOptions {
  return {
    repo: env['CMS_REPO'] ?? env['GITHUB_REPOSITORY'] ?? 'OWNER/REPOSITORY',
    branch: env['CMS_BRANCH'] ?? 'main',
    ...(env['CMS_AUTH_BASE_URL'] ? { authBaseUrl: env['CMS_AUTH_BASE_URL'] } : {}),
    ...(env['CMS_AUTH_ENDPOINT'] ? { authEndpoint: env['CMS_AUTH_ENDPOINT'] } : {}),
    ...(env['CMS_PORT'] && Number(env['CMS_PORT']) !== 8081 ? { localPort: Number(env['CMS_PORT']) } : {}),
  };
}

const ext = (extension: string): string => extension.replace(/^\./, '');

/** The whole Decap configuration, as an object (config.yml is its YAML). */
export function cmsConfig(letters: readonly LetterFolder[], backend: BackendOptions, siteUrl: string) {
  const letterExtensions = [...new Set(letters.map((l) => ext(l.letterExtension)))];
  return {
    locale: 'ja',
    backend: {
      name: 'github',
      repo: backend.repo,
      branch: backend.branch,
      ...(backend.authBaseUrl ? { base_url: backend.authBaseUrl } : {}),
      ...(backend.authEndpoint ? { auth_endpoint: backend.authEndpoint } : {}),
      squash_merges: true,
      commit_messages: {
        create: '{{collection}}「{{slug}}」を追加（管理画面）',
        update: '{{collection}}「{{slug}}」を更新（管理画面）',
        delete: '{{collection}}「{{slug}}」を削除（管理画面）',
      },
    },
    // Each save becomes a pull request that CI checks; merging it publishes.
    publish_mode: 'editorial_workflow',
    // `npm run edit`: on localhost the editor talks to decap-server (port 8081) and edits this checkout.
    local_backend: backend.localPort ? { url: `http://localhost:${backend.localPort}/api/v1` } : true,
    site_url: siteUrl,
    display_url: siteUrl,
    // No uploads: sources are links, and nothing is stored outside the repository.
    media_folder: 'public/uploads',
    public_folder: '/uploads',
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: [
      {
        name: 'site',
        label: 'サイトの文章',
        description: 'サイトの名前、発行者、ホームと経過ページの紹介文など。次の運動では、ここを書き換えます。',
        format: formatName('site'),
        extension: 'yaml',
        delete: false,
        files: [
          {
            name: 'site',
            label: 'サイトの名前と紹介文',
            file: SITE_FILE,
            fields: fieldsFor(SiteSchema, '', SITE_TEXTS),
          },
        ],
      },
      {
        name: 'letters',
        label: '要請書',
        label_singular: '要請書',
        folder: 'content/letters',
        path: '{{slug}}/letter',
        extension: letterExtensions[0] ?? 'md',
        format: formatName('letters'),
        create: true,
        delete: false,
        slug: '{{year}}-{{month}}-{{day}}-letter',
        summary: '{{date}} {{title}}',
        identifier_field: 'title',
        fields: [
          ...fieldsFor(LetterSchema, '', LETTER_TEXTS),
          body('本文（「記」の前まで）', '要請書の前文を、印字のとおりに。'),
        ],
      },
      ...letters.map((letter) => ({
        name: `demands-${letter.slug}`,
        label: `要求：${letter.slug}`,
        label_singular: '要求',
        description: `要請書 ${letter.slug} の要求。経過（状況の変化）はここで記録します。`,
        folder: `content/letters/${letter.slug}/demands`,
        extension: ext(letter.demandExtension),
        format: formatName(`demands-${letter.slug}`),
        create: true,
        delete: false,
        slug: '{{fields.number}}',
        summary: '{{number}}. {{shortTitle}}',
        identifier_field: 'shortTitle',
        sortable_fields: ['number'],
        fields: [
          ...fieldsFor(DemandSchema, '', DEMAND_TEXTS).map((field) =>
            field.name === 'letter' ? { ...field, default: letter.slug } : field,
          ),
          body('補足', '要求の下に表示する補足の本文。なければ空のままにします。'),
        ],
      })),
      {
        name: 'timeline',
        label: '経過ページの出来事',
        label_singular: '出来事',
        description: '要求の経過ではない、運動全体の出来事（政府の動き、報道など）。',
        folder: 'content/timeline',
        extension: 'yaml',
        format: formatName('timeline'),
        create: true,
        delete: false,
        slug: '{{year}}-{{month}}-{{day}}-event',
        summary: '{{date}} {{title}}',
        identifier_field: 'title',
        fields: fieldsFor(TimelineEventSchema, '', TIMELINE_TEXTS),
      },
      {
        name: 'references',
        label: '関連規程',
        label_singular: '規程',
        description:
          '要請書が根拠にする規程。条文は制定されたとおりに載せます。あらまし（やさしい日本語・英語）はサイトの要約です。',
        folder: 'content/references',
        extension: 'yaml',
        format: formatName('references'),
        // New regulations are added by a developer (the transcription needs checking against the PDF).
        create: false,
        delete: false,
        summary: '{{shortTitle}}',
        identifier_field: 'shortTitle',
        fields: fieldsFor(ReferenceSchema, '', REFERENCE_TEXTS),
      },
    ],
  };
}

export type CmsConfig = ReturnType<typeof cmsConfig>;

/** config.yml as served at /admin/config.yml. */
export function cmsConfigYaml(config: CmsConfig): string {
  return `# Generated at build time by src/lib/cms/config.ts from src/lib/schemas.ts and src/lib/status.ts. Do not edit.\n${stringify(config, { lineWidth: 0 })}`;
}

/** The statuses a history entry may take, as the editor offers them (for the guide and tests). */
export const STATUS_OPTION_VALUES = STATUS_LIST.map((s) => s.key);
