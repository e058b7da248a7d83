// The workshop's commands bound to this session, this participant and the server clock, each run
// through runCommand so a refusal ("reveal the answers first") becomes a message, not a crash.
// On a view link the three things a viewer may do when the facilitator allows it (join, answer,
// place a dot) go to the server's workshop route instead: a view link's socket never writes, so
// a local write would show an answer the room never gets. The change comes back over sync.
import {
  acceptEstimate,
  answerRound,
  closeRound,
  closeVote,
  extendTimer,
  gatherEveryone,
  joinWorkshop,
  makeKaizenCandidates,
  moveStep,
  type OpenRoundInput,
  type OpenVoteInput,
  openRound,
  openVote,
  pauseTimer,
  placeDot,
  removeStep,
  revealRound,
  type StepPatch,
  setStep,
  setViewersTakePart,
  startTimer,
  startWorkshop,
  stopWorkshop,
  updateStep,
  type ViewerAction,
} from '@flowmap/shared/workshop/doc';
import { useMemo, useState } from 'react';
import { api } from '../api/http.ts';
import { type CommandResult, runCommand } from '../sync/runCommand.ts';
import { useSession } from '../sync/SessionContext.tsx';
import { participantId } from './participant.ts';
import { serverClock } from './serverClock.ts';

type WithoutNow<T> = Omit<T, 'now'>;

export function useWorkshopActions() {
  const session = useSession();
  const [error, setError] = useState<string | null>(null);
  const actions = useMemo(() => {
    const doc = session.doc;
    const me = participantId();
    const now = () => serverClock().now();
    const run = <T>(command: () => T): CommandResult<T> => {
      const result = runCommand(command);
      setError(result.ok ? null : result.error);
      return result;
    };
    const viewer = session.options.access === 'view';
    /** A viewer's action, posted; what the server refuses (a closed round…) shows as the error. */
    const post = (action: ViewerAction): CommandResult<void> => {
      setError(null);
      api
        .workshopAction(session.options.mapId, session.options.token, action)
        .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
      return { ok: true, value: undefined };
    };
    return {
      me,
      start: (stateId: string) =>
        run(() => startWorkshop(doc, { facilitatorId: me, stateId, now: now() })),
      stop: () => run(() => stopWorkshop(doc, now())),
      join: (name: string, team?: string) =>
        viewer
          ? post({
              kind: 'join',
              participantId: me,
              name,
              ...(team !== undefined ? { team } : {}),
            })
          : run(() => joinWorkshop(doc, { id: me, name, team })),
      setViewersTakePart: (allowed: boolean) => run(() => setViewersTakePart(doc, allowed)),
      setStep: (index: number) => run(() => setStep(doc, index)),
      updateStep: (stepId: string, patch: StepPatch) => run(() => updateStep(doc, stepId, patch)),
      removeStep: (stepId: string) => run(() => removeStep(doc, stepId)),
      moveStep: (stepId: string, direction: -1 | 1) => run(() => moveStep(doc, stepId, direction)),
      startTimer: () => run(() => startTimer(doc, now())),
      pauseTimer: () => run(() => pauseTimer(doc, now())),
      addFive: () => run(() => extendTimer(doc, 5 * 60_000)),
      gather: () => run(() => gatherEveryone(doc, doc.clientID, now())),
      openRound: (input: WithoutNow<OpenRoundInput>) =>
        run(() => openRound(doc, { ...input, now: now() })),
      answer: (roundId: string, stageId: string, value: number) =>
        viewer
          ? post({ kind: 'answer', participantId: me, roundId, stageId, value })
          : run(() => answerRound(doc, roundId, me, stageId, value)),
      reveal: (roundId: string) => run(() => revealRound(doc, roundId)),
      closeRound: (roundId: string) => run(() => closeRound(doc, roundId)),
      accept: (roundId: string, stageId: string, value?: number) =>
        run(() => acceptEstimate(doc, roundId, stageId, value)),
      openVote: (input: WithoutNow<OpenVoteInput>) =>
        run(() => openVote(doc, { ...input, now: now() })),
      dot: (voteId: string, itemId: string, delta: 1 | -1) =>
        viewer
          ? post({ kind: 'dot', participantId: me, voteId, itemId, delta })
          : run(() => placeDot(doc, voteId, me, itemId, delta)),
      closeVote: (voteId: string) => run(() => closeVote(doc, voteId)),
      makeCandidates: (voteId: string, count: number) =>
        run(() => makeKaizenCandidates(doc, voteId, count)),
    };
  }, [session]);
  return { ...actions, error, clearError: () => setError(null) };
}

export type WorkshopActions = ReturnType<typeof useWorkshopActions>;
