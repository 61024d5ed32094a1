import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';

/** Where the browser workspace (工作台) is served: same origin as the API, outside its routes and its OpenAPI document. */
export const WORKSPACE_PATH = '/workspace';

/**
 * The built workspace (`vite build` → dist/apps/web), found by walking up to the repository root
 * (nx.json) from this file: right both from source (apps/api/src) and from dist/apps/api/src.
 */
export function workspaceDir(from = __dirname): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'nx.json'))) {
      const built = join(dir, 'dist', 'apps', 'web');
      return existsSync(join(built, 'index.html')) ? built : undefined;
    }
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * Serves the workspace's static files at /workspace, and index.html for any other GET under it
 * (the page's own routes, e.g. /workspace/hazards/…, on a reload). Public files: every datum the
 * page shows comes from the API with the caller's token, checked there. Without a build (an API
 * started from a checkout nobody built) /workspace answers the API's ordinary 404.
 */
export function serveWorkspace(app: INestApplication, dir = workspaceDir()): void {
  if (!dir) return;
  const express = app as NestExpressApplication;
  express.useStaticAssets(dir, { prefix: `${WORKSPACE_PATH}/`, index: false, fallthrough: true, maxAge: '1h' });
  const index = join(dir, 'index.html');
  express.use(WORKSPACE_PATH, (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    // A missing asset is a 404, not the page: a stale tab must not run index.html as a script.
    if (req.path.startsWith('/assets/')) return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
}
