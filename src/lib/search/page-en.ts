/** The English search page's script (/en/search/): English texts, hits in English where translated. */
import { startSearchPage } from './page.ts';
import { TEXTS_EN } from './messages-en.ts';

startSearchPage('en', TEXTS_EN);
