// Workshop text that shared writes in English, worded in the reader's language: the default
// agenda's steps (shown translated while a step keeps its default title or prompt — a facilitator's
// own text shows as typed), a round's question for a stage, and why a dot cannot be added.
// Shared stays the authority on the rules (DEFAULT_AGENDA, raterOf, checkDot); only words differ.
import type { MapState } from '@flowmap/shared';
import {
  type AgendaStep,
  checkDot,
  DEFAULT_AGENDA,
  type DotVote,
  dotsLeft,
  type EstimateField,
  raterOf,
} from '@flowmap/shared/workshop';
import type { TFunction } from 'i18next';

type T = TFunction<'workshop'>;

const defaultOf = (step: AgendaStep) => DEFAULT_AGENDA.find((d) => d.kind === step.kind);

export function stepTitle(step: AgendaStep, t: T): string {
  return defaultOf(step)?.title === step.title ? t(`agenda.${step.kind}.title`) : step.title;
}

export function stepPrompt(step: AgendaStep, t: T): string {
  return defaultOf(step)?.prompt === step.prompt ? t(`agenda.${step.kind}.prompt`) : step.prompt;
}

/** The question a round asks about one stage (shared's promptFor, in the reader's language). */
export function questionFor(state: MapState, field: EstimateField, stageId: string, t: T): string {
  const name = state.nodes[stageId]?.name.trim() || t('question.thisStep');
  if (field !== 'pctCA') return t(`question.${field}`, { name });
  const rater = raterOf(state, stageId);
  return rater ? t('question.pctCARated', { rater, name }) : t('question.pctCAUnrated', { name });
}

/** Why one more dot on `itemId` is refused, or "" (checkDot decides; this only words it). */
export function dotRefusal(vote: DotVote, participantId: string, itemId: string, t: T): string {
  if (checkDot(vote, participantId, itemId, 1) === '') return '';
  if (vote.closed) return t('dotRefused.closed');
  if (!vote.itemIds.includes(itemId)) return t('dotRefused.notInVote');
  if (dotsLeft(vote, participantId) <= 0) return t('dotRefused.allPlaced', { dots: vote.dots });
  return t('dotRefused.stackLimit', { stack: vote.stackLimit });
}
