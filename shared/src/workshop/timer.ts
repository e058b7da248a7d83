// The shared timer's arithmetic, in the server's clock (epoch ms). Pure: the caller passes the
// server time it estimated (client/src/workshop/serverClock.ts), so every client computes the same
// remaining time from the same document, whatever its own clock says.
import type { TimerState } from './types.ts';

/** The longest time box or extension the timer holds: a workshop day. */
export const MAX_TIMER_MS = 24 * 60 * 60 * 1000;

/** Milliseconds left at `serverNow`; negative once the time box is over (the bar shows overrun). */
export function remainingMs(timer: TimerState, serverNow: number): number {
  if (timer.runningSince === null) return timer.remainingMs;
  return timer.remainingMs - Math.max(0, serverNow - timer.runningSince);
}

export function startTimer(timer: TimerState, serverNow: number): TimerState {
  if (timer.runningSince !== null) return timer;
  return { runningSince: serverNow, remainingMs: timer.remainingMs };
}

export function pauseTimer(timer: TimerState, serverNow: number): TimerState {
  if (timer.runningSince === null) return timer;
  return { runningSince: null, remainingMs: remainingMs(timer, serverNow) };
}

/** Adds `ms` (e.g. +5 min) whether running or paused; the start instant stays, so it just shifts. */
export function extendTimer(timer: TimerState, ms: number): TimerState {
  return {
    runningSince: timer.runningSince,
    remainingMs: Math.min(MAX_TIMER_MS, timer.remainingMs + ms),
  };
}

/** "12:05", or "−0:42" once over; whole seconds rounded up while counting down. */
export function formatClock(ms: number): string {
  const over = ms < 0;
  const seconds = over ? Math.floor(-ms / 1000) : Math.ceil(ms / 1000);
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${over ? '−' : ''}${m}:${String(s).padStart(2, '0')}`;
}
