import { ledgerEventPageView } from '../../http/ledger-event.view';
import { HazardEventView } from './hazard-event.view';

/** A page of a hazard's audit trail (履职记录), in seq order. */
export class HazardEventPageView extends ledgerEventPageView(HazardEventView) {}
