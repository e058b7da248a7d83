import { describe, expect, it } from 'vitest';
import { conflictOf } from './fieldConflict.ts';

describe('conflictOf', () => {
  it('is their value when someone commits the field while you type in it', () => {
    expect(conflictOf({ dirty: true, draft: '5d', base: '3d', value: '7d' })).toBe('7d');
  });

  it('includes someone clearing the field', () => {
    expect(conflictOf({ dirty: true, draft: '5d', base: '3d', value: '' })).toBe('');
  });

  it('is nothing while you are not typing: the field simply shows the new value', () => {
    expect(conflictOf({ dirty: false, draft: '3d', base: '3d', value: '7d' })).toBeNull();
  });

  it('is nothing when the stored value is still the one you started from', () => {
    expect(conflictOf({ dirty: true, draft: '5d', base: '3d', value: '3d' })).toBeNull();
  });

  it('is nothing when they wrote what you are typing', () => {
    expect(conflictOf({ dirty: true, draft: '7d', base: '3d', value: '7d' })).toBeNull();
  });
});
