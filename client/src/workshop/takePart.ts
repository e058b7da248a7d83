// Who may answer, vote and join the participant list: everyone on an edit link, and people on the
// view link once the facilitator lets viewers take part (their actions go through the server's
// workshop route, see useWorkshopActions). Running the workshop stays with edit links.
import type { Workshop } from '@flowmap/shared/workshop';

export function canTakePart(
  canEdit: boolean,
  workshop: Pick<Workshop, 'viewersTakePart'>,
): boolean {
  return canEdit || workshop.viewersTakePart;
}
