import { Button, Select, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  INSTITUTION_CLASSES,
  REWARD_RULE_KINDS,
  type InstitutionClass,
  type ProgramProblem,
  type RewardProgramContent,
  type RewardRuleKind,
} from '@duijie/shared';
import { newRule, newScheme, problemsUnder } from '../reward-values';
import { RuleCard } from './rule-card';
import { SchemeCard } from './scheme-card';

type Props = { content: RewardProgramContent; problems: ProgramProblem[]; readOnly: boolean; onChange: (content: RewardProgramContent) => void };

/** A program's rules and scoring schemes, one card each, with adding and removing while a draft. */
export function ProgramContentForm({ content, problems, readOnly, onChange }: Props) {
  const { t } = useTranslation();
  const [addKind, setAddKind] = useState<RewardRuleKind>('growth_excess');
  const [addClass, setAddClass] = useState<InstitutionClass>('bank');
  const rules = content.rules;
  const schemes = content.schemes;
  return (
    <>
      <Typography.Title level={5}>{t('rewards.rulesTitle', { count: rules.length })}</Typography.Title>
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        {rules.length === 0 ? <Typography.Text type="secondary">{t('rewards.noRules')}</Typography.Text> : null}
        {rules.map((rule, i) => (
          <RuleCard
            key={i}
            rule={rule}
            index={i}
            problemCount={problemsUnder(problems, `rules[${i}]`).length}
            onChange={(next) => onChange({ ...content, rules: rules.map((r, j) => (j === i ? next : r)) })}
            onRemove={() => onChange({ ...content, rules: rules.filter((_, j) => j !== i) })}
          />
        ))}
        {readOnly ? null : (
          <Space wrap>
            <Select<RewardRuleKind>
              value={addKind}
              onChange={setAddKind}
              style={{ width: 200 }}
              options={REWARD_RULE_KINDS.map((k) => ({ value: k, label: t(`rewards.kinds.${k}`) }))}
            />
            <Select<InstitutionClass>
              value={addClass}
              onChange={setAddClass}
              style={{ width: 160 }}
              options={INSTITUTION_CLASSES.map((c) => ({ value: c, label: t(`rewards.classes.${c}`) }))}
            />
            <Button
              icon={<PlusOutlined />}
              onClick={() => onChange({ ...content, rules: [...rules, newRule(addKind, addClass, rules)] })}
              data-testid="rewards-add-rule"
            >
              {t('rewards.addRule')}
            </Button>
          </Space>
        )}
      </Space>

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        {t('rewards.schemesTitle', { count: schemes.length })}
      </Typography.Title>
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        {schemes.length === 0 ? <Typography.Text type="secondary">{t('rewards.noSchemes')}</Typography.Text> : null}
        {schemes.map((scheme, i) => (
          <SchemeCard
            key={i}
            scheme={scheme}
            index={i}
            problemCount={problemsUnder(problems, `schemes[${i}]`).length}
            onChange={(next) => onChange({ ...content, schemes: schemes.map((s, j) => (j === i ? next : s)) })}
            onRemove={() => onChange({ ...content, schemes: schemes.filter((_, j) => j !== i) })}
          />
        ))}
        {readOnly ? null : (
          <Button
            icon={<PlusOutlined />}
            onClick={() => onChange({ ...content, schemes: [...schemes, newScheme(addClass, schemes)] })}
            data-testid="rewards-add-scheme"
          >
            {t('rewards.addScheme')}
          </Button>
        )}
      </Space>
    </>
  );
}
