import { Alert, App, Button, Card, Form, Input, Space, Tag, Typography } from 'antd';
import { ExpandAltOutlined, ShrinkOutlined } from '@ant-design/icons';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RewardProgram, RewardProgramContent } from '@duijie/shared';
import { useFailureHandler } from '../../../ui/use-failure';
import { formatDateTime } from '../../../ui/dates';
import { useLanguage } from '../../../app/use-language';
import { problemsByPath } from '../reward-values';
import { useEventZone, useNewProgramVersion, usePublishProgram, useUpdateProgram } from '../hooks/use-rewards';
import { useProgramCheck } from '../hooks/use-program-check';
import { CardExpansionContext, useExpansionState } from './card-expansion';
import { ProblemList } from './problem-list';
import { ProgramContentForm } from './program-content';
import { RuleEditorContext } from './rule-inputs';
import { testId } from './button-test-id';

type Draft = { name: string; content: RewardProgramContent };

export const STATE_COLOURS: Record<RewardProgram['state'], string> = { draft: 'gold', published: 'green', superseded: 'default' };

type Props = { eventId: string; program: RewardProgram; onOpen: (id: string) => void };

/**
 * One program version: a card per rule and scheme, closed to its summary until opened (cards with
 * problems open themselves); a structured form while it is a draft (checked as it is edited,
 * problems shown at their inputs), saved on its version, published after a warning that it
 * freezes; a read-only list of parameters once published, with "新版本" to start the next draft.
 */
export function ProgramEditor({ eventId, program, onOpen }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const { modal, message } = App.useApp();
  const onFailure = useFailureHandler();
  const readOnly = program.state !== 'draft';
  const [draft, setDraft] = useState<Draft>({ name: program.name, content: program.content });
  const { problems, checking } = useProgramCheck(draft, !readOnly);
  const update = useUpdateProgram(eventId);
  const publish = usePublishProgram(eventId);
  const newVersion = useNewProgramVersion(eventId);
  const zone = useEventZone(eventId);

  // Another version (or the saved one) replaces what the form holds.
  useEffect(() => {
    setDraft({ name: program.name, content: program.content });
  }, [program.id, program.version, program.name, program.content]);

  const dirty = useMemo(() => JSON.stringify(draft) !== JSON.stringify({ name: program.name, content: program.content }), [draft, program]);

  const byPath = useMemo(() => problemsByPath(problems, lang), [problems, lang]);
  const setContent = (content: RewardProgramContent) => setDraft((d) => ({ ...d, content }));
  const expansion = useExpansionState(draft.content, problems);

  const save = (then?: (saved: RewardProgram) => void) =>
    update.mutate(
      { id: program.id, body: { ...draft, version: program.version } },
      {
        onSuccess: (saved) => {
          if (then) then(saved);
          else void message.success(t('common.saved'));
        },
        onError: (error) => onFailure(error, { onStale: () => onOpen(program.id) }),
      },
    );

  const onPublish = () =>
    modal.confirm({
      title: t('rewards.publishTitle'),
      content: t('rewards.publishBody'),
      okText: t('rewards.publish'),
      okButtonProps: testId('rewards-publish-confirm'),
      cancelText: t('common.cancel'),
      onOk: () => {
        const go = (p: RewardProgram) =>
          publish.mutate(
            { id: p.id, version: p.version },
            {
              onSuccess: () => void message.success(t('rewards.published')),
              onError: (error) => onFailure(error, { onStale: () => onOpen(program.id) }),
            },
          );
        if (dirty) save(go);
        else go(program);
      },
    });

  const onNewVersion = () =>
    newVersion.mutate(program.id, {
      onSuccess: (next) => {
        void message.success(t('rewards.newVersionMade', { n: next.versionNo }));
        onOpen(next.id);
      },
      onError: (error) => onFailure(error),
    });

  return (
    <RuleEditorContext.Provider value={{ problems: byPath, readOnly }}>
      <Card
        data-testid="rewards-program-editor"
        title={
          <Space wrap>
            <span>{program.name}</span>
            <Tag>{t('rewards.versionNo', { n: program.versionNo })}</Tag>
            <Tag color={STATE_COLOURS[program.state]}>{t(`rewards.programStates.${program.state}`)}</Tag>
          </Space>
        }
      >
        <Space wrap style={{ marginBottom: 16 }}>
          {readOnly ? (
            program.state === 'published' ? (
              <Button onClick={onNewVersion} loading={newVersion.isPending} data-testid="rewards-program-new-version">
                {t('rewards.newVersion')}
              </Button>
            ) : null
          ) : (
            <>
              <Typography.Text type="secondary">
                {checking ? t('rewards.checking') : problems.length ? t('rewards.problemCount', { count: problems.length }) : t('rewards.checkedOk')}
              </Typography.Text>
              <Button onClick={() => save()} disabled={!dirty} loading={update.isPending} data-testid="rewards-program-save">
                {t('common.save')}
              </Button>
              <Button
                type="primary"
                onClick={onPublish}
                disabled={problems.length > 0 || checking}
                loading={publish.isPending}
                data-testid="rewards-program-publish"
              >
                {t('rewards.publish')}
              </Button>
            </>
          )}
        </Space>
        {readOnly ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={
              program.state === 'published' ? t('rewards.frozenPublished', { at: formatDateTime(program.publishedAt, zone) }) : t('rewards.frozenSuperseded')
            }
          />
        ) : null}
        {problems.length > 0 ? (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('rewards.problemsTitle', { count: problems.length })}
            description={<ProblemList problems={problems} content={draft.content} />}
          />
        ) : null}
        <Form layout="vertical" component="div">
          {/* Once frozen the name is in the title; only a draft shows it as an input. */}
          {readOnly ? null : (
            <Form.Item
              label={t('rewards.programName')}
              style={{ maxWidth: 480 }}
              validateStatus={byPath.get('name') ? 'error' : undefined}
              help={byPath.get('name')?.join('；')}
            >
              <Input
                value={draft.name}
                maxLength={200}
                onChange={(e) => setDraft((d) => ({ ...d, name: e.target.value }))}
                data-testid="rewards-program-name"
              />
            </Form.Item>
          )}

          <Space wrap style={{ width: '100%', justifyContent: 'flex-end', marginBottom: 8 }}>
            <Button size="small" icon={<ExpandAltOutlined />} onClick={expansion.expandAll} data-testid="rewards-expand-all">
              {t('rewards.expandAll')}
            </Button>
            <Button size="small" icon={<ShrinkOutlined />} onClick={expansion.collapseAll} disabled={!expansion.anyOpen} data-testid="rewards-collapse-all">
              {t('rewards.collapseAll')}
            </Button>
          </Space>
          <CardExpansionContext.Provider value={expansion.value}>
            <ProgramContentForm content={draft.content} problems={problems} readOnly={readOnly} onChange={setContent} />
          </CardExpansionContext.Provider>
        </Form>
      </Card>
    </RuleEditorContext.Provider>
  );
}
