// A silent estimation round: each participant types their own answer per stage and sees only how
// many others answered (never their values) until the facilitator reveals; then every answer
// (named or anonymous), min / median / max and a warning when they spread more than 3×, and the
// facilitator accepts the median or a typed value, which is written to the stage.
import type { MapState } from '@flowmap/shared';
import { formatNumber } from '@flowmap/shared/i18n';
import {
  answersFor,
  type EstimationRound,
  raterOf,
  statsFor,
  type Workshop,
} from '@flowmap/shared/workshop';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCanEdit, useWorkingTime } from '../store/selectors.ts';
import { canTakePart } from './takePart.ts';
import type { WorkshopActions } from './useWorkshopActions.ts';
import { formatValue, parseValue } from './valueFormat.ts';
import { questionFor } from './wording.ts';

interface Props {
  round: EstimationRound;
  state: MapState;
  workshop: Workshop;
  isFacilitator: boolean;
  actions: WorkshopActions;
}

export function EstimationPanel({ round, state, workshop, isFacilitator, actions }: Props) {
  const { t } = useTranslation('workshop');
  const myTeam = workshop.participants[actions.me]?.team?.trim().toLowerCase() ?? '';
  // The stages asked of my team come first: the downstream team rates what it receives.
  const stageIds =
    round.field === 'pctCA' && myTeam
      ? [...round.stageIds].sort(
          (a, b) =>
            Number((raterOf(state, b) ?? '').toLowerCase() === myTeam) -
            Number((raterOf(state, a) ?? '').toLowerCase() === myTeam),
        )
      : round.stageIds;
  return (
    <div className="workshop-round" data-testid="estimation-round" data-revealed={round.revealed}>
      <div className="workshop-panel-head">
        <h2>{t('estimation.heading', { what: t(`field.${round.field}`) })}</h2>
        {!round.revealed && <span className="workshop-muted">{t('estimation.hidden')}</span>}
        {isFacilitator && !round.revealed && (
          <button type="button" className="primary" onClick={() => actions.reveal(round.id)}>
            {t('estimation.reveal')}
          </button>
        )}
        {isFacilitator && (
          <button type="button" onClick={() => actions.closeRound(round.id)}>
            {t('estimation.close')}
          </button>
        )}
      </div>
      <ul className="workshop-round-stages">
        {stageIds.map((stageId) => (
          <StageQuestion
            key={stageId}
            round={round}
            state={state}
            stageId={stageId}
            workshop={workshop}
            isFacilitator={isFacilitator}
            actions={actions}
            forMyTeam={
              round.field === 'pctCA' &&
              !!myTeam &&
              (raterOf(state, stageId) ?? '').toLowerCase() === myTeam
            }
          />
        ))}
      </ul>
    </div>
  );
}

function StageQuestion({
  round,
  state,
  stageId,
  workshop,
  isFacilitator,
  actions,
  forMyTeam,
}: Props & { stageId: string; forMyTeam: boolean }) {
  const wt = useWorkingTime();
  const takePart = canTakePart(useCanEdit(), workshop);
  const { t } = useTranslation('workshop');
  const [text, setText] = useState('');
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const answers = answersFor(round, stageId);
  const mine = round.answers[actions.me]?.[stageId];
  const stats = statsFor(round, stageId);
  const accepted = round.accepted[stageId];
  const fmt = (v: number) => formatValue(round.field, v, wt);
  const name = (id: string) => workshop.participants[id]?.name ?? t('guest', { ns: 'common' });
  const ratedBy = round.field === 'pctCA' ? state.nodes[stageId]?.ratedBy : undefined;

  const submit = (value: string, then: (v: number) => void) => {
    const parsed = parseValue(round.field, value, wt);
    if (!parsed.ok) {
      setProblem(parsed.error);
      return;
    }
    setProblem(null);
    then(parsed.value);
  };

  return (
    <li
      className={`workshop-question${forMyTeam ? ' workshop-question-mine' : ''}`}
      data-stage-id={stageId}
    >
      <p className="workshop-question-prompt">
        {questionFor(state, round.field, stageId, t)}
        {forMyTeam && <span className="workshop-badge">{t('estimation.yourTeam')}</span>}
      </p>
      {!round.revealed ? (
        <div className="workshop-answer">
          {takePart && (
            <form
              onSubmit={(e) => {
                e.preventDefault();
                submit(text, (v) => {
                  if (actions.answer(round.id, stageId, v).ok) setText('');
                });
              }}
            >
              <input
                aria-label={t('estimation.yourAnswer', {
                  stage: state.nodes[stageId]?.name ?? stageId,
                })}
                placeholder={
                  round.field === 'pctCA'
                    ? t('estimation.sharePlaceholder')
                    : t('estimation.durationPlaceholder')
                }
                value={text}
                aria-invalid={problem ? 'true' : undefined}
                onChange={(e) => setText(e.target.value)}
              />
              <button type="submit">{t('estimation.save')}</button>
            </form>
          )}
          {mine !== undefined && (
            <span className="workshop-mine">{t('estimation.saved', { value: fmt(mine) })}</span>
          )}
          <span className="workshop-muted" data-testid="answer-count">
            {t('estimation.answered', { count: answers.length })}
          </span>
        </div>
      ) : (
        <div className="workshop-revealed">
          {answers.length === 0 ? (
            <span className="workshop-muted">{t('estimation.noAnswers')}</span>
          ) : (
            <ul className="workshop-answers" data-testid="revealed-answers">
              {(round.named ? answers : [...answers].sort(([, a], [, b]) => a - b)).map(
                ([id, v]) => (
                  <li key={id}>
                    {round.named ? `${name(id)}: ` : ''}
                    <strong>{fmt(v)}</strong>
                  </li>
                ),
              )}
            </ul>
          )}
          {stats && (
            <p className="workshop-stats" data-testid="round-stats">
              {t('estimation.stats', {
                min: fmt(stats.min),
                median: fmt(stats.median),
                max: fmt(stats.max),
              })}
              {stats.wideSpread && (
                <span className="workshop-warn" role="note">
                  {Number.isFinite(stats.spread)
                    ? t('estimation.wide', {
                        ratio: formatNumber(Math.round(stats.spread * 10) / 10),
                      })
                    : t('estimation.wideFromZero')}
                </span>
              )}
            </p>
          )}
          {accepted !== undefined && (
            <p className="workshop-accepted" data-testid="accepted">
              {ratedBy
                ? t('estimation.acceptedRatedBy', { value: fmt(accepted), team: ratedBy })
                : t('estimation.accepted', { value: fmt(accepted) })}
            </p>
          )}
          {isFacilitator && (
            <div className="workshop-accept">
              {stats && (
                <button
                  type="button"
                  className="primary"
                  onClick={() => actions.accept(round.id, stageId)}
                >
                  {t('estimation.acceptMedian', { value: fmt(stats.median) })}
                </button>
              )}
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  submit(typed, (v) => {
                    if (actions.accept(round.id, stageId, v).ok) setTyped('');
                  });
                }}
              >
                <input
                  aria-label={t('estimation.typed')}
                  placeholder={t('estimation.typed')}
                  value={typed}
                  onChange={(e) => setTyped(e.target.value)}
                />
                <button type="submit">{t('estimation.accept')}</button>
              </form>
            </div>
          )}
        </div>
      )}
      {problem && (
        <p className="workshop-error" role="alert">
          {problem}
        </p>
      )}
    </li>
  );
}
