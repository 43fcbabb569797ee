/** The Japanese search page's script (/search/). */
import { startSearchPage } from './page.ts';
import { TEXTS_JA } from './messages-ja.ts';

startSearchPage('ja', TEXTS_JA);
