/**
 * 按期销号: a hazard counts as rectified on time when it was signed off (销号) no later than
 * its deadline in force at sign-off (an approved extension moves the deadline). The SQL that
 * counts the same thing (`SIGNED_OFF_ON_TIME_SQL` in libs/persistence/src/campaign/
 * campaign-hazard-reads.ts) must agree; campaign/signed-off-on-time.pg.spec.ts holds them together.
 */
export function isSignedOffOnTime(hazard: { status: string; signedOffAt: string | null | undefined; deadline: string }): boolean {
  if (hazard.status !== 'signed_off' || !hazard.signedOffAt) return false;
  return Date.parse(hazard.signedOffAt) <= Date.parse(hazard.deadline);
}
