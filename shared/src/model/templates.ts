// Starting points for a new map. Pure data: the doc layer writes a template into a Y.Doc.
// The software-delivery template is the pipeline the product brief describes, with numbers that
// show the classic picture a first workshop finds: minutes of work drowned in days of waiting,
// and a manual test step that sends a third of its work back.
import type { FlowMap, MapEdge, MapNode, MapState } from './types.ts';
import { DEFAULT_META } from './types.ts';

export type TemplateId = 'blank' | 'software-delivery';

export interface TemplateInfo {
  id: TemplateId;
  name: string;
  description: string;
}

export const TEMPLATES: readonly TemplateInfo[] = [
  {
    id: 'blank',
    name: 'Blank map',
    description: 'One empty current state, to draw your own value stream from scratch.',
  },
  {
    id: 'software-delivery',
    name: 'Software delivery',
    description:
      'A change from commit to production: version control, automated and manual tests, ' +
      'security review, change management and release, with sample times to replace by yours.',
  },
];

export const SOFTWARE_DELIVERY_TITLE = 'Software delivery value stream';
export const SOFTWARE_DELIVERY_STATE_ID = 'current';

// Working time of the template: 8 h days, 5 d weeks (the map defaults).
const H = 60;
const D = 8 * H;

/** Horizontal distance between neighbouring steps on the canvas. */
const SPACING = 260;

type Step = Omit<MapNode, 'x' | 'y'>;

const PIPELINE: readonly Step[] = [
  {
    id: 'start',
    type: 'start',
    name: 'Change committed',
    notes: 'Trigger: a developer pushes a change that is ready to ship.',
  },
  {
    id: 'vcs',
    type: 'stage',
    name: 'Version control',
    team: 'Dev',
    elapsedMinutes: 2 * H,
    valueAddMinutes: 20,
    pctCA: 95,
    notes: 'Pull request opened, reviewed and merged to main.',
  },
  {
    id: 'auto-tests',
    type: 'stage',
    name: 'Automated tests',
    team: 'Dev',
    elapsedMinutes: 1 * D,
    valueAddMinutes: 45,
    pctCA: 90,
    notes: 'Nightly build and test run; flaky tests are re-run by hand.',
  },
  {
    id: 'manual-tests',
    type: 'stage',
    name: 'Manual tests',
    team: 'QA',
    elapsedMinutes: 5 * D,
    valueAddMinutes: 1 * D,
    pctCA: 70,
    notes: 'Regression suite run by hand in the shared test environment.',
  },
  {
    id: 'security-review',
    type: 'stage',
    name: 'Security review',
    team: 'Security',
    elapsedMinutes: 10 * D,
    valueAddMinutes: 4 * H,
    pctCA: 80,
    notes: 'Queue for the central security team.',
  },
  {
    id: 'change-management',
    type: 'stage',
    name: 'Change management',
    team: 'Change Advisory Board',
    elapsedMinutes: 5 * D,
    valueAddMinutes: 30,
    pctCA: 95,
    notes: 'Waits for the weekly change advisory board meeting.',
  },
  {
    id: 'release',
    type: 'stage',
    name: 'Release to production',
    team: 'Ops',
    elapsedMinutes: 1 * D,
    valueAddMinutes: 2 * H,
    pctCA: 85,
    notes: 'Scheduled release window with a manual runbook.',
  },
  {
    id: 'end',
    type: 'end',
    name: 'Running in production',
  },
];

function flowEdge(source: string, target: string): MapEdge {
  return { id: `${source}--${target}`, source, target, kind: 'flow' };
}

/** A fresh copy on every call: callers may mutate what they get. */
export function softwareDeliveryTemplate(opts: { title?: string } = {}): FlowMap {
  const nodes: Record<string, MapNode> = {};
  PIPELINE.forEach((step, i) => {
    nodes[step.id] = { ...step, x: i * SPACING, y: 0 };
  });
  nodes['kaizen-automate-regression'] = {
    id: 'kaizen-automate-regression',
    type: 'kaizen',
    name: 'Automate the regression suite',
    team: 'QA',
    x: 3 * SPACING + 40,
    y: -180,
    notes: 'A day of hand-run regression per release, and 30 % of changes come back from it.',
  };

  const edges: Record<string, MapEdge> = {};
  for (let i = 1; i < PIPELINE.length; i++) {
    const from = PIPELINE[i - 1];
    const to = PIPELINE[i];
    if (!from || !to) continue;
    const edge = flowEdge(from.id, to.id);
    edges[edge.id] = edge;
  }
  const rework: MapEdge = {
    id: 'manual-tests--vcs--rework',
    source: 'manual-tests',
    target: 'vcs',
    kind: 'rework',
  };
  edges[rework.id] = rework;
  // The kaizen burst is linked to the stage it improves: a flow edge out of a burst, which the
  // metrics ignore (a burst is not on the pipeline) and the editor draws as a dotted link.
  const link = flowEdge('kaizen-automate-regression', 'manual-tests');
  edges[link.id] = link;

  const current: MapState = {
    id: SOFTWARE_DELIVERY_STATE_ID,
    name: 'Current state',
    kind: 'current',
    order: 0,
    // Releasing every other week, one release in six failing, a day and a half to recover.
    dora: { deploymentsPerWeek: 0.5, changeFailureRate: 0.15, timeToRestoreMinutes: 12 * H },
    nodes,
    edges,
  };

  return {
    meta: {
      ...DEFAULT_META,
      title: opts.title ?? SOFTWARE_DELIVERY_TITLE,
      description:
        'How one change travels from version control to production today. Replace the sample ' +
        'times with what your teams measure, then clone it into the future state.',
    },
    states: { [current.id]: current },
  };
}
