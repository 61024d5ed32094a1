import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hazardSpecWorld, startHazardApp } from '../testing/in-memory-hazards';
import type { TestApp } from '../testing/start-test-app';

// Security headers (helmet) on every answer, with a content security policy under which the
// Swagger UI at /docs still works: its page and every script and stylesheet it names load,
// and nothing it needs is outside what the policy allows.

const { hazards } = hazardSpecWorld();
let api: TestApp;

beforeAll(async () => {
  api = await startHazardApp(hazards);
});

afterAll(async () => {
  await api?.close();
});

/** `Content-Security-Policy` as directive → sources. */
function policyOf(header: string | null): Map<string, string[]> {
  expect(header).toBeTruthy();
  return new Map(
    header!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe('security headers', () => {
  it('sets them on the API’s answers', async () => {
    const res = await fetch(`${api.base}/health`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
    expect(res.headers.get('x-powered-by')).toBeNull();
    const policy = policyOf(res.headers.get('content-security-policy'));
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'self'"]);
    // Plain-HTTP deployments must not have their /docs assets upgraded to an HTTPS nobody serves.
    expect(policy.has('upgrade-insecure-requests')).toBe(false);
  });

  it('keeps Swagger UI at /docs working: its page and every asset it names load, all allowed by the policy', async () => {
    const page = await fetch(`${api.base}/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    const policy = policyOf(page.headers.get('content-security-policy'));
    const html = await page.text();

    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map(([, attrs, body]) => ({
      src: /src="([^"]+)"/.exec(attrs!)?.[1],
      body: body!.trim(),
    }));
    const stylesheets = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map(([, href]) => href!);
    // Resolved as the browser does, against the page's own URL.
    const pageUrl = `${api.base}/docs`;
    const resolve = (ref: string) => new URL(ref, pageUrl);
    expect(scripts.map((s) => resolve(s.src!).pathname)).toEqual([
      '/docs/swagger-ui-bundle.js',
      '/docs/swagger-ui-standalone-preset.js',
      '/docs/swagger-ui-init.js',
    ]);
    expect(stylesheets.map((href) => resolve(href).pathname)).toEqual(['/docs/swagger-ui.css']);
    // script-src 'self' blocks inline scripts: there must be none.
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(scripts.filter((s) => s.src === undefined || s.body !== '')).toEqual([]);
    // The page's own <style> blocks need inline styles; its icons are inline SVG and data: images.
    expect(html).toMatch(/<style>/);
    expect(policy.get('style-src')).toContain("'unsafe-inline'");
    expect(policy.get('img-src')).toEqual(["'self'", 'data:']);

    for (const [path, type] of [...scripts.map((s) => [s.src!, 'javascript'] as const), ...stylesheets.map((href) => [href, 'css'] as const)]) {
      // Same origin (script-src / style-src 'self'), and with the MIME type nosniff insists on.
      expect(resolve(path).origin).toBe(new URL(api.base).origin);
      const asset = await fetch(resolve(path));
      expect(asset.status, path).toBe(200);
      expect(asset.headers.get('content-type'), path).toContain(type);
      expect((await asset.text()).length, path).toBeGreaterThan(100);
    }
    // The UI is given the document inline and fetches nothing from elsewhere (connect-src is default-src 'self').
    const init = await (await fetch(`${api.base}/docs/swagger-ui-init.js`)).text();
    expect(init).toContain('"swaggerDoc"');
    expect(init).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });
});
