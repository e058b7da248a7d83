// `@flowmap/shared/workshop/doc`: the facilitated workshop's Yjs binding. Read it with
// `readWorkshop`; change it only through these commands.
export {
  extendTimer,
  gatherEveryone,
  joinWorkshop,
  moveStep,
  type ParticipantInput,
  pauseTimer,
  removeStep,
  type StartWorkshopInput,
  type StepPatch,
  setFacilitator,
  setStep,
  setViewersTakePart,
  startTimer,
  startWorkshop,
  stopWorkshop,
  updateStep,
} from './commands.ts';
export { ROUND_CHILDREN, VOTE_CHILDREN, WORKSHOP_CHILDREN, WORKSHOP_ROOT } from './keys.ts';
export { readWorkshop } from './read.ts';
export {
  acceptEstimate,
  answerRound,
  closeRound,
  type OpenRoundInput,
  openRound,
  revealRound,
} from './rounds.ts';
export {
  applyViewerAction,
  type ViewerAction,
  ViewerActionRefused,
  viewerActionSchema,
} from './viewerActions.ts';
export {
  closeVote,
  makeKaizenCandidates,
  type OpenVoteInput,
  openVote,
  placeDot,
} from './votes.ts';
