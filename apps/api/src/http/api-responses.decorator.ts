import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ErrorResponseView } from './error-response.view';

/** Refusals any authenticated call may meet. */
export const ApiCommonErrors = () =>
  applyDecorators(
    ApiBadRequestResponse({ description: '输入有误 (invalid input): body, query or `id`; `field` names it.', type: ErrorResponseView }),
    ApiUnauthorizedResponse({ description: '未认证 (missing or invalid bearer token).', type: ErrorResponseView }),
  );
