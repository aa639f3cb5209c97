import { Grid, List, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { categoryLabel, regionLabel, type DirectoryEntryPublic } from '@duijie/shared';
import { useLanguage } from '../../../app/use-language';
import { formatQuantity } from '../../../ui/quantity';
import { rowTestId } from '../../../ui/test-id';
import type { MeetingTarget } from '../../meetings/components/meeting-request-modal';
import { AskMeeting, type MeetingAccess } from './ask-meeting';

type Props = {
  entries: DirectoryEntryPublic[];
  total: number;
  page: number;
  pageSize: number;
  loading: boolean;
  onPage: (page: number) => void;
  access: MeetingAccess;
  onAsk: (target: MeetingTarget) => void;
};

/** A directory's entries on screen: a table on wide screens, cards on phones. */
export function EntryList({ entries, total, page, pageSize, loading, onPage, access, onAsk }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const screens = Grid.useBreakpoint();
  const output = (e: DirectoryEntryPublic) => (e.annualOutput === null ? '—' : `${formatQuantity(e.annualOutput, lang)} ${e.outputUnit}`);
  const contact = (e: DirectoryEntryPublic) =>
    e.contactName || e.contactPhone ? (
      <span data-testid="directory-contact">
        {e.contactName} {e.contactPhone}
      </span>
    ) : (
      <Typography.Text type="secondary">{t('directory.contactHidden')}</Typography.Text>
    );
  const categories = (e: DirectoryEntryPublic) =>
    e.categories.map((c) => (
      <Tag key={c} style={{ marginBottom: 4 }}>
        {categoryLabel(c, lang)}
      </Tag>
    ));
  const nameAndRegion = (e: DirectoryEntryPublic) => (
    <>
      <Typography.Text strong>{e.name}</Typography.Text>
      <div>
        <Typography.Text type="secondary">{regionLabel(e.region, lang)}</Typography.Text>
      </div>
    </>
  );
  const pagination = { current: page, pageSize, total, showSizeChanger: false, onChange: onPage };

  if (!screens.md) {
    return (
      <List<DirectoryEntryPublic>
        dataSource={entries}
        loading={loading}
        locale={{ emptyText: t('directory.noMatch') }}
        pagination={{ ...pagination, size: 'small' }}
        renderItem={(e) => (
          <List.Item style={{ display: 'block' }} data-testid="directory-entry" data-name={e.name}>
            {nameAndRegion(e)}
            <div style={{ marginTop: 4 }}>{categories(e)}</div>
            {e.varieties ? <div>{`${t('directory.varieties')}：${e.varieties}`}</div> : null}
            {e.specifications ? <div>{`${t('directory.specifications')}：${e.specifications}`}</div> : null}
            <div>{`${t('directory.output')}：${output(e)}`}</div>
            <div>
              {t('directory.contact')}：{contact(e)}
            </div>
            {e.notes ? <Typography.Text type="secondary">{e.notes}</Typography.Text> : null}
            <div style={{ marginTop: 8 }}>
              <AskMeeting entry={e} access={access} onAsk={onAsk} />
            </div>
          </List.Item>
        )}
      />
    );
  }

  const columns: TableColumnsType<DirectoryEntryPublic> = [
    { title: t('directory.name'), dataIndex: 'name', render: (_v, e) => nameAndRegion(e) },
    { title: t('directory.categories'), dataIndex: 'categories', render: (_v, e) => categories(e) },
    { title: t('directory.varieties'), dataIndex: 'varieties' },
    { title: t('directory.specifications'), dataIndex: 'specifications' },
    { title: t('directory.output'), dataIndex: 'annualOutput', align: 'right', render: (_v, e) => <span style={{ whiteSpace: 'nowrap' }}>{output(e)}</span> },
    { title: t('directory.contact'), dataIndex: 'contactName', render: (_v, e) => contact(e) },
    { title: t('directory.notes'), dataIndex: 'notes' },
    { title: '', key: 'ask', render: (_v, e) => <AskMeeting entry={e} access={access} onAsk={onAsk} /> },
  ];
  return (
    <Table<DirectoryEntryPublic>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={entries}
      loading={loading}
      locale={{ emptyText: t('directory.noMatch') }}
      onRow={(e) => rowTestId('directory-entry', { 'data-name': e.name })}
      pagination={pagination}
    />
  );
}
