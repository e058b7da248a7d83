// The owner's maps: title, last change, stages, lead time, and the actions on each map.
import { useState } from 'react';
import { type MapLinks, type MapSummary, mapLink } from '../../api/http.ts';
import { InlineEdit } from '../../panels/chrome/InlineEdit.tsx';
import { Menu, MenuItem } from '../../panels/chrome/Menu.tsx';
import { checkTitle } from '../../panels/chrome/titles.ts';
import { CopyLinkButton } from './CopyLinkButton.tsx';
import { formatLeadTime, fullTime, relativeTime, stageCountLabel } from './format.ts';

export interface RowActions {
  rename: (map: MapSummary, title: string) => Promise<string | null>;
  duplicate: (map: MapSummary) => void;
  remove: (map: MapSummary) => void;
  showLink: (title: string, link: string) => void;
}

interface Props {
  maps: MapSummary[];
  links: Record<string, MapLinks>;
  now: number;
  highlight: string | null;
  actions: RowActions;
}

export function MapTable({ maps, links, now, highlight, actions }: Props) {
  return (
    <table className="map-table">
      <caption className="visually-hidden">Your maps, most recently changed first</caption>
      <thead>
        <tr>
          <th scope="col">Map</th>
          <th scope="col">Last change</th>
          <th scope="col" className="num">
            Stages
          </th>
          <th scope="col" className="num">
            Lead time <span className="th-sub">current state</span>
          </th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {maps.map((map) => (
          <MapRow
            key={map.id}
            map={map}
            links={links[map.id] ?? null}
            now={now}
            highlighted={highlight === map.id}
            actions={actions}
          />
        ))}
      </tbody>
    </table>
  );
}

function MapRow({
  map,
  links,
  now,
  highlighted,
  actions,
}: {
  map: MapSummary;
  links: MapLinks | null;
  now: number;
  highlighted: boolean;
  actions: RowActions;
}) {
  const [renaming, setRenaming] = useState(false);
  const editLink = links ? mapLink(map.id, links.editToken) : null;
  const viewLink = links ? mapLink(map.id, links.viewToken) : null;
  const openHref = links ? `/m/${map.id}?token=${encodeURIComponent(links.editToken)}` : undefined;
  const title = map.title || 'Untitled map';

  return (
    <tr className={highlighted ? 'is-highlighted' : undefined}>
      <td className="map-title-cell">
        {renaming ? (
          <InlineEdit
            className="map-rename"
            initial={map.title}
            label={`New title for ${title}`}
            onCommit={async (value) =>
              checkTitle(value, 'map title') ?? actions.rename(map, value.trim())
            }
            onDone={() => setRenaming(false)}
          />
        ) : openHref ? (
          <a className="map-title-link" href={openHref}>
            {title}
          </a>
        ) : (
          <span className="map-title-link is-pending">{title}</span>
        )}
      </td>
      <td className="muted">
        <time dateTime={new Date(map.updatedAt).toISOString()} title={fullTime(map.updatedAt)}>
          {relativeTime(map.updatedAt, now)}
        </time>
      </td>
      <td className="num">{stageCountLabel(map.stageCount)}</td>
      <td className="num lead-time" title={leadTimeNote(map)}>
        {map.stageCount === 0 ? '—' : formatLeadTime(map.leadTimeMinutes)}
      </td>
      <td className="row-actions">
        <a
          className={`button-link${openHref ? '' : ' is-disabled'}`}
          href={openHref}
          aria-label={`Open ${title}`}
          aria-disabled={openHref ? undefined : true}
        >
          Open
        </a>
        <CopyLinkButton
          label="Edit link"
          ariaLabel={`Copy edit link of ${title}`}
          link={editLink}
          onFallback={(link) => actions.showLink(`Edit link of “${title}”`, link)}
        />
        <CopyLinkButton
          label="View link"
          ariaLabel={`Copy view-only link of ${title}`}
          link={viewLink}
          onFallback={(link) => actions.showLink(`View-only link of “${title}”`, link)}
        />
        <Menu
          label={<DotsIcon />}
          ariaLabel={`More actions for ${title}`}
          title="More actions"
          buttonClassName="icon-button"
          align="right"
        >
          {(close) => (
            <>
              <MenuItem
                onSelect={() => {
                  close();
                  setRenaming(true);
                }}
              >
                Rename
              </MenuItem>
              <MenuItem
                onSelect={() => {
                  close();
                  actions.duplicate(map);
                }}
              >
                Duplicate
              </MenuItem>
              <MenuItem
                danger
                onSelect={() => {
                  close();
                  actions.remove(map);
                }}
              >
                Delete…
              </MenuItem>
            </>
          )}
        </Menu>
      </td>
    </tr>
  );
}

function DotsIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <circle cx="3.5" cy="8" r="1.4" fill="currentColor" />
      <circle cx="8" cy="8" r="1.4" fill="currentColor" />
      <circle cx="12.5" cy="8" r="1.4" fill="currentColor" />
    </svg>
  );
}

function leadTimeNote(map: MapSummary): string | undefined {
  if (map.stageCount === 0) return 'No stages yet';
  if (map.leadTimeMinutes === null) return 'Cannot be computed: the flow has a cycle';
  return undefined;
}
