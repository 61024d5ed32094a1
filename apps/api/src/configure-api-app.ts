import { RejectNulCharactersPipe } from './http/reject-nul-characters.pipe';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import helmet from 'helmet';
import { ApiErrorsFilter } from './http/api-errors.filter';
import { withIdempotencyKeyHeader } from './http/idempotency-openapi';
import { closeRequestSchemas } from './http/close-request-schemas';
import { SECURITY_HEADERS } from './http/security-headers';
import { createApiValidationPipe } from './http/validation-errors';
import { serveWorkspace } from './workspace/serve-workspace';

/** The OpenAPI document of the app's routes (served at `/docs`, JSON at `/docs-json`). */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Duban 督办 API')
      .setDescription(
        'Work-safety accountability (安全生产责任落实): the hazard ledger (隐患排查治理台账) and its supervision (督办); ' +
          'campaigns (专项行动) over regions × industries × units, with daily reports (一日一报), coverage (三个全覆盖) and assessment (考核). ' +
          'Roles: office 安委会办公室, inspector 检查组, unit 责任单位, auditor 纪委监委/审计 (read-only). ' +
          'Every change records who, when and why (谁排查、谁签字、谁负责).\n\n' +
          'Answers: a create is 201 with `Location` (202 with `Location` and `Retry-After` while no worker has registered it yet); ' +
          "an action on an existing object (an update, a decision, a report, an inspection) is 200 — it records events in the object's file, which have no URL of their own. " +
          'Every error is an RFC 9457 problem (`application/problem+json`) with a stable `code` (see the Problem schema, and GET /problems for the Chinese words); ' +
          'a known path asked with another method is a 405 with `Allow`.',
      )
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'HS256 access token: { sub, name, role, unitId? }' })
      .build(),
  );
  return closeRequestSchemas(withIdempotencyKeyHeader(document));
}

/**
 * Largest JSON body accepted: a campaign launch lists its whole roster (3,000+ units at a few
 * hundred bytes each); Nest's default (100 kB) would refuse it with a 413.
 */
export const JSON_BODY_LIMIT = '5mb';

/**
 * What every Duban API app gets on top of its modules: security headers, validation at the
 * edge (unknown fields refused, the field named), the domain/Temporal error mapping, and
 * OpenAPI docs. Call before `init()`/`listen()`: the JSON parser registered here replaces
 * Nest's default.
 */
export function configureApiApp(app: INestApplication): INestApplication {
  // First, so that every answer has them, /docs included.
  app.use(helmet(SECURITY_HEADERS));
  (app as NestExpressApplication).useBodyParser('json', { limit: JSON_BODY_LIMIT });
  app.useGlobalPipes(new RejectNulCharactersPipe(), createApiValidationPipe());
  app.useGlobalFilters(new ApiErrorsFilter());
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
  serveWorkspace(app);
  return app;
}
