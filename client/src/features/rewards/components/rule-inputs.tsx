import { Button, Col, DatePicker, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Bilingual, Condition, InstitutionClass } from '@duijie/shared';
import { useLanguage } from '../../../app/use-language';
import { UnitInput } from '../../../ui/unit-input';
import {
  bpToPercent,
  figureOptions,
  figureUnit,
  figureValueToInput,
  inputToFigureValue,
  newCondition,
  percentToBp,
  wanInputToYuan,
  yuanToWanInput,
  type FigureUnit,
} from '../reward-values';

// The typed inputs of the program editor: each holds the API's value (yuan, bp) and shows the
// organiser's unit (万元, %), and each field shows the problems the check found at its path.

type EditorContext = { problems: Map<string, string[]>; readOnly: boolean };
export const RuleEditorContext = createContext<EditorContext>({ problems: new Map(), readOnly: true });

export function useEditor(): EditorContext {
  return useContext(RuleEditorContext);
}

type Cols = { xs?: number; md?: number; xl?: number };
type FieldProps = { label: ReactNode; path: string; children: ReactNode; span?: 'third' | 'half' | 'full'; cols?: Cols };

/** A labelled input showing the check's problems at its path. */
export function Field({ label, path, children, span = 'third', cols: given }: FieldProps) {
  const { problems } = useEditor();
  const messages = problems.get(path);
  const cols = given ?? (span === 'full' ? { xs: 24 } : span === 'half' ? { xs: 24, md: 12 } : { xs: 24, md: 12, xl: 8 });
  return (
    <Col {...cols}>
      <Form.Item
        label={label}
        validateStatus={messages ? 'error' : undefined}
        help={messages ? messages.join('；') : undefined}
        style={{ marginBottom: 12 }}
        data-path={path}
      >
        {children}
      </Form.Item>
    </Col>
  );
}

export function FieldRow({ children }: { children: ReactNode }) {
  return <Row gutter={16}>{children}</Row>;
}

/** An amount of yuan typed in 万元; `nullable` leaves it empty (no cap). */
export function WanInput({ value, onChange, nullable }: { value: number | null | undefined; onChange: (yuan: number | null) => void; nullable?: boolean }) {
  const { t } = useTranslation();
  const { readOnly } = useEditor();
  return (
    <UnitInput
      unit={t('rewards.unitWan')}
      value={yuanToWanInput(value)}
      disabled={readOnly}
      placeholder={nullable ? t('rewards.noLimit') : undefined}
      onChange={(wan) => onChange(nullable && wan === null ? null : (wanInputToYuan(wan) ?? 0))}
    />
  );
}

/** Basis points typed as a percentage. */
export function PercentInput({ value, onChange, max }: { value: number | null | undefined; onChange: (bp: number) => void; max?: number }) {
  const { readOnly } = useEditor();
  return <UnitInput unit="%" value={bpToPercent(value)} max={max} disabled={readOnly} onChange={(p) => onChange(percentToBp(p) ?? 0)} />;
}

export function WholeInput({ value, onChange, min = 0 }: { value: number | null | undefined; onChange: (n: number) => void; min?: number }) {
  const { readOnly } = useEditor();
  return (
    <InputNumber<number> style={{ width: '100%' }} value={value ?? null} min={min} precision={0} disabled={readOnly} onChange={(n) => onChange(n ?? min)} />
  );
}

export function NumberInput({ value, onChange }: { value: number | null | undefined; onChange: (n: number | undefined) => void }) {
  const { readOnly } = useEditor();
  return <InputNumber<number> style={{ width: '100%' }} value={value ?? null} disabled={readOnly} onChange={(n) => onChange(n ?? undefined)} />;
}

/** A threshold on a figure, typed in the figure's own unit. */
export function FigureValueInput({ figure, value, onChange }: { figure: string; value: number | null | undefined; onChange: (v: number | undefined) => void }) {
  const { t } = useTranslation();
  const { readOnly } = useEditor();
  const unit: FigureUnit = figureUnit(figure);
  const unitText = unit === 'yuan' ? t('rewards.unitWan') : unit === 'bp' ? '%' : '';
  const input = figureValueToInput(value, unit);
  const set = (n: number | null) => onChange(inputToFigureValue(n, unit) ?? undefined);
  if (unitText === '') return <InputNumber<number> style={{ width: '100%' }} value={input} disabled={readOnly} onChange={set} />;
  return <UnitInput unit={unitText} value={input} min={-1e12} disabled={readOnly} onChange={set} />;
}

export function FigureSelect({
  cls,
  value,
  onChange,
  units,
  allowClear,
}: {
  cls: InstitutionClass;
  value: string | null | undefined;
  onChange: (key: string | null) => void;
  units?: FigureUnit[];
  allowClear?: boolean;
}) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { readOnly } = useEditor();
  const options = figureOptions(cls, lang, units);
  // A figure of another class (or unknown) is still shown, by its key.
  if (value && !options.some((o) => o.value === value)) options.push({ value, label: value });
  return (
    <Select<string>
      value={value ?? undefined}
      options={options}
      disabled={readOnly}
      allowClear={allowClear}
      placeholder={allowClear ? t('rewards.noBaseFigure') : undefined}
      popupMatchSelectWidth={false}
      onChange={(v) => onChange(v ?? null)}
      showSearch={{ optionFilterProp: 'label' }}
    />
  );
}

export function FiguresSelect({ cls, value, onChange }: { cls: InstitutionClass; value: string[]; onChange: (keys: string[]) => void }) {
  const lang = useLanguage();
  const { readOnly } = useEditor();
  return (
    <Select<string[]>
      mode="multiple"
      value={value}
      options={figureOptions(cls, lang, ['yuan'])}
      disabled={readOnly}
      onChange={onChange}
      popupMatchSelectWidth={false}
    />
  );
}

