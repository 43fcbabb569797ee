/**
 * The editor's interface phrases: Decap's Japanese locale (decap-cms-locales `ja`) with the phrases it
 * lacks, which Decap would otherwise show in English ("Add 経過", "Notes"…). src/admin/main.ts registers
 * the result as `ja` and also as `en`: Decap shows "Loading configuration..." in `en` before config.yml
 * (which says `locale: ja`) has loaded. tests/cms-locale.test.ts fails when a Decap update adds an
 * English phrase that has no Japanese here.
 */

export type Phrases = { [key: string]: string | Phrases };

/** Japanese for the phrases decap-cms-locales' `ja` does not have (keys as in its `en`). */
export const JA_MISSING: Phrases = {
  auth: { loginWithForgejo: 'Forgejo でログイン' },
  collection: {
    collectionTop: { viewAsList: '一覧で表示', viewAsGrid: 'タイルで表示' },
    entries: { unpublishedHeader: '未公開の項目' },
  },
  editor: {
    editorControl: { field: { widgetLabel: '%{widgetLabel}の欄' } },
    editorControlPane: {
      i18n: {
        copyFromLocale: 'ほかの言語から写す',
        copyFromLocaleConfirm: '%{locale} の内容を写しますか？\nいま書かれている内容はすべて置き換わります。',
      },
    },
    editorInterface: { toggleNotes: 'メモの表示を切り替える' },
    editorNotesPane: {
      title: 'メモ',
      emptyState: 'メモはまだありません。下に最初のメモを書けます。',
      addNote: 'メモを追加',
      addPlaceholder: 'メモを書く…',
      editPlaceholder: 'メモを直す…',
      save: '保存',
      cancel: 'やめる',
      edit: '直す',
      delete: '削除',
      resolve: '解決にする',
      unresolve: '未解決に戻す',
      confirmDelete: 'このメモを削除しますか？',
      shortcut: 'Ctrl+Enter でもメモを追加できます',
    },
    editorWidgets: {
      markdown: {
        strikethrough: '取り消し線',
        toggleMode: { rich: 'リッチテキストに切り替える', markdown: 'Markdown に切り替える' },
      },
      image: { chooseMultiple: '画像を選ぶ', addMore: '画像を追加', removeAll: '画像をすべて外す' },
      file: { chooseMultiple: 'ファイルを選ぶ', addMore: 'ファイルを追加', removeAll: 'ファイルをすべて外す' },
      datetime: { setToNow: '%{fieldLabel}を今にする' },
      list: { add: '%{item}を追加', addType: '%{item}を追加' },
      object: { expand: '開く', collapse: '閉じる' },
    },
  },
  mediaLibrary: { mediaLibraryModal: { close: '閉じる' } },
  ui: {
    settingsDropdown: { account: 'アカウントのメニュー' },
    toast: {
      noteAdded: 'メモを追加しました',
      onFailToAddNote: 'メモを追加できませんでした：%{details}',
      noteUpdated: 'メモを直しました',
      onFailToUpdateNote: 'メモを直せませんでした：%{details}',
      noteDeleted: 'メモを削除しました',
      onFailToDeleteNote: 'メモを削除できませんでした：%{details}',
      noteResolved: 'メモを解決にしました',
      noteReopened: 'メモを未解決に戻しました',
      onFailToToggleNote: 'メモの状態を変えられませんでした：%{details}',
    },
  },
};

const isPhrases = (value: unknown): value is Phrases => typeof value === 'object' && value !== null;

/** `base` with `extra` laid over it, at every level (neither is changed). */
export function mergePhrases(base: Phrases, extra: Phrases): Phrases {
  const out: Phrases = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const under = out[key];
    out[key] = isPhrases(value) && isPhrases(under) ? mergePhrases(under, value) : value;
  }
  return out;
}

/** The dotted keys of `reference` that `phrases` has no text for. */
export function missingPhrases(reference: Phrases, phrases: Phrases, prefix = ''): string[] {
  return Object.entries(reference).flatMap(([key, value]) => {
    const at = prefix ? `${prefix}.${key}` : key;
    const own = phrases[key];
    if (isPhrases(value)) return missingPhrases(value, isPhrases(own) ? own : {}, at);
    return typeof own === 'string' && own !== '' ? [] : [at];
  });
}

/** The editor's phrases: Decap's Japanese and the missing ones. */
export const editorPhrases = (ja: Phrases): Phrases => mergePhrases(ja, JA_MISSING);
