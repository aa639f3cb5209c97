import { EditOutlined } from '@ant-design/icons';
import { Button, Space, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { categoryLabel, regionLabel, type DirectoryEntryAdmin } from '@duijie/shared';
import { useLanguage } from '../../../app/use-language';
import { formatQuantity } from '../../../ui/quantity';
import { ReasonModal } from '../../../ui/reason-modal';
import { rowTestId } from '../../../ui/test-id';
import { useFailureHandler } from '../../../ui/use-failure';
import { useUpdateDirectoryEntry } from '../hooks/use-directory';
import { EntryEditModal } from './entry-edit-modal';

const STATUS_COLOUR = { included: 'green', excluded: 'default', lapsed: 'orange' } as const;

type Props = { entries: DirectoryEntryAdmin[]; onStale: () => void };

/** The organisers' review of a directory's entries: edit, record the contact consent, exclude (with a confirmation) or include again. */
export function DirectoryEntries({ entries, onStale }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const onFailure = useFailureHandler();
  const update = useUpdateDirectoryEntry();
  const [editing, setEditing] = useState<DirectoryEntryAdmin | null>(null);
  const [excluding, setExcluding] = useState<DirectoryEntryAdmin | null>(null);

  const setEntry = (entry: DirectoryEntryAdmin, body: { contactConsent?: boolean; excluded?: boolean; excludeReason?: string }, done?: () => void) =>
    update.mutate({ id: entry.id, body: { version: entry.version, ...body } }, { onSuccess: done, onError: (error) => onFailure(error, { onStale }) });

  const columns: TableColumnsType<DirectoryEntryAdmin> = [
    {
      title: t('directory.name'),
      dataIndex: 'name',
      render: (_v, e) => (
        <>
          <Typography.Text strong>{e.name}</Typography.Text>
          {e.editedFields.length ? (
            <Tooltip title={t('directory.editedHint', { fields: e.editedFields.map((f) => t(`directory.field.${f}`)).join('、') })}>
              <Tag color="blue" style={{ marginInlineStart: 8 }}>
                {t('directory.edited')}
              </Tag>
            </Tooltip>
          ) : null}
          <div>
            <Typography.Text type="secondary">{regionLabel(e.region, lang)}</Typography.Text>
          </div>
        </>
      ),
    },
    { title: t('directory.categories'), dataIndex: 'categories', render: (_v, e) => e.categories.map((c) => categoryLabel(c, lang)).join('、') },
    { title: t('directory.varieties'), dataIndex: 'varieties', ellipsis: true },
    {
      title: t('directory.output'),
      dataIndex: 'annualOutput',
      align: 'right',
      render: (_v, e) => (e.annualOutput === null ? '—' : `${formatQuantity(e.annualOutput, lang)} ${e.outputUnit}`),
    },
    {
      title: t('directory.contact'),
      dataIndex: 'contactName',
      render: (_v, e) => (
        <Space orientation="vertical" size={0}>
          <span>
            {e.contactName} {e.contactPhone}
          </span>
          <Space size="small">
            <Switch size="small" checked={e.contactConsent} onChange={(checked) => setEntry(e, { contactConsent: checked })} data-testid="directory-consent" />
            <Typography.Text type="secondary">{e.contactConsent ? t('directory.consentYes') : t('directory.consentNo')}</Typography.Text>
          </Space>
        </Space>
      ),
    },
    {
      title: t('fields.status'),
      dataIndex: 'status',
      render: (_v, e) => (
        <Tooltip title={e.excludeReason ?? undefined}>
          <Tag color={STATUS_COLOUR[e.status]}>{t(`directory.entryStatus.${e.status}`)}</Tag>
        </Tooltip>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_v, e) => (
        <Space size="small">
          <Button size="small" icon={<EditOutlined />} onClick={() => setEditing(e)} data-testid="directory-edit">
            {t('common.edit')}
          </Button>
          {e.status === 'excluded' ? (
            <Button size="small" onClick={() => setEntry(e, { excluded: false })} data-testid="directory-include">
              {t('directory.include')}
            </Button>
          ) : (
            <Button size="small" danger onClick={() => setExcluding(e)} data-testid="directory-exclude">
              {t('directory.exclude')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <>
      <Table<DirectoryEntryAdmin>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={entries}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 960 }}
        onRow={(e) => rowTestId('directory-admin-entry', { 'data-name': e.name })}
      />
      <EntryEditModal entry={editing} onClose={() => setEditing(null)} />
      <ReasonModal
        open={excluding !== null}
        title={t('directory.excludeTitle', { name: excluding?.name ?? '' })}
        description={t('directory.excludeBody')}
        required={false}
        okText={t('directory.exclude')}
        loading={update.isPending}
        onCancel={() => setExcluding(null)}
        onSubmit={(reason) => excluding && setEntry(excluding, { excluded: true, ...(reason ? { excludeReason: reason } : {}) }, () => setExcluding(null))}
      />
    </>
  );
}
