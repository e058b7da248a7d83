// A dot vote: while it is open each participant sees only their own dots (and how many they have
// left) and who has voted, so the first dots do not steer the rest; once the facilitator closes it,
// everyone sees the items ranked, and the facilitator turns the top ones into kaizen candidates.
import type { MapState } from '@flowmap/shared';
import { type DotVote, dotsLeft, ranking, type Workshop } from '@flowmap/shared/workshop';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCanEdit } from '../store/selectors.ts';
import { canTakePart } from './takePart.ts';
import type { WorkshopActions } from './useWorkshopActions.ts';
import { dotRefusal } from './wording.ts';

interface Props {
  vote: DotVote;
  state: MapState;
  workshop: Workshop;
  isFacilitator: boolean;
  actions: WorkshopActions;
}

export function VotePanel({ vote, state, workshop, isFacilitator, actions }: Props) {
  const takePart = canTakePart(useCanEdit(), workshop);
  const [top, setTop] = useState('3');
  const { t } = useTranslation('workshop');
  const mine = vote.ballots[actions.me] ?? {};
  const name = (id: string) => state.nodes[id]?.name || id;
  return (
    <div className="workshop-vote" data-testid="dot-vote" data-closed={vote.closed}>
      <div className="workshop-panel-head">
        <h2>{t('vote.heading', { subject: t(`vote.subjects.${vote.subject}`) })}</h2>
        <span className="workshop-muted">
          {t('vote.rules', { dots: vote.dots, stack: vote.stackLimit })}
        </span>
        {!vote.closed && takePart && (
          <strong className="workshop-dots-left" data-testid="dots-left">
            {t('vote.left', { count: dotsLeft(vote, actions.me) })}
          </strong>
        )}
        {!vote.closed && <span className="workshop-muted">{t('vote.hidden')}</span>}
        {isFacilitator && !vote.closed && (
          <button type="button" className="primary" onClick={() => actions.closeVote(vote.id)}>
            {t('vote.close')}
          </button>
        )}
      </div>
      {!vote.closed ? (
        <ul className="workshop-items">
          {vote.itemIds.map((id) => {
            const n = mine[id] ?? 0;
            return (
              <li key={id} data-item-id={id}>
                <span className="workshop-item-name">{name(id)}</span>
                <span className="workshop-dots" aria-hidden="true">
                  {'●'.repeat(n)}
                </span>
                <span className="visually-hidden">{t('vote.dots', { count: n })}</span>
                {takePart && (
                  <>
                    <button
                      type="button"
                      className="workshop-icon"
                      aria-label={t('vote.remove', { name: name(id) })}
                      disabled={n === 0}
                      onClick={() => actions.dot(vote.id, id, -1)}
                    >
                      −
                    </button>
                    <button
                      type="button"
                      className="workshop-icon"
                      aria-label={t('vote.add', { name: name(id) })}
                      title={dotRefusal(vote, actions.me, id, t) || undefined}
                      disabled={dotRefusal(vote, actions.me, id, t) !== ''}
                      onClick={() => actions.dot(vote.id, id, 1)}
                    >
                      +
                    </button>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <>
          <ol
            className="workshop-ranking"
            data-testid="vote-ranking"
            aria-label={t('vote.results')}
          >
            {ranking(vote).map((item) => (
              <li key={item.itemId} data-item-id={item.itemId}>
                <span className="workshop-rank">{item.rank}.</span>
                <span className="workshop-item-name">{name(item.itemId)}</span>
                <span className="workshop-dots">{'●'.repeat(item.votes)}</span>
                <span className="workshop-muted">{t('vote.dots', { count: item.votes })}</span>
                {vote.candidates[item.itemId] && vote.subject === 'stages' && (
                  <span className="workshop-badge">{t('vote.candidate')}</span>
                )}
              </li>
            ))}
          </ol>
          {isFacilitator && (
            <form
              className="workshop-form"
              onSubmit={(e) => {
                e.preventDefault();
                actions.makeCandidates(vote.id, Number(top));
              }}
            >
              <label>
                {t('vote.top')}
                <input
                  type="number"
                  min={1}
                  max={vote.itemIds.length}
                  value={top}
                  onChange={(e) => setTop(e.target.value)}
                />
              </label>
              <button type="submit" className="primary">
                {t('vote.make')}
              </button>
            </form>
          )}
        </>
      )}
    </div>
  );
}
