// Everyone in the map, you first. Clicking someone follows their view (facilitator mode); clicking
// yourself changes your name and colour.
import { useEffect } from 'react';
import { setEditor, useEditor } from '../store/editorStore.ts';
import type { Peer } from '../sync/presence.ts';
import { Avatar } from './chrome/Avatar.tsx';
import { openNamePrompt, useChrome } from './chrome/chromeStore.ts';
import { Menu, MenuItem } from './chrome/Menu.tsx';
import './chrome/chrome.css';

/** Avatars shown before the rest fold into "+N" (you included). */
const VISIBLE = 6;

export function PresenceBar() {
  const peers = useEditor((s) => s.peers);
  const following = useEditor((s) => s.following);
  const map = useEditor((s) => s.map);
  const me = useChrome((s) => s.me);
  const followed = peers.find((p) => p.clientId === following) ?? null;

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
  const visible = ordered.slice(0, VISIBLE - 1);
  const folded = ordered.slice(VISIBLE - 1);
  const total = peers.length + 1;
  const myName = me.name ?? 'Guest';

  return (
    <div className="presence">
      {followed && (
        <button
          type="button"
          className="following-pill"
          onClick={() => setEditor({ following: null })}
          style={{ borderColor: followed.user.colour }}
          title={`You are following ${followed.user.name}'s view`}
        >
          <EyeIcon />
          Stop following
          <span className="visually-hidden"> {followed.user.name}</span>
        </button>
      )}
      <ul
        className="presence-list"
        aria-label={`${total} ${total === 1 ? 'person' : 'people'} in this map`}
      >
        <li>
          <button
            type="button"
            className="presence-avatar presence-me"
            onClick={openNamePrompt}
            title={`${myName} (you) — change your name or colour`}
          >
            <Avatar name={myName} colour={me.colour} />
            <span className="visually-hidden">{myName} (you) — change your name or colour</span>
            <span className="you-badge" aria-hidden="true">
              you
            </span>
          </button>
        </li>
        {visible.map((peer) => {
          const isFollowed = peer.clientId === following;
          const where = stateName(peer);
          const label = `${isFollowed ? 'Stop following' : 'Follow'} ${peer.user.name}${where ? ` (viewing ${where})` : ''}`;
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
              ariaLabel={`${folded.length} more people`}
              title={`${total} people in this map`}
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
                      {following === peer.clientId ? 'Stop following ' : 'Follow '}
                      {peer.user.name}
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
          {total} online
        </span>
      )}
    </div>
  );
}

function EyeIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
      <path
        d="M1.5 8S4 3.5 8 3.5 14.5 8 14.5 8 12 12.5 8 12.5 1.5 8 1.5 8Z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.4"
      />
      <circle cx="8" cy="8" r="2" fill="currentColor" />
    </svg>
  );
}
