import { conflict, type DomainRejection } from '../rejection';
import type { EnforcementCaseState } from './enforcement-state';
import { SUSPENSION_STATUS_LABELS } from './enforcement-state';

/**
 * Why a case cannot close yet (结案), or undefined when it may. 行刑衔接 (002 篇一: 对涉及刑事犯罪的
 * 安全生产非法违法行为一律移交司法机关, 不能有案不移、以罚代刑): a case flagged as criminal must
 * have been referred, and the judiciary must have answered the referral (opened a criminal case or
 * returned it), so a fine never stands in for the criminal case. A suspension must have ended in
 * resumption or closure, a required closure must have been imposed, and some measure must stand.
 */
export function caseCloseRefusal(s: EnforcementCaseState): DomainRejection | undefined {
  if (s.criminal && !s.referral)
    return conflict(
      'enforcement.close.criminal_not_referred',
      '行刑衔接: flagged as criminal (涉嫌犯罪) but not referred to the judiciary (移送司法): it cannot close with administrative measures alone (不能有案不移、以罚代刑)',
    );
  if (s.referral && !s.referral.outcome)
    return conflict(
      'enforcement.close.referral_pending',
      `行刑衔接: referred to ${s.referral.receivingAuthority}, which has not answered: the case cannot close on the fine alone (不能以罚代刑)`,
    );
  const suspension = s.suspension;
  if (suspension?.status === 'closure_required' && !s.closure)
    return conflict('enforcement.close.closure_required', 'suspension still failed its inspection: 关闭取缔 must be imposed before closing');
  if (suspension && suspension.status !== 'resumed' && suspension.status !== 'closed')
    return conflict(
      'enforcement.close.suspension_open',
      `the suspension has not ended (${SUSPENSION_STATUS_LABELS[suspension.status]}): resume it after inspection and signatures, or close the unit`,
    );
  if (!s.suspension && !s.closure && s.fines.length === 0 && !s.referral)
    return conflict('enforcement.close.no_measure', 'no measure (四个一律) has been decided in this case');
  return undefined;
}
