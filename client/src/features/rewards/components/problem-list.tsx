import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProgramProblem, RewardProgramContent } from '@duijie/shared';
import { useLanguage } from '../../../app/use-language';
import { pathOwner, pathSteps, problemText } from '../reward-values';

/** Field keys whose label is not `rewards.f.<key>`. */
const LABELS: Record<string, string> = {
  id: 'rewards.ruleId',
  zh: 'rewards.nameZh',
  en: 'rewards.nameEn',
  label: 'rewards.nameZh',
  class: 'rewards.class',
  cap: 'rewards.cap',
  op: 'rewards.conditionOp',
  value: 'rewards.conditionValue',
  otherFigure: 'rewards.otherFigure',
  condition: 'rewards.gate',
  conditions: 'rewards.conditions',
  items: 'rewards.items',
  gates: 'rewards.gates',
  rules: 'rewards.rulesHeading',
  schemes: 'rewards.schemesHeading',
};
const ROWS = new Set(['bands', 'splits', 'conditions', 'items', 'gates', 'figures']);

/** The check's problems, each placed in words (rule, row, field) before its message. */
export function ProblemList({ problems, content }: { problems: ProgramProblem[]; content: RewardProgramContent }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const where = (path: string) => {
    const parts: string[] = [];
    const owner = pathOwner(path, content, lang);
    if (owner) parts.push(t(owner.kind === 'rule' ? 'rewards.pathRule' : 'rewards.pathScheme', { n: owner.n, name: owner.name }));
    const steps = pathSteps(path).slice(owner ? 1 : 0);
    steps.forEach((step, i) => {
      if (step.index !== null && ROWS.has(step.key)) parts.push(t(`rewards.pathRows.${step.key}`, { n: step.index + 1 }));
      else if (step.key !== '' && (i === steps.length - 1 || step.index === null))
        parts.push(t(LABELS[step.key] ?? (step.key === 'name' && !owner ? 'rewards.programName' : `rewards.f.${step.key}`), { defaultValue: step.key }));
    });
    return parts.join(' · ');
  };
  return (
    <ul style={{ margin: 0, paddingInlineStart: 18 }} data-testid="rewards-program-problems">
      {problems.slice(0, 30).map((p, i) => (
        <li key={i}>
          <Typography.Text strong>{where(p.path)}</Typography.Text>
          {lang === 'en' ? ': ' : '：'}
          {problemText(p, lang)}{' '}
          <Typography.Text type="secondary" code style={{ fontSize: 11 }}>
            {p.path}
          </Typography.Text>
        </li>
      ))}
    </ul>
  );
}
