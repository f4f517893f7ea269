// One ECharts chart in a box of fixed height that follows its container's width. The box is an
// image to assistive technology, named by `label`; the numbers are also in the tables beside.
//
// A box of zero width or height (hidden, collapsed by a layout change, a window being resized or
// captured) is never laid out: ECharts cannot draw into it, and its map throws on one (the view
// transform of a zero-size rectangle has no inverse). The option waits for a real size.
import { useEffect, useRef } from 'preact/hooks';
import { echarts, FONT, type EChartsOption } from '../charts';

type Props = {
  option: EChartsOption;
  label: string;
  height?: number;
  testId?: string;
};

function hasSize(el: HTMLElement): boolean {
  return el.clientWidth > 0 && el.clientHeight > 0;
}

export function Chart({ option, label, height = 300, testId }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  // The option not yet given to ECharts because the box had no size.
  const pending = useRef<EChartsOption | null>(null);

  const apply = (instance: echarts.ECharts, el: HTMLElement, next: EChartsOption) => {
    if (!hasSize(el)) {
      pending.current = next;
      return;
    }
    pending.current = null;
    instance.setOption({ textStyle: { fontFamily: FONT }, animation: false, ...next }, true);
  };

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const instance = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => {
      if (!hasSize(el)) return;
      instance.resize();
      if (pending.current) apply(instance, el, pending.current);
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const el = box.current;
    if (chart.current && el) apply(chart.current, el, option);
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
