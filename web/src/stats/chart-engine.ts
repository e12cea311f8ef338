import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

/**
 * The parts of Apache ECharts the statistics charts use, and only those: bar
 * series on a grid, a tooltip, drawn as SVG. Loaded as its own chunk by
 * charts.ts, so the page's text and tables do not wait for it.
 */
use([BarChart, GridComponent, TooltipComponent, SVGRenderer]);

export { init } from 'echarts/core';
