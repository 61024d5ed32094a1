import type { HelmetOptions } from 'helmet';

/**
 * The security headers of every answer (helmet's defaults: CSP, nosniff, frame and referrer
 * policies, HSTS …) with a content security policy that Swagger UI at `/docs` works under: its
 * page loads only same-origin scripts, inline styles and data: images, which the defaults allow.
 * No `upgrade-insecure-requests`: inside an office network the API is often plain HTTP, and the
 * upgrade would make the browser fetch /docs' own scripts over HTTPS that nobody serves.
 */
export const SECURITY_HEADERS: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: true,
    directives: { 'upgrade-insecure-requests': null },
  },
};
