// The part of Chart.js the forecast's distribution chart draws with, registered once. Imported only
// through a dynamic import, like the trend chart's, so Chart.js stays out of the initial bundle.
import { Chart, Filler, LinearScale, LineController, LineElement, PointElement } from 'chart.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, Filler);

export { Chart };