export function ChoiceSelect<T extends string>({
  value,
  onChange,
  choices,
  prefix,
}: {
  value: T;
  onChange: (v: T) => void;
  choices: readonly T[];
  prefix: string;
}) {
  const { t } = useTranslation();
  const { readOnly } = useEditor();
  return (
    <Select<T>
      value={value}
      disabled={readOnly}
      onChange={onChange}
      popupMatchSelectWidth={false}
      options={choices.map((c) => ({ value: c, label: t(`${prefix}.${c}`) }))}
    />
  );
}

export function DayInput({ value, onChange }: { value: string | null; onChange: (day: string | null) => void }) {
  const { t } = useTranslation();
  const { readOnly } = useEditor();
  return (
    <DatePicker
      style={{ width: '100%' }}
      value={value ? dayjs(value) : null}
      disabled={readOnly}
      placeholder={t('rewards.noDeadline')}
      onChange={(d) => onChange(d ? d.format('YYYY-MM-DD') : null)}
    />
  );
}

export function TextInput({ value, onChange, maxLength = 200 }: { value: string; onChange: (v: string) => void; maxLength?: number }) {
  const { readOnly } = useEditor();
  return <Input value={value} maxLength={maxLength} disabled={readOnly} onChange={(e) => onChange(e.target.value)} />;
}

/** A name in Chinese and English, two inputs. */
export function NameFields({ value, onChange, path }: { value: Bilingual; onChange: (v: Bilingual) => void; path: string }) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t('rewards.nameZh')} path={`${path}.zh`}>
        <TextInput value={value.zh} onChange={(zh) => onChange({ ...value, zh })} />
      </Field>
      <Field label={t('rewards.nameEn')} path={`${path}.en`}>
        <TextInput value={value.en} onChange={(en) => onChange({ ...value, en })} />
      </Field>
    </>
  );
}

const OPS: Condition['op'][] = ['gt', 'gte', 'lt', 'lte'];
/** A condition's figure and value; with the comparison and what it is against (4 each) they leave room for its delete button. */
const CONDITION_WIDE: Cols = { xs: 24, md: 12, xl: 7 };

/** One condition: a figure, a comparison, and a number or another figure. */
export function ConditionFields({ cls, value, onChange, path }: { cls: InstitutionClass; value: Condition; onChange: (c: Condition) => void; path: string }) {
  const { t } = useTranslation();
  const { readOnly } = useEditor();
  const against = value.otherFigure !== undefined ? 'figure' : 'value';
  return (
    <>
      <Field label={t('rewards.conditionFigure')} path={`${path}.figure`} cols={CONDITION_WIDE}>
        <FigureSelect cls={cls} value={value.figure} onChange={(figure) => onChange({ ...value, figure: figure ?? '' })} />
      </Field>
      <Col xs={12} md={6} xl={4}>
        <Form.Item label={t('rewards.conditionOp')} style={{ marginBottom: 12 }}>
          <ChoiceSelect value={value.op} choices={OPS} prefix="rewards.ops" onChange={(op) => onChange({ ...value, op })} />
        </Form.Item>
      </Col>
      <Col xs={12} md={6} xl={4}>
        <Form.Item label={t('rewards.conditionAgainst')} style={{ marginBottom: 12 }}>
          <Select<'value' | 'figure'>
            value={against}
            disabled={readOnly}
            onChange={(next) =>
              onChange(next === 'figure' ? { figure: value.figure, op: value.op, otherFigure: value.figure } : { figure: value.figure, op: value.op, value: 0 })
            }
            options={[
              { value: 'value', label: t('rewards.againstValue') },
              { value: 'figure', label: t('rewards.againstFigure') },
            ]}
          />
        </Form.Item>
      </Col>
      {against === 'figure' ? (
        <Field label={t('rewards.otherFigure')} path={`${path}.otherFigure`} cols={CONDITION_WIDE}>
          <FigureSelect cls={cls} value={value.otherFigure} onChange={(otherFigure) => onChange({ ...value, otherFigure: otherFigure ?? '' })} />
        </Field>
      ) : (
        <Field label={t('rewards.conditionValue')} path={`${path}.value`} cols={CONDITION_WIDE}>
          <FigureValueInput figure={value.figure} value={value.value} onChange={(v) => onChange({ ...value, value: v ?? 0 })} />
        </Field>
      )}
    </>
  );
}

/** A rule's conditions: all must hold. */
export function ConditionsEditor({
  cls,
  value,
  onChange,
  path,
}: {
  cls: InstitutionClass;
  value: Condition[];
  onChange: (c: Condition[]) => void;
  path: string;
}) {
  const { t } = useTranslation();
  const { readOnly } = useEditor();
  return (
    <div>
      <Typography.Text strong>{t('rewards.conditions')}</Typography.Text>
      {value.length === 0 ? (
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          {t('rewards.noConditions')}
        </Typography.Paragraph>
      ) : null}
      {value.map((c, i) => (
        <Row gutter={16} key={i} align="bottom">
          <ConditionFields cls={cls} value={c} path={`${path}[${i}]`} onChange={(next) => onChange(value.map((x, j) => (j === i ? next : x)))} />
          {readOnly ? null : (
            <Col>
              <Button
                icon={<DeleteOutlined />}
                style={{ marginBottom: 12 }}
                aria-label={t('common.delete')}
                onClick={() => onChange(value.filter((_, j) => j !== i))}
              />
            </Col>
          )}
        </Row>
      ))}
      {readOnly ? null : (
        <Space>
          <Button size="small" icon={<PlusOutlined />} onClick={() => onChange([...value, newCondition(cls)])}>
            {t('rewards.addCondition')}
          </Button>
        </Space>
      )}
    </div>
  );
}
