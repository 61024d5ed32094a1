import { Injectable, type PipeTransform } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import { isValidId } from '@duban/domain';
import { ID_PARAM_SCHEMA } from '../../http/id-params.pipe';
import { problem, ProblemException } from '../../http/problem';

/** `:id` — 账号编号 (account id); a 400 naming `id` before any lookup. */
@Injectable()
export class ParseAccountIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (isValidId(value)) return value;
    throw new ProblemException(
      problem(400, 'request.invalid', `id must be an account id (账号编号) (1–100 letters, digits, _ . : -), got ${JSON.stringify(value)}`, {
        field: 'id',
      }),
    );
  }
}

export const ApiAccountId = () => ApiParam({ name: 'id', description: '账号编号 (account id).', schema: ID_PARAM_SCHEMA });
