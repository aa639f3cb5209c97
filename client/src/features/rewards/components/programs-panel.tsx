import { App, Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RewardProgram } from '@duijie/shared';
import { formatDateTime } from '../../../ui/dates';
import { PageState } from '../../../ui/page-state';
import { rowTestId } from '../../../ui/test-id';
import { useFailureHandler } from '../../../ui/use-failure';
import { useCreateFromDefault, useEventZone, useRewardProgram, useRewardPrograms } from '../hooks/use-rewards';
import { ProgramEditor, STATE_COLOURS } from './program-editor';

/** 奖励办法: every version of the event's programs, and the one opened below. */
export function ProgramsPanel({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const onFailure = useFailureHandler();
  const programs = useRewardPrograms(eventId);
  const [openId, setOpenId] = useState<string | undefined>(undefined);
  const list = programs.data ?? [];
  // The newest version is open until another is picked.
  const shownId = openId ?? list[0]?.id;
  const opened = useRewardProgram(shownId);
  const fromDefault = useCreateFromDefault(eventId);
  const zone = useEventZone(eventId);

  const createFromDefault = () =>
    fromDefault.mutate(t('rewards.defaultProgramName'), {
      onSuccess: (created) => {
        void message.success(t('rewards.createdFromDefault'));
        setOpenId(created.id);
      },
      onError: (error) => onFailure(error),
    });

  const createButton = (
    <Button type="primary" onClick={createFromDefault} loading={fromDefault.isPending} data-testid="rewards-program-from-default">
      {t('rewards.fromDefault')}
    </Button>
  );

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Text type="secondary">{t('rewards.programsHint')}</Typography.Text>
        {list.length > 0 ? createButton : null}
      </Space>
      <PageState
        loading={programs.isPending}
        error={programs.error}
        onRetry={() => void programs.refetch()}
        empty={list.length === 0}
        emptyText={t('rewards.noPrograms')}
        emptyAction={createButton}
      >
        <Space orientation="vertical" style={{ width: '100%' }} size="middle">
          <Table<RewardProgram>
            size="small"
            rowKey="id"
            dataSource={list}
            pagination={list.length > 10 ? { pageSize: 10 } : false}
            scroll={{ x: 'max-content' }}
            onRow={(p) => ({ ...rowTestId(`rewards-program-row-${p.id}`), onClick: () => setOpenId(p.id), style: { cursor: 'pointer' } })}
            rowClassName={(p) => (p.id === shownId ? 'ant-table-row-selected' : '')}
            columns={[
              { title: t('rewards.programName'), dataIndex: 'name' },
              { title: t('rewards.version'), dataIndex: 'versionNo', render: (n: number) => t('rewards.versionNo', { n }) },
              {
                title: t('rewards.state'),
                dataIndex: 'state',
                render: (s: RewardProgram['state']) => <Tag color={STATE_COLOURS[s]}>{t(`rewards.programStates.${s}`)}</Tag>,
              },
              { title: t('rewards.ruleCount'), render: (_, p) => `${p.content.rules.length} / ${p.content.schemes.length}` },
              { title: t('rewards.publishedAt'), dataIndex: 'publishedAt', render: (v: string | null) => formatDateTime(v, zone) },
              { title: t('rewards.createdAt'), dataIndex: 'createdAt', render: (v: string) => formatDateTime(v, zone) },
            ]}
          />
          {shownId ? (
            <PageState loading={opened.isPending} error={opened.error} onRetry={() => void opened.refetch()}>
              {opened.data ? (
                <ProgramEditor
                  key={opened.data.id}
                  eventId={eventId}
                  program={opened.data}
                  onOpen={(id) => {
                    setOpenId(id);
                    void opened.refetch();
                  }}
                />
              ) : null}
            </PageState>
          ) : null}
        </Space>
      </PageState>
    </Space>
  );
}
