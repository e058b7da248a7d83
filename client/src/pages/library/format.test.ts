import { inLocale } from '@flowmap/shared/i18n';
import { describe, expect, it } from 'vitest';
import { formatLeadTime, relativeTime, stageCountLabel } from './format.ts';

// A fixed local noon, so calendar-day rules do not depend on when the test runs.
const now = new Date(2026, 2, 18, 12, 0, 0).getTime();
const minutes = (n: number) => n * 60_000;
const hours = (n: number) => n * 3_600_000;

describe('relativeTime', () => {
  it('says "just now" for the last 45 seconds and for a clock slightly ahead', () => {
    expect(relativeTime(now - 10_000, now)).toBe('just now');
    expect(relativeTime(now + 5_000, now)).toBe('just now');
  });

  it('counts minutes, then hours', () => {
    expect(relativeTime(now - 50_000, now)).toBe('1 minute ago');
    expect(relativeTime(now - minutes(5), now)).toBe('5 minutes ago');
    expect(relativeTime(now - minutes(50), now)).toBe('1 hour ago');
    expect(relativeTime(now - hours(3), now)).toBe('3 hours ago');
  });

  it('says "yesterday" for the previous calendar day beyond 22 hours', () => {
    expect(relativeTime(new Date(2026, 2, 17, 9, 0).getTime(), now)).toBe('yesterday');
    expect(relativeTime(new Date(2026, 2, 16, 23, 0).getTime(), now)).toBe('2 days ago');
    expect(relativeTime(new Date(2026, 2, 17, 23, 0).getTime(), now)).toBe('13 hours ago');
  });

  it('counts days within the week, then weeks', () => {
    expect(relativeTime(new Date(2026, 2, 15, 12, 0).getTime(), now)).toBe('3 days ago');
    expect(relativeTime(new Date(2026, 2, 4, 12, 0).getTime(), now)).toBe('2 weeks ago');
  });

  it('shows a date for older changes, with the year only when it differs', () => {
    expect(relativeTime(new Date(2026, 0, 5, 12, 0).getTime(), now)).toBe('5 Jan');
    expect(relativeTime(new Date(2025, 10, 20, 12, 0).getTime(), now)).toBe('20 Nov 2025');
  });
});

describe('formatLeadTime', () => {
  it('formats minutes in working time exactly, largest units first', () => {
    expect(formatLeadTime(27 * 8 * 60 + 2 * 60)).toBe('5w 2d 2h');
    expect(formatLeadTime(150)).toBe('2h 30m');
    expect(formatLeadTime(0)).toBe('0m');
  });

  it('shows a dash when the lead time cannot be computed', () => {
    expect(formatLeadTime(null)).toBe('—');
  });
});

describe('stageCountLabel', () => {
  it('uses the singular for one stage', () => {
    expect(stageCountLabel(1)).toBe('1 stage');
    expect(stageCountLabel(0)).toBe('0 stages');
    expect(stageCountLabel(6)).toBe('6 stages');
  });
});

describe('in Korean', () => {
  it('words times, dates and counts the Korean way', () => {
    inLocale('ko', () => {
      expect(relativeTime(now - 10_000, now)).toBe('방금');
      expect(relativeTime(now - minutes(5), now)).toBe('5분 전');
      expect(relativeTime(now - hours(3), now)).toBe('3시간 전');
      expect(relativeTime(new Date(2026, 2, 17, 9, 0).getTime(), now)).toBe('어제');
      expect(relativeTime(new Date(2026, 2, 4, 12, 0).getTime(), now)).toBe('2주 전');
      expect(relativeTime(new Date(2026, 0, 5, 12, 0).getTime(), now)).toBe('1월 5일');
      expect(relativeTime(new Date(2025, 10, 20, 12, 0).getTime(), now)).toBe('2025년 11월 20일');
      expect(formatLeadTime(27 * 8 * 60 + 2 * 60)).toBe('5주 2일 2시간');
      expect(stageCountLabel(1)).toBe('1단계');
      expect(stageCountLabel(6)).toBe('6단계');
    });
  });
});
