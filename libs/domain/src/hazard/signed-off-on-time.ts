/**
 * 按期销号: a hazard counts as rectified on time when it was signed off (销号) no later than
 * its deadline in force at sign-off (an approved extension moves the deadline). SQL that
 * counts the same thing (campaign-ledger-reader: `status = 'signed_off' AND signed_off_at <=
 * deadline`) must agree with this rule; a persistence spec holds the two together.
 */
export function isSignedOffOnTime(hazard: { status: string; signedOffAt: string | null | undefined; deadline: string }): boolean {
  if (hazard.status !== 'signed_off' || !hazard.signedOffAt) return false;
  return Date.parse(hazard.signedOffAt) <= Date.parse(hazard.deadline);
}
