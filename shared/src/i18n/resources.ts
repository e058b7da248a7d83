// Every catalog, by language and namespace: what i18next loads in the client and on the server.
// One namespace per area so that parts of the UI can be translated without touching each other.

import type { Locale } from './locale.ts';
import { canvas as en_canvas } from './locales/en/canvas.ts';
import { common as en_common } from './locales/en/common.ts';
import { exportDialog as en_exportDialog } from './locales/en/exportDialog.ts';
import { exports as en_exports } from './locales/en/exports.ts';
import { forecast as en_forecast } from './locales/en/forecast.ts';
import { inspector as en_inspector } from './locales/en/inspector.ts';
import { library as en_library } from './locales/en/library.ts';
import { measure as en_measure } from './locales/en/measure.ts';
import { panels as en_panels } from './locales/en/panels.ts';
import { snapshots as en_snapshots } from './locales/en/snapshots.ts';
import { topbar as en_topbar } from './locales/en/topbar.ts';
import { workshop as en_workshop } from './locales/en/workshop.ts';
import { canvas as ko_canvas } from './locales/ko/canvas.ts';
import { common as ko_common } from './locales/ko/common.ts';
import { exportDialog as ko_exportDialog } from './locales/ko/exportDialog.ts';
import { exports as ko_exports } from './locales/ko/exports.ts';
import { forecast as ko_forecast } from './locales/ko/forecast.ts';
import { inspector as ko_inspector } from './locales/ko/inspector.ts';
import { library as ko_library } from './locales/ko/library.ts';
import { measure as ko_measure } from './locales/ko/measure.ts';
import { panels as ko_panels } from './locales/ko/panels.ts';
import { snapshots as ko_snapshots } from './locales/ko/snapshots.ts';
import { topbar as ko_topbar } from './locales/ko/topbar.ts';
import { workshop as ko_workshop } from './locales/ko/workshop.ts';

export const en = {
  common: en_common,
  library: en_library,
  workshop: en_workshop,
  panels: en_panels,
  snapshots: en_snapshots,
  measure: en_measure,
  forecast: en_forecast,
  exportDialog: en_exportDialog,
  canvas: en_canvas,
  topbar: en_topbar,
  inspector: en_inspector,
  exports: en_exports,
} as const;

export const ko = {
  common: ko_common,
  library: ko_library,
  workshop: ko_workshop,
  panels: ko_panels,
  snapshots: ko_snapshots,
  measure: ko_measure,
  forecast: ko_forecast,
  exportDialog: ko_exportDialog,
  canvas: ko_canvas,
  topbar: ko_topbar,
  inspector: ko_inspector,
  exports: ko_exports,
};

export type Namespace = keyof typeof en;
export const NAMESPACES = Object.keys(en) as Namespace[];

/** Resources in i18next's shape: language → namespace → messages. */
export const resources: Record<Locale, Record<Namespace, object>> = { en, ko };
