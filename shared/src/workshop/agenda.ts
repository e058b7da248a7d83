// The default agenda of a cross-team VSM workshop (PRODUCT.md): eight steps, each with the question
// the room answers and a time box. The facilitator can edit titles, prompts and time boxes; the
// kinds stay, because the workshop bar offers the matching tools (estimation in Time and Quality,
// dot voting in Bottlenecks, the plan table in Action plan).
import type { AgendaStep, StepKind } from './types.ts';

export const DEFAULT_AGENDA: readonly Omit<AgendaStep, 'id' | 'order'>[] = [
  {
    kind: 'scope',
    title: 'Scope',
    prompt:
      'Where does the stream start and end? What is one item of work, and how many arrive per day?',
    minutes: 10,
  },
  {
    kind: 'steps',
    title: 'Steps',
    prompt: 'Name every step an item goes through, in order, and the team that does it.',
    minutes: 20,
  },
  {
    kind: 'time',
    title: 'Time',
    prompt: 'Silently estimate how long each step takes (lead time) and how much of it is work.',
    minutes: 20,
  },
  {
    kind: 'quality',
    title: 'Quality',
    prompt:
      'Each team rates what it receives: what share arrives complete and accurate, usable as is?',
    minutes: 15,
  },
  {
    kind: 'rework',
    title: 'Rework',
    prompt: 'Where is work sent back, and how often?',
    minutes: 10,
  },
  {
    kind: 'bottlenecks',
    title: 'Bottlenecks',
    prompt: 'Place your dots on the steps that hold the stream back most.',
    minutes: 10,
  },
  {
    kind: 'future',
    title: 'Future state',
    prompt: 'Draw the stream as it could be in six months. What would have to change?',
    minutes: 30,
  },
  {
    kind: 'plan',
    title: 'Action plan',
    prompt: 'Turn the top ideas into owned actions: owner, due date, expected effect.',
    minutes: 15,
  },
];

/** The default agenda with ids `step-<kind>`, in order. */
export function defaultAgenda(): AgendaStep[] {
  return DEFAULT_AGENDA.map((step, order) => ({ ...step, id: `step-${step.kind}`, order }));
}

export function stepKindOf(agenda: readonly AgendaStep[], index: number): StepKind | null {
  return agenda[index]?.kind ?? null;
}
