import { InputNumber, Space } from 'antd';

type Props = {
  /** The unit shown after the number, e.g. 万元, %, 月. */
  unit: string;
  value?: number | null;
  onChange?: (value: number | null) => void;
  id?: string;
  min?: number;
  max?: number;
  precision?: number;
  step?: number;
  placeholder?: string;
  disabled?: boolean;
  testId?: string;
  /**
   * The keyboard a phone shows: 'decimal' (digits and a decimal point) for amounts, quantities and rates,
   * 'numeric' (digits only) for whole numbers. Default: 'numeric' when precision is 0, else 'decimal'.
   */
  inputMode?: 'decimal' | 'numeric';
};

/**
 * A number input with its unit as an addon after it (antd 6 builds addons with Space.Compact).
 * Works as a Form.Item child: Form.Item passes value, onChange and id.
 */
export function UnitInput({ unit, value, onChange, id, min = 0, max, precision, step, placeholder, disabled, testId, inputMode }: Props) {
  return (
    <Space.Compact block>
      <InputNumber<number>
        id={id}
        data-testid={testId}
        value={value ?? null}
        onChange={(next) => onChange?.(next)}
        min={min}
        max={max}
        precision={precision}
        step={step}
        placeholder={placeholder}
        disabled={disabled}
        inputMode={inputMode ?? (precision === 0 ? 'numeric' : 'decimal')}
        style={{ width: '100%' }}
      />
      <Space.Addon>{unit}</Space.Addon>
    </Space.Compact>
  );
}
