/**
 * Whether the editor at /admin/ can be used where this build is published. A local build (`npm run
 * edit`, `npm start`, the tests) always gets the editor: on localhost Decap uses decap-server. A deploy
 * build (DEPLOY=1, Netlify, Cloudflare Pages: src/lib/site-address.ts) needs the GitHub repository and a
 * sign-in; without them it prints one Japanese line per missing setting and builds an /admin/ page
 * that says what to set, instead of an editor that cannot sign in or save (config.yml names no repository).
 */
import { isDeployBuild, type Env } from '../site-address.ts';
import { backendFromEnv, editorSetupProblems, type BackendOptions } from './config.ts';

interface EditorSetup {
  backend: BackendOptions;
  /** A build whose output is published. */
  deploy: boolean;
  /** What the production editor lacks, one Japanese line each (empty for a local build). */
  problems: string[];
  /** The editor is built (Decap at /admin/); otherwise /admin/ explains what to set. */
  ready: boolean;
}

export function editorSetup(env: Env = process.env): EditorSetup {
  const backend = backendFromEnv(env);
  const deploy = isDeployBuild(env);
  const problems = deploy ? editorSetupProblems(backend, env) : [];
  return { backend, deploy, problems, ready: problems.length === 0 };
}
