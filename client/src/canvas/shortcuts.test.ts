import { en, ko } from '@flowmap/shared/i18n';
import { describe, expect, it } from 'vitest';
import { formatCombo, type KeyLike, matchShortcut, SHORTCUTS, shortcutHint } from './shortcuts.ts';

const key = (k: string, mods: Partial<Omit<KeyLike, 'key'>> = {}): KeyLike => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('SHORTCUTS', () => {
  it('has unique ids, a label in both catalogs and at least one key each', () => {
    expect(new Set(SHORTCUTS.map((s) => s.id)).size).toBe(SHORTCUTS.length);
    const english: Record<string, string> = en.canvas.shortcuts;
    const korean: Record<string, string> = ko.canvas.shortcuts;
    for (const s of SHORTCUTS) {
      expect(s.combos.length, s.id).toBeGreaterThan(0);
      expect(english[s.id]?.length ?? 0, s.id).toBeGreaterThan(3);
      expect(korean[s.id]?.length ?? 0, s.id).toBeGreaterThan(1);
    }
  });

  it('never binds one key press to two shortcuts', () => {
    for (const s of SHORTCUTS) {
      for (const c of s.combos) {
        const press = key(c.key, { ctrlKey: c.mod ?? false, shiftKey: c.shift ?? false });
        expect(matchShortcut(press)?.id, `${s.id} ${c.key}`).toBe(s.id);
      }
    }
  });

  it('marks everything that changes the map as edit-only', () => {
    const editOnly = SHORTCUTS.filter((s) => s.editOnly).map((s) => s.id);
    expect(editOnly).toEqual(
      expect.arrayContaining(['addStage', 'delete', 'paste', 'undo', 'redo', 'layout', 'rename']),
    );
    expect(editOnly).not.toContain('copy');
    expect(editOnly).not.toContain('fitView');
  });
});

describe('matchShortcut', () => {
  it('matches plain letters case-insensitively without modifiers', () => {
    expect(matchShortcut(key('s'))?.id).toBe('addStage');
    expect(matchShortcut(key('S', { shiftKey: true }))?.id).toBe('addStage');
    expect(matchShortcut(key('s', { ctrlKey: true }))).toBeNull();
    expect(matchShortcut(key('s', { altKey: true }))).toBeNull();
    expect(matchShortcut(key('f'))?.id).toBe('fitView');
    expect(matchShortcut(key('r'))?.id).toBe('toggleEdgeKind');
    expect(matchShortcut(key('q'))?.id).toBe('insertQueue');
  });

  it('tells undo from redo with Ctrl or ⌘', () => {
    expect(matchShortcut(key('z', { ctrlKey: true }))?.id).toBe('undo');
    expect(matchShortcut(key('z', { metaKey: true }))?.id).toBe('undo');
    expect(matchShortcut(key('Z', { ctrlKey: true, shiftKey: true }))?.id).toBe('redo');
    expect(matchShortcut(key('y', { ctrlKey: true }))?.id).toBe('redo');
    expect(matchShortcut(key('z'))).toBeNull();
  });

  it('matches named keys and shifted symbols', () => {
    expect(matchShortcut(key('Delete'))?.id).toBe('delete');
    expect(matchShortcut(key('Backspace'))?.id).toBe('delete');
    expect(matchShortcut(key('?', { shiftKey: true }))?.id).toBe('help');
    expect(matchShortcut(key('+', { shiftKey: true }))?.id).toBe('zoomIn');
    expect(matchShortcut(key('Escape'))?.id).toBe('escape');
    expect(matchShortcut(key('c', { metaKey: true }))?.id).toBe('copy');
    expect(matchShortcut(key('j'))).toBeNull();
  });

  it('has keyboard-only ways to inspect, connect, move along the flow and present', () => {
    expect(matchShortcut(key('Enter'))?.id).toBe('inspect');
    expect(matchShortcut(key('F2'))?.id).toBe('rename');
    expect(matchShortcut(key('c'))?.id).toBe('connect');
    expect(matchShortcut(key('ArrowRight'))?.id).toBe('nextStep');
    expect(matchShortcut(key('ArrowLeft'))?.id).toBe('previousStep');
    expect(matchShortcut(key('ArrowUp'))?.id).toBe('stepAbove');
    expect(matchShortcut(key('ArrowDown'))?.id).toBe('stepBelow');
    expect(matchShortcut(key('ArrowRight', { altKey: true }))).toBeNull();
    expect(matchShortcut(key('p'))?.id).toBe('present');
    expect(matchShortcut(key('m'))?.id).toBe('minimap');
  });
});

describe('formatting', () => {
  it('writes combos the platform’s way', () => {
    expect(formatCombo({ key: 'z', mod: true, shift: true }, false)).toBe('Ctrl+Shift+Z');
    expect(formatCombo({ key: 'z', mod: true, shift: true }, true)).toBe('⌘⇧Z');
    expect(formatCombo({ key: 'Escape' }, false)).toBe('Esc');
    expect(shortcutHint('undo', false)).toBe('Ctrl+Z');
    expect(shortcutHint('addKaizen', true)).toBe('K');
  });
});
