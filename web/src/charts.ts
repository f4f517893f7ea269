// ECharts with only the parts the screens use (line, bar, map; grid, tooltip, legend, visual
// map, the marked lines and areas of a change of poverty standard; the canvas renderer), so the
// bundle does not carry the whole library.
import * as echarts from 'echarts/core';
import { BarChart, LineChart, MapChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart,
  LineChart,
  MapChart,
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

export { echarts };
export type EChartsOption = echarts.EChartsCoreOption;

export const FONT = "'Be Vietnam Pro', 'Noto Sans', 'DejaVu Sans', sans-serif";

/** The palette of the screens: poor, near-poor, and the three movements. */
export const COLORS = {
  poor: '#c0392b',
  nearPoor: '#e08e0b',
  escaped: '#1e8449',
  newlyPoor: '#c0392b',
  repoor: '#7d3c98',
  primary: '#1f5f99',
};
