import ReactEChartsCore from 'echarts-for-react/esm/core';
import { BarChart, FunnelChart, LineChart, SankeyChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { EChartsOption } from 'echarts';

// Only what the results screens draw, rendered as SVG (crisp when printed or projected).
echarts.use([BarChart, FunnelChart, LineChart, SankeyChart, DatasetComponent, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

type Props = {
  option: EChartsOption;
  /** Pixels, or a CSS height such as '100%' for a chart that fills its box. */
  height?: number | string;
  /** What the chart shows, for screen readers (its table beside it has the numbers). */
  label: string;
  testId?: string;
};

/** An ECharts chart, labelled for assistive technology (which reads the table beside it for the numbers). */
export function Chart({ option, height = 280, label, testId }: Props) {
  return (
    <div role="img" aria-label={label} data-testid={testId} style={typeof height === 'string' ? { height } : undefined}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} opts={{ renderer: 'svg' }} />
    </div>
  );
}
