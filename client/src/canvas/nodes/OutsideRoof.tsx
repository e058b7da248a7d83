// The saw-tooth factory roof of the VSM outside source, standing on a stage another organisation
// does: the same three teeth the exported diagram draws (shared/src/render/shapes.ts, roofPoints),
// so the canvas and the PNG/PDF say "outside" the same way.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';

/** The renderer's ROOF_H; the box is 214 wide here: the stage's 210 plus its 2px borders. */
const ROOF_H = 18;
const WIDTH = 214;
/** The roof's eaves sit on the middle of the stage's 2px top border. */
const BASE = ROOF_H + 1;

const ROOF = (() => {
  const left = 1;
  const right = WIDTH - 1;
  const third = (right - left) / 3;
  const points: [number, number][] = [
    [left, BASE],
    [left, BASE - ROOF_H],
    [left + third, BASE],
    [left + third, BASE - ROOF_H],
    [left + 2 * third, BASE],
    [left + 2 * third, BASE - ROOF_H],
    [right, BASE],
  ];
  return points.map(([x, y]) => `${x.toFixed(1)},${y}`).join(' ');
})();

export const OutsideRoof = memo(function OutsideRoof() {
  const { t } = useTranslation('canvas');
  return (
    <svg
      className="vsm-outside-roof"
      viewBox={`0 0 ${WIDTH} ${BASE + 1}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={t('node.outside')}
    >
      <title>{t('node.outsideTitle')}</title>
      <polygon points={ROOF} />
    </svg>
  );
});
