import type { Request } from 'express';

/** The part of Express 5's router (the `router` package) this reads: its layers and their routes. */
interface RouterLayer {
  match(path: string): boolean;
  route?: { path?: unknown; methods: Record<string, boolean> };
}

/**
 * The methods the app's registered routes answer for `path` (upper case, HEAD with GET, as
 * Express serves it), read from the router itself so it cannot drift from the routes; empty
 * when no route has this path.
 */
export function allowedMethods(request: Request): string[] {
  const stack = (request.app as unknown as { router?: { stack?: RouterLayer[] } }).router?.stack ?? [];
  const methods = new Set<string>();
  for (const layer of stack) {
    // Catch-all routes are middleware mounted for every path and method (request logging), not routes of their own.
    if (!layer.route || String(layer.route.path).includes('*') || !layer.match(request.path)) continue;
    for (const [method, on] of Object.entries(layer.route.methods)) {
      if (on && method !== '_all') methods.add(method.toUpperCase());
    }
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}
