import { DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { wallClockConfig } from './wall-clock';

/**
 * antd's date picker on wall-clock values (ui/wall-clock.ts), for times typed on the event's
 * clock: the device's daylight saving never moves them. Its RangePicker with picker="time" is the
 * time-of-day range (TimePicker.RangePicker's twin).
 */
export const WallClockPicker = DatePicker.generatePicker<Dayjs>(wallClockConfig);
