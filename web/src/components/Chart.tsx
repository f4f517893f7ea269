// One ECharts chart in a box of fixed height that follows its container's width. The box is an
// image to assistive technology, named by `label`; the numbers are also in the tables beside.
import { useEffect, useRef } from 'preact/hooks';
import { echarts, FONT, type EChartsOption } from '../charts';

type Props = {
  option: EChartsOption;
  label: string;
  height?: number;
  testId?: string;
};

export function Chart({ option, label, height = 300, testId }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ textStyle: { fontFamily: FONT }, animation: false, ...option }, true);
  }, [option]);

  return (
    <div
      class="chart"
      ref={box}
      role="img"
      aria-label={label}
      data-testid={testId}
      style={{ height: `${height}px` }}
    />
  );
}
