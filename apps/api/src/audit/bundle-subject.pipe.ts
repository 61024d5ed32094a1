import { Injectable, type PipeTransform } from '@nestjs/common';
import { isValidId } from '@duban/domain';
import { BUNDLE_SUBJECT_KINDS, type BundleSubjectKind } from '@duban/audit';
import { ID_PARAM_SCHEMA, refusePathParam } from '../http/id-params.pipe';

/** `:kind` of an audit bundle: what `duban export --<kind>` takes. */
export const BUNDLE_KIND_SCHEMA = { type: 'string' as const, enum: [...BUNDLE_SUBJECT_KINDS] };
/** `:id` of an audit bundle's subject: any Duban id (a hazard's, an accident's, a case's are UUIDs; an id the ledgers lack is a 404). */
export const BUNDLE_SUBJECT_ID_SCHEMA = ID_PARAM_SCHEMA;

/** `:kind` must be one of hazard, campaign, unit, accident, enforcement; else a 400 naming `kind`, before any lookup. */
@Injectable()
export class ParseBundleKindPipe implements PipeTransform<string, BundleSubjectKind> {
  transform(value: string): BundleSubjectKind {
    if ((BUNDLE_SUBJECT_KINDS as readonly string[]).includes(value)) return value as BundleSubjectKind;
    return refusePathParam('kind', `one of ${BUNDLE_SUBJECT_KINDS.join(', ')} (隐患, 专项行动, 单位, 事故, 执法案件)`, value);
  }
}

/** `:id` must be a Duban id (1–100 letters, digits, _ . : -); else a 400 naming `id`, before any lookup. */
@Injectable()
export class ParseBundleSubjectIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (isValidId(value)) return value;
    return refusePathParam('id', 'the subject’s id (编号: 1–100 letters, digits, _ . : -)', value);
  }
}
