// The owner's maps: title, last change, stages, lead time, and the actions on each map.
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type MapLinks, type MapSummary, mapLink } from '../../api/http.ts';
import { checkTitle } from '../../panels/topbar/titles.ts';
import { InlineEdit } from '../../ui/InlineEdit.tsx';
import { DotsIcon } from '../../ui/icons.tsx';
import { Menu, MenuItem } from '../../ui/Menu.tsx';
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
  const { t } = useTranslation('library');
  return (
    <table className="map-table">
      <caption className="visually-hidden">{t('table.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('table.map')}</th>
          <th scope="col">{t('table.lastChange')}</th>
          <th scope="col" className="num">
            {t('table.stages')}
          </th>
          <th scope="col" className="num">
            {t('table.leadTime')} <span className="th-sub">{t('table.currentState')}</span>
          </th>
          <th scope="col">
            <span className="visually-hidden">{t('table.actions')}</span>
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
  const { t } = useTranslation('library');
  const editLink = links ? mapLink(map.id, links.editToken) : null;
  const viewLink = links ? mapLink(map.id, links.viewToken) : null;
  const openHref = links ? `/m/${map.id}?token=${encodeURIComponent(links.editToken)}` : undefined;
  const title = map.title || t('table.untitled');

  return (
    <tr className={highlighted ? 'is-highlighted' : undefined}>
      <td className="map-title-cell">
        {renaming ? (
          <InlineEdit
            className="map-rename"
            initial={map.title}
            label={t('table.renameLabel', { title })}
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
      <td className="num lead-time" title={leadTimeNote(map, t)}>
        {map.stageCount === 0 ? '—' : formatLeadTime(map.leadTimeMinutes)}
      </td>
      <td className="row-actions">
        <a
          className={`button-link${openHref ? '' : ' is-disabled'}`}
          href={openHref}
          aria-label={t('table.openLabel', { title })}
          aria-disabled={openHref ? undefined : true}
        >
          {t('table.open')}
        </a>
        <CopyLinkButton
          label={t('table.editLink')}
          ariaLabel={t('table.editLinkLabel', { title })}
          link={editLink}
          onFallback={(link) => actions.showLink(t('table.editLinkOf', { title }), link)}
        />
        <CopyLinkButton
          label={t('table.viewLink')}
          ariaLabel={t('table.viewLinkLabel', { title })}
          link={viewLink}
          onFallback={(link) => actions.showLink(t('table.viewLinkOf', { title }), link)}
        />
        <Menu
          label={<DotsIcon />}
          ariaLabel={t('table.moreLabel', { title })}
          title={t('table.more')}
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
                {t('table.rename')}
              </MenuItem>
              <MenuItem
                onSelect={() => {
                  close();
                  actions.duplicate(map);
                }}
              >
                {t('table.duplicate')}
              </MenuItem>
              <MenuItem
                danger
                onSelect={() => {
                  close();
                  actions.remove(map);
                }}
              >
                {t('table.delete')}
              </MenuItem>
            </>
          )}
        </Menu>
      </td>
    </tr>
  );
}

function leadTimeNote(map: MapSummary, t: TFunction<'library'>): string | undefined {
  if (map.stageCount === 0) return t('table.noStages');
  if (map.leadTimeMinutes === null) return t('table.cycle');
  return undefined;
}
