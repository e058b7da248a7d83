// A state's kind (current or future) as a small coloured chip: on the state tabs, in the compare
// menu and in the snapshots, so a future state reads as one wherever it is named.
import type { StateKind } from '@flowmap/shared';
import { useTranslation } from 'react-i18next';
import './kindChip.css';

export function KindChip({ kind }: { kind: StateKind }) {
  const { t } = useTranslation('common');
  return <span className={`kind-chip kind-${kind}`}>{t(`kind.${kind}`)}</span>;
}
