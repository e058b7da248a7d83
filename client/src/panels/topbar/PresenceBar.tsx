// Everyone in the map, you first. Clicking someone follows their view (facilitator mode); clicking
// yourself changes your name and colour.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { setEditor, useEditor } from '../../store/editorStore.ts';
import type { Peer } from '../../sync/presence.ts';
import { Avatar } from '../../ui/Avatar.tsx';
import { EyeIcon } from '../../ui/icons.tsx';
import { Menu, MenuItem } from '../../ui/Menu.tsx';
import { avatarSlots, splitAvatars, WIDE_TOP_BAR_PX } from './collapse.ts';
import { openNamePrompt, useMe } from './meStore.ts';
import { PresentationToggle } from './PresentationToggle.tsx';
import { useWideWindow } from './useWindowWidth.ts';
import './presence.css';

export function PresenceBar() {
  const peers = useEditor((s) => s.peers);
  const following = useEditor((s) => s.following);
  const map = useEditor((s) => s.map);
  const me = useMe((s) => s.me);
  const { t } = useTranslation('topbar');
  const followed = peers.find((p) => p.clientId === following) ?? null;
  const wide = useWideWindow(WIDE_TOP_BAR_PX);

  // Someone who leaves cannot be followed any more.
  useEffect(() => {
    if (following !== null && !peers.some((p) => p.clientId === following)) {
      setEditor({ following: null });
    }
  }, [following, peers]);

  // Following someone means seeing the state they look at, too.
  const followedState = followed?.stateId ?? null;
  useEffect(() => {
    const { activeStateId } = useEditor.getState();
    if (
      followedState &&
      followedState !== activeStateId &&
      map &&
      Object.hasOwn(map.states, followedState)
    ) {
      setEditor({ activeStateId: followedState, compareWith: null });
    }
  }, [followedState, map]);

  const toggleFollow = (peer: Peer) =>
    setEditor({ following: following === peer.clientId ? null : peer.clientId });

  const stateName = (peer: Peer) =>
    peer.stateId && map?.states[peer.stateId] ? map.states[peer.stateId]?.name : null;

  // The one being followed stays visible even when many are here.
  const ordered = followed
    ? [followed, ...peers.filter((p) => p.clientId !== followed.clientId)]
    : peers;
  const slots = avatarSlots(wide ? WIDE_TOP_BAR_PX : 0, followed !== null);
  const { shown: visible, folded } = splitAvatars(ordered, slots);
  const total = peers.length + 1;
  const myName = me.name ?? t('presence.guest');

  return (
    <div className="presence">
      <PresentationToggle />
      {followed && (
        <button
          type="button"
          className="following-pill"
          onClick={() => setEditor({ following: null })}
          style={{ borderColor: followed.user.colour }}
          title={t('presence.followingTip', { name: followed.user.name })}
        >
          <EyeIcon />
          <span className="following-pill-text">{t('presence.stopFollowing')}</span>
          <span className="visually-hidden"> {followed.user.name}</span>
        </button>
      )}
      <ul className="presence-list" aria-label={t('presence.people', { count: total })}>
        <li>
          <button
            type="button"
            className="presence-avatar presence-me"
            onClick={openNamePrompt}
            title={t('presence.me', { name: myName })}
          >
            <Avatar name={myName} colour={me.colour} />
            <span className="visually-hidden">{t('presence.me', { name: myName })}</span>
            <span className="you-badge" aria-hidden="true">
              {t('presence.you')}
            </span>
          </button>
        </li>
        {visible.map((peer) => {
          const isFollowed = peer.clientId === following;
          const where = stateName(peer);
          const name = peer.user.name;
          const label = where
            ? t(isFollowed ? 'presence.stopFollowingWhere' : 'presence.followWhere', {
                name,
                where,
              })
            : t(isFollowed ? 'presence.stopFollowingName' : 'presence.followName', { name });
          return (
            <li key={peer.clientId}>
              <button
                type="button"
                className={`presence-avatar${isFollowed ? ' is-followed' : ''}`}
                style={
                  isFollowed
                    ? { boxShadow: `0 0 0 2px #fff, 0 0 0 4px ${peer.user.colour}` }
                    : undefined
                }
                aria-pressed={isFollowed}
                onClick={() => toggleFollow(peer)}
                title={label}
              >
                <Avatar name={peer.user.name} colour={peer.user.colour} />
                <span className="visually-hidden">{label}</span>
              </button>
            </li>
          );
        })}
        {folded.length > 0 && (
          <li>
            <Menu
              label={`+${folded.length}`}
              ariaLabel={t('presence.more', { count: folded.length })}
              title={t('presence.people', { count: total })}
              buttonClassName="presence-more"
              align="right"
            >
              {(close) =>
                folded.map((peer) => (
                  <MenuItem
                    key={peer.clientId}
                    onSelect={() => {
                      close();
                      toggleFollow(peer);
                    }}
                  >
                    <Avatar name={peer.user.name} colour={peer.user.colour} size={22} />
                    <span className="menu-item-text">
                      {t(
                        following === peer.clientId
                          ? 'presence.stopFollowingName'
                          : 'presence.followName',
                        { name: peer.user.name },
                      )}
                    </span>
                  </MenuItem>
                ))
              }
            </Menu>
          </li>
        )}
      </ul>
      {total > 1 && (
        <span className="presence-count" aria-hidden="true">
          {t('presence.online', { count: total })}
        </span>
      )}
    </div>
  );
}
