import { TEXT_LIMITS, type CloseGateArgs, type CloseInvestigationArgs, type ReopenGateArgs } from '@duban/domain';
import { TextField } from '../../http/field-decorators';

/** Closing one gate of 四不放过 with evidence and a named person (谁签字、谁负责); the gate comes from the path. */
export class CloseGateDto implements Omit<CloseGateArgs, 'gate'> {
  @TextField({ description: '佐证 (evidence).', max: TEXT_LIMITS.longText })
  evidence!: string;

  @TextField({ description: '认定人 (the person who vouches for it).', max: TEXT_LIMITS.shortText })
  person!: string;
}

/** Reopening a closed gate, with the reason. */
export class ReopenGateDto implements Omit<ReopenGateArgs, 'gate'> {
  @TextField({ description: '重新打开的理由 (reason).', max: TEXT_LIMITS.longText })
  reason!: string;
}

/** 结案: refused (409 `accident.gate.open`) while any gate is open, naming each in Chinese and English. */
export class CloseInvestigationDto implements CloseInvestigationArgs {
  @TextField({ description: '结案依据 (on whose authority, e.g. 市人民政府批复).', max: TEXT_LIMITS.shortText })
  authority!: string;
}
