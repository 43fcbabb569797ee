// /admin/config.yml: the editor's configuration, generated from the schemas at build time (never by hand).
import type { APIRoute } from 'astro';
import { cmsConfig, cmsConfigYaml, backendFromEnv } from '../../lib/cms/config.ts';
import { letterFolders } from '../../lib/cms/folders.ts';

export const GET: APIRoute = ({ site }) => {
  const siteUrl = new URL(import.meta.env.BASE_URL, site).href;
  const config = cmsConfig(letterFolders(process.cwd()), backendFromEnv(), siteUrl);
  return new Response(cmsConfigYaml(config), { headers: { 'Content-Type': 'text/yaml; charset=utf-8' } });
};
