// Renders the site's PNG icons and its link-preview image into public/ with Debian's Chromium, so
// that every glyph uses the same installed Japanese font. Run by hand when the name or colours change:
//   node scripts/make-icons.ts
// The PNGs are committed; the build and CI never run this.
import { chromium } from 'playwright-core';
import { siteTexts } from '../src/lib/site.ts';

const site = siteTexts();

const ACCENT = '#8a1c1c';
const FONT = "'Noto Sans CJK JP', 'Noto Sans JP', sans-serif";

const icon = (size: number, { rounded }: { rounded: boolean }) => `<!doctype html><html><body style="margin:0">
<div style="width:${size}px;height:${size}px;background:${ACCENT};border-radius:${rounded ? size * 0.1875 : 0}px;display:flex;align-items:center;justify-content:center;">
<span style="color:#fff;font:700 ${Math.round(size * (rounded ? 0.56 : 0.46))}px/1 ${FONT};transform:translateY(-2%)">要</span></div></body></html>`;

const ogImage = `<!doctype html><html lang="ja"><body style="margin:0">
<div style="width:1200px;height:630px;box-sizing:border-box;background:#f6f4f1;border-top:24px solid ${ACCENT};padding:72px 80px;display:flex;flex-direction:column;justify-content:space-between;font-family:${FONT};color:#1a1a1a">
  <div style="display:flex;gap:40px;align-items:center">
    <div style="flex:none;width:132px;height:132px;background:${ACCENT};border-radius:24px;display:flex;align-items:center;justify-content:center;color:#fff;font:700 76px/1 ${FONT}">要</div>
    <div style="font:700 58px/1.35 ${FONT};word-break:auto-phrase;text-wrap:balance">${site.name}</div>
  </div>
  <div style="font:400 32px/1.5 ${FONT};color:#4a4a4a;border-top:2px solid #c9c4bc;padding-top:28px">${site.publisher}<br>${site.shortName}</div>
</div></body></html>`;

const outputs: { file: string; html: string; width: number; height: number }[] = [
  { file: 'public/icon-192.png', html: icon(192, { rounded: true }), width: 192, height: 192 },
  { file: 'public/icon-512.png', html: icon(512, { rounded: true }), width: 512, height: 512 },
  // Maskable: full bleed, glyph inside the central 80 % safe zone.
  { file: 'public/icon-maskable-512.png', html: icon(512, { rounded: false }), width: 512, height: 512 },
  // iOS rounds the corners itself.
  { file: 'public/apple-touch-icon.png', html: icon(180, { rounded: false }), width: 180, height: 180 },
  { file: 'public/og-image.png', html: ogImage, width: 1200, height: 630 },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  for (const output of outputs) {
    const page = await browser.newPage({ viewport: { width: output.width, height: output.height } });
    await page.setContent(output.html);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.screenshot({
      path: output.file,
      omitBackground: output.file.includes('icon-') && !output.file.includes('maskable'),
    });
    await page.close();
    console.log(`wrote ${output.file} (${output.width}×${output.height})`);
  }
} finally {
  await browser.close();
}
