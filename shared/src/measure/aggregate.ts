// An event log → per-stage measurements (PRODUCT.md, "Measured reality and forecasts").
//
// Each row is one pass of an item through a log stage; rows whose stage is mapped to no map stage
// count for nothing. An item's passes, in the order it entered them, are its route through the
// map. A move from a pass of Y to the next pass of Z is a **back-move** when Z comes before Y on
// the flow (order.ts): Y sent the work back to Z.
// - rework rate Y→Z = back-moves Y→Z / passes of Y;
// - measured %C/A of X = the share of X's passes that were NOT followed, before the item's next
//   pass of X, by a back-move from a stage after X to X or a stage before X. Review sending work
//   back to Build counts against Build (its output was not usable), not Review; Deploy sending it
//   back to Build counts against Build and Review (both let it through).
// Lead times are calendar time scaled to the map's working time by its working share of the week
// (hoursPerDay × daysPerWeek / 168), so they sit next to the workshop's working-time estimates;
// throughput and Little's-law WIP stay in calendar time, where items really arrive.
import type { MapState, WorkingTime } from '../model/types.ts';
import { toIsoUtc } from './dates.ts';
import type { StageMapping } from './matching.ts';
import { stageRanks } from './order.ts';
import { mean, percentile, sortedCopy } from './stats.ts';
import type {
  EventRow,
  MeasureResult,
  ReworkRate,
  StageMeasurement,
  WorkingConversion,
} from './types.ts';

const MINUTE = 60_000;
const WEEK_MINUTES = 7 * 24 * 60;

export function workingConversion(wt: WorkingTime): WorkingConversion {
  return {
    hoursPerDay: wt.hoursPerDay,
    daysPerWeek: wt.daysPerWeek,
    share: (wt.hoursPerDay * wt.daysPerWeek) / 168,
  };
}

interface StageTally {
  passes: number;
  items: number;
  lastItem: number;
  calendarMinutes: number[];
  activeSum: number;
  activeCount: number;
  against: number;
  reworkTo: Map<string, number>;
}

function tally(): StageTally {
  return {
    passes: 0,
    items: 0,
    lastItem: -1,
    calendarMinutes: [],
    activeSum: 0,
    activeCount: 0,
    against: 0,
    reworkTo: new Map(),
  };
}

/** Passes of mapped stages grouped by item, each group in the order the item entered them. */
function routes(events: readonly EventRow[], mapping: Readonly<StageMapping>): EventRow[][] {
  const byItem = new Map<string, EventRow[]>();
  for (const event of events) {
    const target = Object.hasOwn(mapping, event.stage) ? mapping[event.stage] : null;
    if (!target) continue;
    const group = byItem.get(event.item);
    if (group) group.push(event);
    else byItem.set(event.item, [event]);
  }
  const out: EventRow[][] = [];
  for (const group of byItem.values()) {
    group.sort((a, b) => a.entered - b.entered || a.exited - b.exited || a.row - b.row);
    out.push(group);
  }
  return out;
}

export function aggregateEvents(
  events: readonly EventRow[],
  state: MapState,
  wt: WorkingTime,
  mapping: Readonly<StageMapping>,
): MeasureResult {
  const conversion = workingConversion(wt);
  const ranks = stageRanks(state);
  let from = Number.POSITIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  const allItems = new Set<string>();
  for (const e of events) {
    if (e.entered < from) from = e.entered;
    if (e.exited > to) to = e.exited;
    allItems.add(e.item);
  }
  const tallies = new Map<string, StageTally>();
  const groups = routes(events, mapping);
  groups.forEach((group, itemIndex) => {
    const n = group.length;
    const stage = group.map((e) => mapping[e.stage] as string);
    const rank = stage.map((s) => ranks.get(s) ?? 0);
    // nextSame[i]: index of the item's next pass of the same stage, n when there is none.
    const nextSame = new Int32Array(n);
    const seen = new Map<string, number>();
    for (let i = n - 1; i >= 0; i--) {
      const s = stage[i] as string;
      nextSame[i] = seen.get(s) ?? n;
      seen.set(s, i);
    }
    for (let i = 0; i < n; i++) {
      const e = group[i] as EventRow;
      const s = stage[i] as string;
      let t = tallies.get(s);
      if (!t) {
        t = tally();
        tallies.set(s, t);
      }
      t.passes++;
      if (t.lastItem !== itemIndex) {
        t.lastItem = itemIndex;
        t.items++;
      }
      t.calendarMinutes.push((e.exited - e.entered) / MINUTE);
      if (e.activeMinutes !== undefined) {
        t.activeSum += e.activeMinutes;
        t.activeCount++;
      }
      const next = i + 1 < n ? (stage[i + 1] as string) : null;
      if (next !== null && (rank[i + 1] as number) < (rank[i] as number)) {
        t.reworkTo.set(next, (t.reworkTo.get(next) ?? 0) + 1);
      }
      // Was this pass's output sent back before the item came to this stage again?
      const rx = rank[i] as number;
      const last = Math.min(nextSame[i] as number, n - 1);
      for (let k = i; k < last; k++) {
        if ((rank[k] as number) > rx && (rank[k + 1] as number) <= rx) {
          t.against++;
          break;
        }
      }
    }
  });
  const periodMinutes = events.length > 0 ? (to - from) / MINUTE : 0;
  const stages: Record<string, StageMeasurement> = {};
  for (const id of [...tallies.keys()].sort()) {
    const t = tallies.get(id) as StageTally;
    const sorted = sortedCopy(t.calendarMinutes);
    const calendarMean = mean(sorted);
    const rework: ReworkRate[] = [...t.reworkTo.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([target, count]) => ({ from: id, to: target, rate: count / t.passes }));
    stages[id] = {
      passes: t.passes,
      items: t.items,
      leadTimeMinutes: {
        p50: percentile(sorted, 0.5) * conversion.share,
        p85: percentile(sorted, 0.85) * conversion.share,
        mean: calendarMean * conversion.share,
      },
      processTimeMinutes: t.activeCount > 0 ? t.activeSum / t.activeCount : null,
      pctCA: (100 * (t.passes - t.against)) / t.passes,
      rework,
      throughputPerWeek: periodMinutes > 0 ? (t.passes * WEEK_MINUTES) / periodMinutes : 0,
      wip: periodMinutes > 0 ? (t.passes * calendarMean) / periodMinutes : 0,
    };
  }
  const names = new Set<string>();
  for (const e of events) names.add(e.stage);
  return {
    period: {
      from: events.length > 0 ? toIsoUtc(from) : '',
      to: events.length > 0 ? toIsoUtc(to) : '',
    },
    items: allItems.size,
    events: events.length,
    stages,
    unmatchedStages: [...names].filter((name) => !(Object.hasOwn(mapping, name) && mapping[name])),
    conversion,
  };
}
