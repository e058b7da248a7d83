// Exports of a map beyond the SVG renderer: CSV rows, the metrics report behind the PDF's last
// page, the states an export shows and the file names it downloads as. Pure, like render/.
export type { CsvColumn } from './csv.ts';
export { CSV_COLUMNS, csvLine, mapToCsv, neutraliseFormula } from './csv.ts';
export type { ExportFileName } from './filenames.ts';
export { contentDisposition, exportFileName, fileNameFromDisposition } from './filenames.ts';
export { PLAN_CSV_COLUMNS, planState, planToCsv } from './planCsv.ts';
export type {
  ComparisonReport,
  DoraCell,
  DoraComparison,
  MapReport,
  MetricComparison,
  StateReport,
} from './report.ts';
export { buildReport, DORA_LEVEL_NAMES } from './report.ts';
export type { StateLookup, StatePair } from './states.ts';
export {
  comparisonPairs,
  defaultState,
  describeStates,
  findState,
  sortedStates,
  stateById,
} from './states.ts';
