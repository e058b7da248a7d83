// What a screen reader announces for a node on the canvas, in the display language (elements.ts
// derives it outside React, so it reads shared's display translator, which follows the UI language).
import type { NodeType } from '@flowmap/shared';
import { displayLocale, displayT } from '@flowmap/shared/i18n';
import type { VsmNodeData } from './types.ts';

/**
 * The words every announcement repeats, looked up once per language: a map's first render
 * describes every node (300 on a large map), and each i18next call costs ~30 µs.
 */
const fixed = new Map<string, { notEntered: string; unnamed: string; separator: string }>();
function fixedWords(t: ReturnType<typeof displayT<'canvas'>>) {
  const locale = displayLocale();
  let words = fixed.get(locale);
  if (!words) {
    words = {
      notEntered: t('describe.notEntered'),
      unnamed: t('describe.unnamed'),
      separator: t('describe.separator'),
    };
    fixed.set(locale, words);
  }
  return words;
}

/** What a screen reader announces for a node: its kind, name and, for stages, the numbers. */
export function describeNode(type: NodeType, data: VsmNodeData): string {
  const t = displayT('canvas');
  const { notEntered, unnamed, separator } = fixedWords(t);
  const parts: string[] = [
    t('describe.kindName', {
      kind: t(`describe.kinds.${type}`),
      name: data.name || unnamed,
    }),
  ];
  if (data.team) parts.push(t('describe.team', { team: data.team }));
  if (type === 'stage') {
    parts.push(
      t('describe.leadTime', { value: data.lt ?? notEntered }),
      t('describe.processTime', { value: data.pt ?? notEntered }),
    );
    parts.push(t('describe.ca', { value: data.ca ?? notEntered }));
    if (data.rank !== null) {
      parts.push(t('describe.bottleneck', { rank: data.rank, reason: data.rankReason ?? '' }));
    }
    if (data.quality) parts.push(t('describe.quality', { reason: data.quality }));
    if (data.range) parts.push(t('describe.range', { range: data.range }));
    if (data.measured) parts.push(t('describe.measured'));
    if (data.outside) parts.push(t('describe.outside'));
    if (!data.counted) parts.push(t('describe.notCounted'));
  }
  if (type === 'kaizen') {
    if (data.owner) parts.push(t('describe.owner', { owner: data.owner }));
    if (data.status) {
      parts.push(t('describe.status', { status: t(`node.kaizenStatuses.${data.status}`) }));
    }
  }
  return parts.join(separator);
}
