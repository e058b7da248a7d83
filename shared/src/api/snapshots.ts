// The wire shape of a named snapshot (`/api/maps/:id/snapshots…`), written once for the server
// that lists and takes them and the web app that shows and compares them.
import type { MapHeadline } from '../metrics/headline.ts';

/** A named snapshot of a map, with its headline figures per state as they were then. */
export interface SnapshotSummary {
  id: string;
  name: string;
  createdAt: number;
  /** Per state: totals, ratios and DORA levels as they were when the snapshot was taken. */
  headline: MapHeadline;
}
