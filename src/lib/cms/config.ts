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
import { HISTORY_FIELD_LABELS } from '../status.ts';
import { fieldsFor, type CmsField, type FieldTexts } from './fields.ts';
import { DEMAND_MARK } from './demand-mark.ts';
import { STATUS_PREFIX, TYPE_PREFIX } from './summary-labels.ts';

/** Each collection has its own file format, `site-<collection>` (registered in src/admin/main.ts). */
const formatName = (collection: string): string => `site-${collection}`;

const source = {
  title: { label: '出典の題名', hint: '公開されている文書・記事の題名を、そのまま書きます。' },
  url: { label: '出典の URL', hint: 'https:// で始まる、誰でも読める場所。' },
};

/** A source's saved copy and reading date under `at` (every kind of source has them). */
const archive = (at: string): FieldTexts => ({
  [`${at}.archived`]: {
    label: '保存版の URL',
    hint: 'Wayback Machine（https://web.archive.org/…）か国立国会図書館 WARP（https://warp.ndl.go.jp/…）に保存したページの URL。ページの横に「保存版」と出ます。',
  },
  [`${at}.accessed`]: { label: '閲覧日', hint: 'この URL でページを読んだ日（YYYY-MM-DD）。' },
});

/** The corrections log of a file (訂正履歴): every collection has it. */
const corrections: FieldTexts = {
  corrections: {
    label: '訂正履歴',
    hint: '公開した内容を直したときは、ここに1件追加します（何が誤りで、いまは何と書き、なぜ直したか）。ページと「訂正履歴」のページに出ます。',
    summary: '{{fields.date}} {{fields.location}}',
  },
  'corrections.date': { label: '訂正した日', hint: 'YYYY-MM-DD。' },
  'corrections.location': { label: '訂正した箇所', hint: '例：第20条のあらまし、要求の英訳。' },
  'corrections.before': { label: '訂正前', hint: '以前の記載と、どこが誤っていたか。', long: true },
  'corrections.after': { label: '訂正後', hint: 'いまの記載。', long: true },
  'corrections.reason': { label: '理由', hint: '条文や出典に実際に何と書かれているか。', long: true },
  'corrections.page': {
    label: '直したページ',
    hint: 'サイトの文章（このファイル）の訂正だけ：直した文章が出るページ（例：/en/）。そのページに訂正を表示します。',
  },
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

const LETTER_TEXTS: FieldTexts = {
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
  'english.addressee': {
    label: '宛先（英語）',
    hint: '英語ページの見出しに出す宛先（例：the Minister for Internal Affairs and Communications）。題名が同じ要請書を見分けます。',
  },
  'english.summary': { label: '紹介文（英語）', hint: 'この要請書が何を求めているかを英語で1〜2文。', long: true },
  ...archive('originals'),
  ...corrections,
};

const DEMAND_TEXTS: FieldTexts = {
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
    // Decap's templates print stored keys only: each key follows a fixed prefix, and the editor page shows
    // the key's Japanese label in its place (src/lib/cms/summary-labels.ts): 2019-07-23　種類：回答　状況：回答あり　…
    summary: `{{fields.date}}　${TYPE_PREFIX}{{fields.type}}　${STATUS_PREFIX}{{fields.status}}　{{fields.summary | truncate(30,'…')}}`,
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
  ...archive('statusHistory.sources'),
  lastChecked: { label: '最終確認日', hint: '新しい動きがないか最後に確かめた日（YYYY-MM-DD）。' },
  ...corrections,
};

const TIMELINE_TEXTS: FieldTexts = {
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
  ...archive('sources'),
  ...corrections,
  english: { label: '英語の経過ページ（/en/timeline/）の見出しと説明' },
  'english.title': { label: '見出し（英語）', hint: '見出しの英訳。120字以内。' },
  'english.summary': {
    label: '何があったか（英語）',
    hint: '「何があったか」の英訳。出典に書かれている以上のことは書きません。',
    long: true,
  },
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

const REFERENCE_TEXTS: FieldTexts = {
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
  'chapters.articles.captionEn': { label: '見出し（英語）', hint: '英語ページの条の見出し（例：Purpose）。' },
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
  ...archive('originals'),
  ...corrections,
};

const SITE_TEXTS: FieldTexts = {
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
  ...corrections,
};

/** The Markdown body after the frontmatter, kept byte for byte (a plain text area, no rich-text rewrite). */
const body = (label: string, hint: string): CmsField => ({
  name: 'body',
  label,
  widget: 'text',
  required: false,
  hint,
});

/** The demand files on disk, as far as the editor needs them (src/lib/cms/folders.ts reads them). */
export interface DemandFiles {
  /**
   * The extensions (`.md`, `.mdx`) of the letter files and of the demand files. One collection lists one
   * extension, so each extension in use gets its own demands collection: at most two, whatever the
   * number of letters.
   */
  letterExtensions: readonly string[];
  demandExtensions: readonly string[];
}

/** Where each setting of the production editor is explained (a section that exists in README.md). */
export const EDITOR_SETUP_README = 'README「The editor where the site is deployed」';
/** The same, for organizers: the guide's section (src/pages/guide/index.astro). */
const EDITOR_SETUP_GUIDE = '/guide/ の「公開のしかた」';

export interface BackendOptions {
  /** `owner/name` of the GitHub repository (CMS_REPO, GITHUB_REPOSITORY in GitHub Actions, Netlify's REPOSITORY_URL); unknown: left out. */
  repo?: string;
  branch: string;
  /** The OAuth proxy's origin (CMS_AUTH_BASE_URL), for sign-in with GitHub. */
  authBaseUrl?: string;
  /** Its path (CMS_AUTH_ENDPOINT), default `auth`. */
  authEndpoint?: string;
  /** The port of decap-server for `npm run edit` (CMS_PORT), default 8081. */
  localPort?: number;
}

/**
 * `owner/name` from a repository address as hosts give it: https://github.com/owner/name(.git) or
 * git@github.com:owner/name(.git) (Netlify's REPOSITORY_URL has had both forms). Anything else: undefined.
 */
export function repoFromUrl(url: string | undefined): string | undefined {
  const match =
    /^(?:https?:\/\/(?:[^@/]+@)?github\.com\/|git@github\.com:|ssh:\/\/git@github\.com\/)([\w.-]+)\/([\w.-]+?)(?:\.git)?\/?$/.exec(
      url?.trim() ?? '',
    );
  return match ? `${match[1]}/${match[2]}` : undefined;
}

const setting = (value: string | undefined): string | undefined => (value?.trim() ? value.trim() : undefined);

export function backendFromEnv(env: Record<string, string | undefined> = process.env): BackendOptions {
  const repo = setting(env['CMS_REPO']) ?? setting(env['GITHUB_REPOSITORY']) ?? repoFromUrl(env['REPOSITORY_URL']);
  const authBaseUrl = setting(env['CMS_AUTH_BASE_URL']);
  const authEndpoint = setting(env['CMS_AUTH_ENDPOINT']);
  return {
    ...(repo ? { repo } : {}),
    branch: setting(env['CMS_BRANCH']) ?? 'main',
    ...(authBaseUrl ? { authBaseUrl } : {}),
    ...(authEndpoint ? { authEndpoint } : {}),
    ...(env['CMS_PORT'] && Number(env['CMS_PORT']) !== 8081 ? { localPort: Number(env['CMS_PORT']) } : {}),
  };
}

/**
 * What a deploy build's editor lacks, one Japanese line per missing setting (empty: the editor can be
 * used). Sign-in needs an OAuth proxy (CMS_AUTH_BASE_URL), except on Netlify, whose own GitHub provider
 * is Decap's default. Only deploy builds are asked: `npm run edit` uses the local backend.
 */
export function editorSetupProblems(backend: BackendOptions, env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  if (!backend.repo)
    problems.push(
      `管理画面：保存先の GitHub リポジトリ（CMS_REPO、例：jichiroren/mynumber-youseisho）が設定されていません。${EDITOR_SETUP_README}、${EDITOR_SETUP_GUIDE}を見てください。`,
    );
  if (!backend.authBaseUrl && env['NETLIFY'] !== 'true')
    problems.push(
      `管理画面：GitHub でログインするための OAuth 中継のアドレス（CMS_AUTH_BASE_URL、例：https://cms-auth.組合名.workers.dev）が設定されていません。${EDITOR_SETUP_README}、${EDITOR_SETUP_GUIDE}を見てください。`,
    );
  return problems;
}

const ext = (extension: string): string => extension.replace(/^\./, '');

/** The whole Decap configuration, as an object (config.yml is its YAML). */
export function cmsConfig(files: DemandFiles, backend: BackendOptions, siteUrl: string) {
  const demandExtensions = files.demandExtensions.length ? files.demandExtensions.map(ext) : ['md'];
  return {
    locale: 'ja',
    backend: {
      name: 'github',
      ...(backend.repo ? { repo: backend.repo } : {}),
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
        extension: ext(files.letterExtensions[0] ?? 'md'),
        format: formatName('letters'),
        create: true,
        delete: false,
        slug: '{{year}}-{{month}}-{{day}}-letter',
        // The letter's short name, as the site's lists give it (date and addressee: 2019-07-23 総務大臣宛).
        summary: '{{date}} {{addressee.shortName}}宛',
        identifier_field: 'title',
        sortable_fields: [{ field: 'date', label: '日付', default_sort: 'desc' }],
        fields: [
          ...fieldsFor(LetterSchema, '', LETTER_TEXTS),
          body('本文（「記」の前まで）', '要請書の前文を、印字のとおりに。'),
        ],
      },
      ...demandExtensions.map((extension, i) =>
        demandsCollection(extension, i === 0 ? 'demands' : `demands-${extension}`),
      ),
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

type CmsConfig = ReturnType<typeof cmsConfig>;

/** config.yml as served at /admin/config.yml. */
export function cmsConfigYaml(config: CmsConfig): string {
  return `# Generated at build time by src/lib/cms/config.ts from src/lib/schemas.ts and src/lib/status.ts. Do not edit.\n${stringify(config, { lineWidth: 0 })}`;
}

/**
 * All demands of all letters in one nested collection over content/letters (content/letters/<letter>/
 * demands/<number>.<ext>): config.yml does not grow with the letters. The sidebar's folder tree opens one
 * letter's demands in two clicks (要求 → the letter's folder → demands), and the list groups by letter.
 * The demand's `letter` field names the folder a new demand is written to (`path`); there is no `meta:
 * { path }` field, which would let a demand be moved out of its letter and, for a new demand, name the
 * file after a `title` field that demands do not have (Decap 3.x), instead of its number.
 * A depth of 3 reaches the demand files, and with them the letter files (letter.md): the collection
 * `filter` keeps the files that name their letter, which only demands do (DEMAND_MARK, set by the format).
 */
function demandsCollection(extension: string, name: string) {
  return {
    name,
    label: name === 'demands' ? '要求' : `要求（.${extension} のファイル）`,
    label_singular: '要求',
    description:
      '要請書ごとの要求。左の一覧で要請書のフォルダーを開くと、その要請書の要求だけが出ます。経過（状況の変化）はここで記録します。',
    folder: 'content/letters',
    nested: { depth: 3, summary: '{{letter}} 要求{{number}}「{{shortTitle}}」' },
    path: '{{letter}}/demands/{{slug}}',
    extension,
    format: formatName(name),
    filter: { field: DEMAND_MARK, value: true },
    create: true,
    delete: false,
    slug: '{{fields.number}}',
    summary: '{{letter}} 要求{{number}}「{{shortTitle}}」',
    identifier_field: 'shortTitle',
    sortable_fields: [
      { field: 'letter', label: '要請書', default_sort: 'desc' },
      { field: 'number', label: '番号' },
    ],
    view_groups: [{ label: '要請書', field: 'letter' }],
    fields: [
      ...fieldsFor(DemandSchema, '', DEMAND_TEXTS),
      body('補足', '要求の下に表示する補足の本文。なければ空のままにします。'),
    ],
  };
}
