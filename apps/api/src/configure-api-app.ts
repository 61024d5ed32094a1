import { ValidationPipe, type INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { HazardErrorsFilter } from './hazards/hazard-errors.filter';
import { validationException } from './validation-errors';

/** The OpenAPI document of the app's routes (served at `/docs`, JSON at `/docs-json`). */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Duban 督办 API')
      .setDescription(
        'Work-safety accountability (安全生产责任落实): the hazard ledger (隐患排查治理台账) and its supervision (督办). ' +
          'Roles: office 安委会办公室, inspector 检查组, unit 责任单位, auditor 纪委监委/审计 (read-only). ' +
          'Every change records who, when and why (谁排查、谁签字、谁负责).',
      )
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'HS256 access token: { sub, name, role, unitId? }' })
      .build(),
  );
}

/**
 * What every Duban API app gets on top of its modules: validation at the edge (unknown
 * fields refused, the field named), the domain/Temporal error mapping, and OpenAPI docs.
 */
export function configureApiApp(app: INestApplication): INestApplication {
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      // One message per field: the first rule it breaks, not every rule it could.
      stopAtFirstError: true,
      exceptionFactory: validationException,
    }),
  );
  app.useGlobalFilters(new HazardErrorsFilter());
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json' });
  return app;
}
