import { describe, expect, it } from 'vitest';
import { canTakePart } from './takePart.ts';

describe('canTakePart', () => {
  it('lets edit links take part always, view links only when the facilitator allows it', () => {
    expect(canTakePart(true, { viewersTakePart: false })).toBe(true);
    expect(canTakePart(false, { viewersTakePart: false })).toBe(false);
    expect(canTakePart(false, { viewersTakePart: true })).toBe(true);
  });
});
