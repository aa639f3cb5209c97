import { Button, Card, Col, Divider, Form, Popconfirm, Row, Switch, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { INSTITUTION_CLASSES, type ScoringItem, type ScoringScheme } from '@duijie/shared';
import { useLanguage } from '../../../app/use-language';
import { describeCondition, describeItem, newCondition, newItem } from '../reward-values';
import { ExpandHeader, useCardExpansion } from './card-expansion';
import { SchemeFacts } from './program-facts';
import { ChoiceSelect, ConditionFields, Field, FieldRow, FigureSelect, FigureValueInput, NameFields, NumberInput, TextInput, useEditor } from './rule-inputs';

type Props = { scheme: ScoringScheme; index: number; problemCount: number; onChange: (scheme: ScoringScheme) => void; onRemove: () => void };

const METHODS = ['rank_decrement', 'ratio_to_best', 'threshold'] as const;
const TIES = ['shared_rank', 'split_prizes'] as const;

/** A scoring table for one class: items with method, weight, full marks, step; and gates. */
export function SchemeCard({ scheme, index, problemCount, onChange, onRemove }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { readOnly } = useEditor();
  const path = `schemes[${index}]`;
  const { open, toggle } = useCardExpansion(path);

  return (
    <Card
      size="small"
      data-testid={`rewards-scheme-${scheme.id}`}
      data-open={open}
      title={
        <ExpandHeader open={open} onToggle={toggle} problemCount={problemCount} testId={`rewards-scheme-toggle-${scheme.id}`}>
          <Tag color="purple">{t('rewards.scheme')}</Tag>
          <span>{lang === 'en' ? scheme.name.en : scheme.name.zh}</span>
          <Tag>{t(`rewards.classes.${scheme.class}`)}</Tag>
        </ExpandHeader>
      }
      extra={
        readOnly ? null : (
          <Popconfirm title={t('rewards.removeSchemeConfirm')} onConfirm={onRemove} okText={t('common.delete')} cancelText={t('common.cancel')}>
            <Button size="small" danger icon={<DeleteOutlined />}>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        )
      }
    >
      <Typography.Paragraph
        type="secondary"
        style={{ background: 'rgba(0,0,0,0.03)', padding: '6px 10px', borderRadius: 6, whiteSpace: 'pre-line', marginBottom: open ? 12 : 0 }}
        data-testid="rewards-scheme-summary"
      >
        {[
          ...scheme.items.map((item) => describeItem(item, lang)),
          ...scheme.gates.map((g) => `${t('rewards.gate')}：${describeCondition(g.condition, lang)}`),
        ].join('\n') || t('rewards.noItems')}
      </Typography.Paragraph>
      {open ? readOnly ? <SchemeFacts scheme={scheme} /> : <SchemeFields scheme={scheme} path={path} onChange={onChange} /> : null}
    </Card>
  );
}

/** The scheme's inputs while its program is a draft: id, name, class, ties; items; gates. */
function SchemeFields({ scheme, path, onChange }: { scheme: ScoringScheme; path: string; onChange: (scheme: ScoringScheme) => void }) {
  const { t } = useTranslation();
  const { readOnly } = useEditor();
  const set = (patch: Partial<ScoringScheme>) => onChange({ ...scheme, ...patch });
  const setItem = (i: number, item: ScoringItem) => set({ items: scheme.items.map((x, j) => (j === i ? item : x)) });
  return (
    <>
      <FieldRow>
        <Field label={t('rewards.ruleId')} path={`${path}.id`}>
          <TextInput value={scheme.id} maxLength={60} onChange={(id) => set({ id })} />
        </Field>
        <NameFields value={scheme.name} path={`${path}.name`} onChange={(name) => set({ name })} />
        <Field label={t('rewards.class')} path={`${path}.class`}>
          <ChoiceSelect value={scheme.class} choices={INSTITUTION_CLASSES} prefix="rewards.classes" onChange={(cls) => set({ class: cls })} />
        </Field>
        <Field label={t('rewards.f.ties')} path={`${path}.ties`}>
          <ChoiceSelect value={scheme.ties} choices={TIES} prefix="rewards.ties" onChange={(ties) => set({ ties })} />
        </Field>
      </FieldRow>

      <Divider titlePlacement="start" plain>
        {t('rewards.items')}
      </Divider>
      {scheme.items.map((item, i) => {
        const p = `${path}.items[${i}]`;
        return (
          <div key={i} style={{ borderLeft: '3px solid rgba(114,46,209,0.35)', paddingLeft: 12, marginBottom: 12 }}>
            <FieldRow>
              <Field label={t('rewards.ruleId')} path={`${p}.id`}>
                <TextInput value={item.id} maxLength={60} onChange={(id) => setItem(i, { ...item, id })} />
              </Field>
              <NameFields value={item.name} path={`${p}.name`} onChange={(name) => setItem(i, { ...item, name })} />
              <Field label={t('rewards.f.itemFigure')} path={`${p}.figure`}>
                <FigureSelect cls={scheme.class} value={item.figure} onChange={(figure) => setItem(i, { ...item, figure: figure ?? '' })} />
              </Field>
              <Field label={t('rewards.f.method')} path={`${p}.method`}>
                <ChoiceSelect value={item.method} choices={METHODS} prefix="rewards.methods" onChange={(method) => setItem(i, { ...item, method })} />
              </Field>
              <Field label={t('rewards.f.weight')} path={`${p}.weight`}>
                <NumberInput value={item.weight} onChange={(weight) => setItem(i, { ...item, weight: weight ?? 0 })} />
              </Field>
              <Field label={t('rewards.f.full')} path={`${p}.full`}>
                <NumberInput value={item.full} onChange={(full) => setItem(i, { ...item, full: full ?? 0 })} />
              </Field>
              {item.method === 'rank_decrement' ? (
                <>
                  <Field label={t('rewards.f.step')} path={`${p}.step`}>
                    <NumberInput value={item.step} onChange={(step) => setItem(i, { ...item, step })} />
                  </Field>
                  <Field label={t('rewards.f.floor')} path={`${p}.floor`}>
                    <NumberInput value={item.floor} onChange={(floor) => setItem(i, { ...item, floor })} />
                  </Field>
                </>
              ) : null}
              {item.method === 'threshold' ? (
                <Field label={t('rewards.f.itemMin')} path={`${p}.min`}>
                  <FigureValueInput figure={item.figure} value={item.min} onChange={(min) => setItem(i, { ...item, min })} />
                </Field>
              ) : null}
              <Col xs={12} md={6} xl={4}>
                <Form.Item label={t('rewards.f.higherIsBetter')} style={{ marginBottom: 12 }}>
                  <Switch checked={item.higherIsBetter} disabled={readOnly} onChange={(higherIsBetter) => setItem(i, { ...item, higherIsBetter })} />
                </Form.Item>
              </Col>
              {readOnly ? null : (
                <Col xs={12} md={6} xl={4} style={{ display: 'flex', alignItems: 'center' }}>
                  <Button size="small" danger icon={<DeleteOutlined />} onClick={() => set({ items: scheme.items.filter((_, j) => j !== i) })}>
                    {t('rewards.removeItem')}
                  </Button>
                </Col>
              )}
            </FieldRow>
          </div>
        );
      })}
      {readOnly ? null : (
        <Button size="small" icon={<PlusOutlined />} onClick={() => set({ items: [...scheme.items, newItem(scheme.class, scheme.items)] })}>
          {t('rewards.addItem')}
        </Button>
      )}

      <Divider titlePlacement="start" plain>
        {t('rewards.gates')}
      </Divider>
      {scheme.gates.length === 0 ? <Typography.Paragraph type="secondary">{t('rewards.noGates')}</Typography.Paragraph> : null}
      {scheme.gates.map((gate, i) => {
        const p = `${path}.gates[${i}]`;
        const setGate = (patch: Partial<typeof gate>) => set({ gates: scheme.gates.map((g, j) => (j === i ? { ...g, ...patch } : g)) });
        return (
          <Row gutter={16} key={i} align="bottom" style={{ borderLeft: '3px solid rgba(250,84,28,0.35)', paddingLeft: 4, marginBottom: 12 }}>
            <Field label={t('rewards.ruleId')} path={`${p}.id`}>
              <TextInput value={gate.id} maxLength={60} onChange={(id) => setGate({ id })} />
            </Field>
            <NameFields value={gate.name} path={`${p}.name`} onChange={(name) => setGate({ name })} />
            <ConditionFields cls={scheme.class} value={gate.condition} path={`${p}.condition`} onChange={(condition) => setGate({ condition })} />
            {readOnly ? null : (
              <Col>
                <Button
                  icon={<DeleteOutlined />}
                  style={{ marginBottom: 12 }}
                  aria-label={t('common.delete')}
                  onClick={() => set({ gates: scheme.gates.filter((_, j) => j !== i) })}
                />
              </Col>
            )}
          </Row>
        );
      })}
      {readOnly ? null : (
        <Button
          size="small"
          icon={<PlusOutlined />}
          onClick={() =>
            set({
              gates: [...scheme.gates, { id: `gate-${scheme.gates.length + 1}`, name: { zh: '门槛', en: 'Gate' }, condition: newCondition(scheme.class) }],
            })
          }
        >
          {t('rewards.addGate')}
        </Button>
      )}
    </>
  );
}
