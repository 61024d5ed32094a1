import { requireOneOf } from '../one-of';
import type { Actor } from '../actor';
import { conflict, invalid } from '../rejection';
import { requiredText, TEXT_LIMITS } from '../text-input';
import type { HazardCommand } from './hazard-commands';
import type { NewHazardEvent } from './hazard-events';
import { isValidId } from './hazard-report';
import type { HazardState } from './hazard-state';
import { HAZARD_STATUS_LABELS } from './hazard-status';
import { isLowerListingLevel, LISTING_LEVEL_LABELS, LISTING_LEVELS, type ListingLevel } from './listing-level';

/** 跟踪督办责任人: the person who tracks a listed hazard to 销号, and the unit (督办责任单位) they answer for. */
export interface ListingTracker {
  name: string;
  /** The person (责任人) in the registry, when known. */
  personId?: string;
  /** 督办责任单位: the office or department that tracks it. */
  unitId?: string;
}

/**
 * 挂牌督办 as the hazard's file records it: which level listed it and whose committee (安委会 of
 * `regionId`), who tracks it, and its 销号 by the listing level once the hazard is signed off.
 * Each change is an event (who, when, why); this keeps the latest of each.
 */
export interface HazardListing {
  level: ListingLevel;
  /** The region whose committee (安委会/安委办) listed it; null when the policy listed it and no office has acted yet. */
  regionId: string | null;
  /** Null until an office names one (a listing by the policy names none). */
  tracker: ListingTracker | null;
  listedAt: string;
  listedBy: Actor;
  reason: string;
  /** The latest raise or change of tracker, when there was one. */
  lastChange?: { at: string; by: Actor; reason: string };
  /** 销号 of the listing by the listing level, after the hazard was signed off. */
  delisted?: { at: string; by: Actor; reason: string };
}

/** A listed hazard whose listing is not yet closed (销号): its file stays open after the sign-off until it is. */
export function awaitsDelisting(state: HazardState): boolean {
  return state.listing !== undefined && state.listing.delisted === undefined;
}

function listingLevel(value: unknown): ListingLevel {
  return requireOneOf(value, LISTING_LEVELS, 'level');
}

function optionalId(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isValidId(value)) throw invalid('input.malformed_id', field, `${field} must be a Duban id`);
  return value;
}

/** The tracker as recorded: its unit defaults to the listing office's own. */
function listingTracker(value: unknown, actor: Actor): ListingTracker {
  if (typeof value !== 'object' || value === null) throw invalid('input.required', 'tracker', 'tracker is required');
  const t = value as Record<string, unknown>;
  const name = requiredText(t.name, 'tracker.name', TEXT_LIMITS.shortText);
  const personId = optionalId(t.personId, 'tracker.personId');
  const unitId = optionalId(t.unitId, 'tracker.unitId') ?? actor.unitId;
  return { name, ...(personId ? { personId } : {}), ...(unitId ? { unitId } : {}) };
}

const sameTracker = (a: ListingTracker | null, b: ListingTracker) =>
  a !== null && a.name === b.name && a.personId === b.personId && a.unitId === b.unitId;

type ListCommand = Extract<HazardCommand, { type: 'list_for_supervision' }>;
type DelistCommand = Extract<HazardCommand, { type: 'delist' }>;

/**
 * 挂牌督办 by an office: lists the hazard, or raises its level (county → city → province, never
 * down), or names another tracker. The same listing asked again records nothing (idempotent).
 * The listing office's region is recorded (a demo token without one keeps the region on file).
 */
export function decideListing(state: HazardState, command: ListCommand, at: string): NewHazardEvent[] {
  if (state.status === 'signed_off')
    throw conflict('hazard.status.not_allowed', `cannot list a hazard for supervision while it is ${HAZARD_STATUS_LABELS.signed_off}`);
  const level = listingLevel(command.level);
  const tracker = listingTracker(command.tracker, command.actor);
  const reason = requiredText(command.reason, 'reason');
  const base = { at, actor: command.actor, reason };
  const current = state.listing;
  if (!current) {
    return [{ ...base, type: 'listed', data: { level, regionId: command.actor.regionId ?? null, tracker } }];
  }
  if (isLowerListingLevel(level, current.level))
    throw invalid(
      'hazard.listing.level_lower',
      'level',
      `the hazard is listed at ${LISTING_LEVEL_LABELS[current.level]}: a listing is raised, never lowered to ${level}`,
    );
  const regionId = command.actor.regionId ?? current.regionId;
  if (level === current.level && regionId === current.regionId && sameTracker(current.tracker, tracker)) return [];
  return [{ ...base, type: 'listing_changed', data: { previousLevel: current.level, level, regionId, tracker } }];
}

/** 销号 of a listing: only once the hazard is signed off (整改验收通过), and once. */
export function decideDelisting(state: HazardState, command: DelistCommand, at: string): NewHazardEvent[] {
  const listing = state.listing;
  if (!listing) throw conflict('hazard.listing.not_listed', 'the hazard is not listed for supervision (未挂牌督办): there is nothing to close');
  if (listing.delisted) throw conflict('hazard.listing.already_delisted', `the listing was closed (已销号) at ${listing.delisted.at}`);
  if (state.status !== 'signed_off')
    throw conflict(
      'hazard.listing.not_signed_off',
      `a listing is closed (销号) only after the hazard is signed off (整改验收); it is ${HAZARD_STATUS_LABELS[state.status]}`,
    );
  const reason = requiredText(command.reason, 'reason');
  return [{ at, actor: command.actor, reason, type: 'delisted', data: { level: listing.level, regionId: listing.regionId } }];
}
