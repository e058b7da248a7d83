import { describe, expect, it } from 'vitest';
import {
  findQualityBottlenecks,
  formatPctCA,
  formatShare,
  rankBottlenecks,
} from './bottlenecks.ts';
import type { StageMetrics } from './types.ts';

const WT = { hoursPerDay: 8, daysPerWeek: 5 };

function stage(nodeId: string, extra: Partial<StageMetrics>): StageMetrics {
  return {
    nodeId,
    kind: 'stage',
    counted: true,
    name: nodeId.toUpperCase(),
    elapsedMinutes: 0,
    valueAddMinutes: 0,
    waitingMinutes: 0,
    efficiency: null,
    waitingShare: 0,
    onCriticalPath: true,
    pctCA: null,
    ...extra,
  };
}

describe('formatShare', () => {
  it('shows whole percents without claiming none or all when that is not so', () => {
    expect(formatShare(0)).toBe('0%');
    expect(formatShare(0.004)).toBe('0.4%');
    expect(formatShare(0.0008)).toBe('0.08%');
    expect(formatShare(0.01)).toBe('1%');
    expect(formatShare(0.85)).toBe('85%');
    expect(formatShare(0.996)).toBe('>99%');
    expect(formatShare(1)).toBe('100%');
  });
});

describe('formatPctCA', () => {
  it('keeps up to two decimals', () => {
    expect(formatPctCA(60)).toBe('60%');
    expect(formatPctCA(79.99)).toBe('79.99%');
    expect(formatPctCA(33.333)).toBe('33.33%');
    expect(formatPctCA(99.999)).toBe('>99.99%');
    expect(formatPctCA(0.001)).toBe('0.001%');
  });
});

describe('rankBottlenecks', () => {
  it('keeps waiting stages on the critical path, most waiting first, ties by id', () => {
    const stages = [
      stage('a', { elapsedMinutes: 600, waitingMinutes: 300, waitingShare: 0.3 }),
      stage('b', {
        elapsedMinutes: 900,
        waitingMinutes: 600,
        waitingShare: 0.6,
        onCriticalPath: false,
      }),
      stage('c', { elapsedMinutes: 120, waitingMinutes: 0 }),
      stage('d', { elapsedMinutes: 2400, waitingMinutes: 2040, waitingShare: 0.51 }),
      stage('e', { elapsedMinutes: 300, waitingMinutes: 300, waitingShare: 0.3 }),
    ];
    expect(rankBottlenecks(stages, 5, WT)).toEqual([
      {
        nodeId: 'd',
        name: 'D',
        rank: 1,
        waitingMinutes: 2040,
        elapsedMinutes: 2400,
        waitingShare: 0.51,
        reason: 'waits 4d 2h of 1w (51% of all waiting)',
      },
      {
        nodeId: 'a',
        name: 'A',
        rank: 2,
        waitingMinutes: 300,
        elapsedMinutes: 600,
        waitingShare: 0.3,
        reason: 'waits 5h of 1d 2h (30% of all waiting)',
      },
      {
        nodeId: 'e',
        name: 'E',
        rank: 3,
        waitingMinutes: 300,
        elapsedMinutes: 300,
        waitingShare: 0.3,
        reason: 'waits 5h of 5h (30% of all waiting)',
      },
    ]);
    expect(rankBottlenecks(stages, 2, WT).map((b) => b.nodeId)).toEqual(['d', 'a']);
  });
});

describe('findQualityBottlenecks', () => {
  it('flags stages below the threshold wherever they are', () => {
    const stages = [
      stage('a', { pctCA: 79.5, onCriticalPath: false }),
      stage('b', { pctCA: 80 }),
      stage('c', { pctCA: null }),
      stage('d', { pctCA: 12 }),
    ];
    expect(findQualityBottlenecks(stages, 80)).toEqual([
      { nodeId: 'd', name: 'D', pctCA: 12, reason: 'only 12% complete and accurate' },
      { nodeId: 'a', name: 'A', pctCA: 79.5, reason: 'only 79.5% complete and accurate' },
    ]);
    expect(findQualityBottlenecks(stages, 0)).toEqual([]);
  });
});
