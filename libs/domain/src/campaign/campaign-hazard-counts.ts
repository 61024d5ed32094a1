import { isSignedOffOnTime } from '../hazard/signed-off-on-time';

/** The hazards of a campaign (or of one unit in it): found, signed off, open, overdue, listed. */
export interface CampaignHazardCounts {
  found: number;
  signedOff: number;
  /** Signed off at or before the deadline in force (按期销号, `isSignedOffOnTime`). */
  signedOffOnTime: number;
  /** Not signed off yet (awaiting a plan, rectifying or awaiting verification). */
  open: number;
  rectifying: number;
  /** Flagged overdue, signed-off ones included (as in the hazard summary). */
  overdue: number;
  /** Overdue and not yet signed off. */
  overdueOpen: number;
  listedForSupervision: number;
}

/** One hazard as the counts need it (a hazard-ledger row has these fields). */
export interface CountedHazard {
  status: string;
  signedOffAt: string | null;
  deadline: string;
  overdue: boolean;
  listedForSupervision: boolean;
}

/**
 * Counts hazards the way the ledger's SQL counts a whole campaign's (campaign-ledger-reader
 * `hazardCounts`); used for the rows in hand, e.g. one unit's.
 */
export function countCampaignHazards(hazards: readonly CountedHazard[]): CampaignHazardCounts {
  const signedOff = hazards.filter((h) => h.status === 'signed_off');
  return {
    found: hazards.length,
    signedOff: signedOff.length,
    signedOffOnTime: signedOff.filter(isSignedOffOnTime).length,
    open: hazards.length - signedOff.length,
    rectifying: hazards.filter((h) => h.status === 'rectifying').length,
    overdue: hazards.filter((h) => h.overdue).length,
    overdueOpen: hazards.filter((h) => h.overdue && h.status !== 'signed_off').length,
    listedForSupervision: hazards.filter((h) => h.listedForSupervision).length,
  };
}
