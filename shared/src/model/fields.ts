// The field rules of schema v2, once: every field's zod schema (types, lengths, ranges, enum
// values), the limits on ids and collection sizes, and the entity schemas built from them. The
// import validator and the read path (schema.ts), the commands' patch validators and the sync
// server's write guard (../doc/writeGuard.ts) all check fields with these, so a live document
// can never hold what an import would refuse.
import { z } from 'zod';
import { parseIsoTimestamp } from '../measure/dates.ts';
import { MAX_DURATION_MINUTES } from './durations.ts';
import {
  DEFAULT_META,
  EDGE_KINDS,
  KAIZEN_STATUSES,
  LOCALES,
  NODE_TYPES,
  SCHEMA_VERSION,
  STATE_KINDS,
  TIME_SOURCES,
} from './types.ts';

export const LIMITS = {
  idLength: 64,
  nameLength: 200,
  teamLength: 100,
  unitOfWorkLength: 40,
  notesLength: 10_000,
  descriptionLength: 10_000,
  statesPerMap: 50,
  nodesPerState: 10_000,
  edgesPerState: 20_000,
  /** Canvas coordinates beyond this are almost certainly garbage, and break rendering. */
  coordinate: 10_000_000,
} as const;

const num = (what = 'a number') => z.number({ error: `must be ${what}` });
const minutes = num('a number of minutes')
  .min(0, 'must not be negative')
  .max(MAX_DURATION_MINUTES, 'is too large');
const percent = num('0–100').min(0, 'must be 0–100').max(100, 'must be 0–100');
const text = (max: number) =>
  z.string({ error: 'must be text' }).max(max, `must be at most ${max} characters`);
const count = (what: string, min = 0) =>
  num(what)
    .min(min, min === 0 ? 'must not be negative' : `must be at least ${min}`)
    .max(1_000_000, 'is too large');
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, { error: `must be one of ${values.join(', ')}` });
const coordinate = num()
  .min(-LIMITS.coordinate, 'is too far off the canvas')
  .max(LIMITS.coordinate, 'is too far off the canvas');

// Measured reality (issue 17): the aggregates an event or deployment log import stores. Plain
// values (one Y.Map key each, replaced whole by the next import), so they are strict objects: a
// key this version does not know is refused rather than carried along unchecked.
const timestamp = z
  .string({ error: 'must be an ISO 8601 date-time' })
  .max(40, 'must be an ISO 8601 date-time')
  .refine((t) => parseIsoTimestamp(t) !== null, 'must be an ISO 8601 date-time');
const tally = (what: string) =>
  num(what).int('must be a whole number').min(0, 'must not be negative').max(1e9, 'is too large');
const inOrder = (p: { from: string; to: string }) =>
  (parseIsoTimestamp(p.from) ?? 0) <= (parseIsoTimestamp(p.to) ?? 0);
const PERIOD_ORDER = 'must start (from) before it ends (to)';

export const stageMeasuredSchema = z
  .strictObject(
    {
      from: timestamp,
      to: timestamp,
      items: tally('a number of items'),
      passes: tally('a number of passes'),
      leadTimeMinutes: z
        .strictObject({ p50: minutes, p85: minutes, mean: minutes }, { error: 'must be an object' })
        .refine((lt) => lt.p50 <= lt.p85, 'p50 must not exceed p85'),
      processTimeMinutes: minutes.optional(),
      pctCA: percent,
    },
    { error: 'must be an object' },
  )
  .refine(inOrder, PERIOD_ORDER);

export const stageEstimateSchema = z.strictObject(
  {
    elapsedMinutes: minutes.optional(),
    valueAddMinutes: minutes.optional(),
    pctCA: percent.optional(),
    elapsedLowMinutes: minutes.optional(),
    elapsedHighMinutes: minutes.optional(),
  },
  { error: 'must be an object' },
);

export const doraMeasuredSchema = z
  .strictObject(
    { from: timestamp, to: timestamp, deployments: tally('a number of deployments') },
    { error: 'must be an object' },
  )
  .refine(inOrder, PERIOD_ORDER);

export const stageMappingSchema = z
  .array(
    z.strictObject(
      {
        log: z
          .string({ error: 'must be text' })
          .min(1, 'must not be empty')
          .max(200, 'must be at most 200 characters'),
        stage: z.union(
          [
            z.literal(null),
            z
              .string()
              .max(64)
              .regex(/^[A-Za-z0-9_-]+$/),
          ],
          {
            error: 'must be a stage id or null',
          },
        ),
      },
      { error: 'must be an object' },
    ),
    { error: 'must be a list' },
  )
  .max(500, 'must hold at most 500 names');

export const idSchema = z
  .string({ error: 'must be an id' })
  .min(1, 'must not be empty')
  .max(LIMITS.idLength, `must be at most ${LIMITS.idLength} characters`)
  .regex(/^[A-Za-z0-9_-]+$/, 'must use only letters, digits, - and _')
  // As an object key it would replace the prototype instead of adding an entry.
  .refine((id) => id !== '__proto__', 'is reserved');

