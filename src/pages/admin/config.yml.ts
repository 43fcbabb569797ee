// /admin/config.yml: the editor's configuration, generated from the schemas at build time (never by hand).
// A deploy build whose editor is not set up (src/lib/cms/setup.ts) still writes it, without a repository
// (never a placeholder), and its /admin/ page explains what to set instead of loading the editor.
import type { APIRoute } from 'astro';
import { cmsConfig, cmsConfigYaml } from '../../lib/cms/config.ts';
import { editorSetup } from '../../lib/cms/setup.ts';
import { demandFiles } from '../../lib/cms/folders.ts';

export const GET: APIRoute = ({ site }) => {
  const siteUrl = new URL(import.meta.env.BASE_URL, site).href;
  const config = cmsConfig(demandFiles(process.cwd()), editorSetup().backend, siteUrl);
  return new Response(cmsConfigYaml(config), { headers: { 'Content-Type': 'text/yaml; charset=utf-8' } });
};
