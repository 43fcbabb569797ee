// The editor speaks Japanese everywhere: every phrase of Decap's English locale has a Japanese text
// (decap-cms-locales' own `ja`, or src/lib/cms/locale.ts for the ones it lacks).
import { describe, expect, test } from 'vitest';
import en from 'decap-cms-locales/src/en/index.js';
import ja from 'decap-cms-locales/src/ja/index.js';
import { editorPhrases, mergePhrases, missingPhrases, JA_MISSING, type Phrases } from '../src/lib/cms/locale.ts';

describe('the editor’s phrases', () => {
  const phrases = editorPhrases(ja as Phrases);

  test('no English phrase is left without Japanese', () => {
    expect(missingPhrases(en as Phrases, phrases)).toEqual([]);
  });

  test('the phrases the issue named are Japanese', () => {
    const at = (path: string) => path.split('.').reduce<unknown>((o, k) => (o as Phrases)[k], phrases);
    expect(at('editor.editorWidgets.list.add')).toBe('%{item}を追加');
    expect(at('app.app.loadingConfig')).toMatch(/設定/);
  });

  test('the additions only fill gaps: Decap’s Japanese stays', () => {
    expect(missingPhrases(JA_MISSING, ja as Phrases).length).toBeGreaterThan(0);
    expect(mergePhrases(ja as Phrases, {})).toEqual(ja);
    expect(missingPhrases(ja as Phrases, phrases)).toEqual([]);
  });

  test.each([
    [{ a: 'x' }, { a: 'x' }, []],
    [{ a: { b: 'x', c: 'y' } }, { a: { b: 'x' } }, ['a.c']],
    [{ a: 'x' }, { a: '' }, ['a']],
  ])('missingPhrases(%o, %o)', (reference, own, missing) => {
    expect(missingPhrases(reference as Phrases, own as Phrases)).toEqual(missing);
  });
});
