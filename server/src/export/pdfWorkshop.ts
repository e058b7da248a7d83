// The PDF's workshop pages, after the metrics report when a workshop was run on the map: the
// summary (participants, the current-state figures the room agreed with the answers' range and
// who rated them, each closed dot vote ranked) and the action plan table. The text comes from
// shared's workshopSummary; this file only lays it out.
import { COLORS, type FlowMap, planState } from '@flowmap/shared';
import { displayT } from '@flowmap/shared/i18n';
import { hasWorkshop, type Workshop, workshopSummary } from '@flowmap/shared/workshop';
import type { Column, PageWriter } from './pdfLayout.ts';

/** Whether the PDF gets workshop pages: once a workshop has been started on the map. */
export function wantsWorkshopPages(workshop: Workshop | undefined): workshop is Workshop {
  return workshop !== undefined && hasWorkshop(workshop);
}

export function drawWorkshop(w: PageWriter, map: FlowMap, workshop: Workshop): void {
  const state = planState(map, workshop);
  if (!state) return;
  const s = workshopSummary(map, workshop, state);
  const t = displayT('exports');

  w.heading(t('workshop.summary', { state: s.stateName }), { capitals: false });
  w.text(
    t('workshop.participants', {
      names: s.participants.length > 0 ? s.participants.join(', ') : t('workshop.noParticipants'),
    }),
  );
  w.gap(10);

  w.heading(t('workshop.agreed'));
  if (s.agreed.length === 0) {
    w.text(t('workshop.noneAgreed'), { color: COLORS.muted });
  } else {
    const columns: Column[] = [
      { title: t('workshop.stage'), width: 0.28 },
      { title: t('workshop.figure'), width: 0.14 },
      { title: t('workshop.agreedValue'), width: 0.12, align: 'right' },
      { title: t('workshop.range'), width: 0.2 },
      { title: t('workshop.answers'), width: 0.08, align: 'right' },
      { title: t('workshop.ratedBy'), width: 0.18 },
    ];
    w.table(
      columns,
      s.agreed.map((a) => [
        { text: a.stage, bold: true },
        { text: a.field },
        { text: a.value, bold: true },
        { text: a.range },
        { text: String(a.answers) },
        { text: a.ratedBy },
      ]),
    );
  }
  w.gap(14);

  for (const vote of s.votes) {
    w.heading(t('workshop.vote', { title: vote.title }));
    w.table(
      [
        { title: t('workshop.rank'), width: 0.08, align: 'right' },
        { title: t('workshop.item'), width: 0.62 },
        { title: t('workshop.dots'), width: 0.1, align: 'right' },
      ],
      vote.rows.map((r) => [
        { text: `${r.rank}.` },
        { text: r.item },
        { text: String(r.dots), bold: true },
      ]),
    );
    w.gap(14);
  }

  w.heading(t('workshop.plan'));
  if (s.plan.length === 0) {
    w.text(t('workshop.noKaizens'), { color: COLORS.muted });
    return;
  }
  w.table(
    [
      { title: t('workshop.kaizen'), width: 0.24 },
      { title: t('workshop.stage'), width: 0.16 },
      { title: t('workshop.owner'), width: 0.12 },
      { title: t('workshop.due'), width: 0.09 },
      { title: t('workshop.status'), width: 0.07 },
      { title: t('workshop.votes'), width: 0.06, align: 'right' },
      { title: t('workshop.effect'), width: 0.26 },
    ],
    s.plan.map((r) => [
      { text: r.kaizen, bold: true },
      { text: r.stages.join(', ') },
      { text: r.owner },
      { text: r.dueDate },
      { text: r.status },
      { text: String(r.votes) },
      { text: r.effect },
    ]),
  );
}