export const nodeFieldSchemas = {
  id: idSchema,
  type: z.enum(NODE_TYPES, { error: `must be one of ${NODE_TYPES.join(', ')}` }),
  x: coordinate,
  y: coordinate,
  name: text(LIMITS.nameLength),
  team: text(LIMITS.teamLength),
  elapsedMinutes: minutes,
  valueAddMinutes: minutes,
  pctCA: percent,
  notes: text(LIMITS.notesLength),
  people: count('a number of people'),
  batchSize: count('a number of items', 1),
  wipItems: count('a number of items'),
  elapsedLowMinutes: minutes,
  elapsedHighMinutes: minutes,
  timeSource: oneOf(TIME_SOURCES),
  ratedBy: text(LIMITS.teamLength),
  outside: z.boolean({ error: 'must be true or false' }),
  waitMinutes: minutes,
  items: count('a number of items'),
  owner: text(LIMITS.teamLength),
  dueDate: z
    .string({ error: 'must be a date (YYYY-MM-DD)' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)')
    .refine(
      (d) =>
        !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) &&
        new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
      'is not a calendar date',
    ),
  status: oneOf(KAIZEN_STATUSES),
  effectElapsedMinutes: minutes,
  effectValueAddMinutes: minutes,
  effectPctCA: percent,
  measured: stageMeasuredSchema,
  estimate: stageEstimateSchema,
} as const;

/** Every node field but the four every node has. */
export const NODE_OPTIONAL = new Set(
  Object.keys(nodeFieldSchemas).filter((k) => !['id', 'type', 'x', 'y', 'name'].includes(k)),
);

export const nodeSchema = z.object(
  Object.fromEntries(
    Object.entries(nodeFieldSchemas).map(([key, schema]) => [
      key,
      NODE_OPTIONAL.has(key) ? schema.optional() : schema,
    ]),
  ) as Record<string, z.ZodType>,
);

export const edgeFieldSchemas = {
  id: idSchema,
  source: idSchema,
  target: idSchema,
  kind: z.enum(EDGE_KINDS, { error: `must be one of ${EDGE_KINDS.join(', ')}` }),
  rate: num('a fraction from 0 to 1').min(0, 'must be at least 0').lt(1, 'must be below 1'),
  share: num('a fraction from 0 to 1').min(0, 'must be 0–1').max(1, 'must be 0–1'),
} as const;

export const EDGE_OPTIONAL = new Set(['rate', 'share']);

export const edgeSchema = z.object({
  ...edgeFieldSchemas,
  rate: edgeFieldSchemas.rate.optional(),
  share: edgeFieldSchemas.share.optional(),
});

export const doraFieldSchemas = {
  deploymentsPerWeek: num().min(0, 'must not be negative').max(1_000_000, 'is too large'),
  changeFailureRate: num('a fraction from 0 to 1').min(0, 'must be 0–1').max(1, 'must be 0–1'),
  timeToRestoreMinutes: minutes,
  leadTimeForChangesMinutes: minutes,
  measured: doraMeasuredSchema,
} as const;

export const doraSchema = z.object({
  deploymentsPerWeek: doraFieldSchemas.deploymentsPerWeek.optional(),
  changeFailureRate: doraFieldSchemas.changeFailureRate.optional(),
  timeToRestoreMinutes: doraFieldSchemas.timeToRestoreMinutes.optional(),
  leadTimeForChangesMinutes: doraFieldSchemas.leadTimeForChangesMinutes.optional(),
  measured: doraFieldSchemas.measured.optional(),
});

export const stateFieldSchemas = {
  id: idSchema,
  name: text(LIMITS.nameLength).min(1, 'must not be empty'),
  kind: z.enum(STATE_KINDS, { error: `must be one of ${STATE_KINDS.join(', ')}` }),
  order: num(),
  basedOn: idSchema,
} as const;

export const stateHeaderSchema = z.object({
  ...stateFieldSchemas,
  basedOn: stateFieldSchemas.basedOn.optional(),
});

export const metaFieldSchemas = {
  schemaVersion: z.literal(SCHEMA_VERSION, { error: `must be ${SCHEMA_VERSION}` }),
  title: text(LIMITS.nameLength),
  description: text(LIMITS.descriptionLength),
  hoursPerDay: num('hours from 1 to 24').min(1, 'must be 1–24').max(24, 'must be 1–24'),
  daysPerWeek: num('days from 1 to 7').min(1, 'must be 1–7').max(7, 'must be 1–7'),
  lowPctCAThreshold: percent,
  bottleneckCount: num()
    .int('must be a whole number')
    .min(0, 'must be 0–50')
    .max(50, 'must be 0–50'),
  demandPerDay: num('a number of items per day')
    .gt(0, 'must be above 0')
    .max(1_000_000, 'is too large'),
  unitOfWork: text(LIMITS.unitOfWorkLength),
  locale: oneOf(LOCALES),
  stageMapping: stageMappingSchema,
} as const;

export const META_OPTIONAL = new Set(['demandPerDay', 'unitOfWork', 'locale', 'stageMapping']);

export const metaSchema = z.object({
  schemaVersion: metaFieldSchemas.schemaVersion,
  title: metaFieldSchemas.title,
  description: metaFieldSchemas.description.default(DEFAULT_META.description),
  hoursPerDay: metaFieldSchemas.hoursPerDay.default(DEFAULT_META.hoursPerDay),
  daysPerWeek: metaFieldSchemas.daysPerWeek.default(DEFAULT_META.daysPerWeek),
  lowPctCAThreshold: metaFieldSchemas.lowPctCAThreshold.default(DEFAULT_META.lowPctCAThreshold),
  bottleneckCount: metaFieldSchemas.bottleneckCount.default(DEFAULT_META.bottleneckCount),
  demandPerDay: metaFieldSchemas.demandPerDay.optional(),
  unitOfWork: metaFieldSchemas.unitOfWork.optional(),
  locale: metaFieldSchemas.locale.optional(),
  stageMapping: metaFieldSchemas.stageMapping.optional(),
});

export const DORA_OPTIONAL = new Set(Object.keys(doraFieldSchemas));
export const STATE_OPTIONAL = new Set(['basedOn']);
