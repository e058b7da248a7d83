// The part of Chart.js the trend draws with, registered once. Imported only through loadChart's
// dynamic import, so Chart.js stays out of the editor's initial bundle.
import {
  CategoryScale,
  Chart,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip);

export { Chart };
