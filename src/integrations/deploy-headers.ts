/**
 * Writes `_headers` into the build (src/lib/deploy-headers.ts): the Content-Security-Policy and
 * frame-ancestors as real headers on Netlify and Cloudflare Pages. Other hosts ignore the file.
 */
import type { AstroIntegration } from 'astro';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatHeaders, headerRules } from '../lib/deploy-headers.ts';
import { normalizeBase } from '../lib/site-address.ts';

export default function deployHeaders(): AstroIntegration {
  let base = '/';
  return {
    name: 'deploy-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = normalizeBase(config.base);
      },
      'astro:build:done': ({ dir }) => {
        const out = fileURLToPath(dir);
        const entries = readdirSync(out, { withFileTypes: true }).map((e) => (e.isDirectory() ? `${e.name}/` : e.name));
        writeFileSync(join(out, '_headers'), formatHeaders(headerRules(entries, base)));
      },
    },
  };
}
