import { ConfigProvider, Grid } from 'antd';
import type { ThemeConfig } from 'antd';
import type { ReactNode } from 'react';

/**
 * Touch targets of at least 44 px on phones, in ONE place for the whole app (issue 18).
 * Below md (antd's 768 px breakpoint, the same test as the header's drawer) every antd control is at least 44 px
 * tall, whatever its size prop: buttons, inputs, number inputs, selects, date pickers, pagination, segmented,
 * radio buttons and menu items. What tokens cannot reach (links standing on their own, checkbox and radio labels,
 * tabs) global.css lifts under the same breakpoint (`@media (max-width: 767.98px)`).
 * From md up nothing changes: the desktop keeps antd's density.
 * Pages need no per-page hacks; test/e2e/ui.ts `touchTargetsTooSmall(page)` checks the result in the browser.
 */
const TOUCH = 44;
const DESKTOP: ThemeConfig = {};

type Props = { children: ReactNode };

const SMALL = { controlHeightSM: TOUCH };
const SWITCH = { trackHeight: TOUCH, handleSize: TOUCH - 4, trackMinWidth: (TOUCH - 4) * 2 + 8, innerMinMargin: (TOUCH - 4) / 2, innerMaxMargin: TOUCH + 2 };

const phoneTheme: ThemeConfig = {
  // Default and large sizes everywhere; the small size only for controls one taps (avatars, steps, trees keep theirs).
  token: { controlHeight: TOUCH, controlHeightLG: 48 },
  components: {
    Button: SMALL,
    Input: SMALL,
    InputNumber: SMALL,
    DatePicker: SMALL,
    Radio: SMALL,
    // A segment is the track's height less its 2 px padding on each side: 48 gives 44 px segments.
    Segmented: { controlHeight: TOUCH + 4, controlHeightSM: TOUCH + 4 },
    // A small select is 44 px too; the tags inside a multiple select keep antd's sizes (they are not targets).
    Select: { controlHeightSM: TOUCH, multipleItemHeight: 28, multipleItemHeightSM: 20 },
    Pagination: { itemSize: TOUCH, itemSizeSM: TOUCH },
    Menu: { itemHeight: TOUCH },
    // A switch is a target of its own: a 44 px track (antd's proportions: handle = track - 2 × 2 px padding),
    // the small size too (the organiser's near-miss switch in recommendations).
    Switch: {
      ...SWITCH,
      trackHeightSM: SWITCH.trackHeight,
      handleSizeSM: SWITCH.handleSize,
      trackMinWidthSM: SWITCH.trackMinWidth,
      innerMinMarginSM: SWITCH.innerMinMargin,
      innerMaxMarginSM: SWITCH.innerMaxMargin,
    },
  },
};

/** The phone density for everything under it; a pass-through from md up. */
export function PhoneTheme({ children }: Props) {
  const narrow = Grid.useBreakpoint().md === false;
  // Always the same element, so crossing the breakpoint (a phone turned sideways) keeps the page's state.
  return <ConfigProvider theme={narrow ? phoneTheme : DESKTOP}>{children}</ConfigProvider>;
}
