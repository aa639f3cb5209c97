import { EditOutlined, FileAddOutlined, SignatureOutlined } from '@ant-design/icons';
import { Button, Flex, Space, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Agreement, ParticipantRole, SessionStatus } from '@duijie/shared';
import { useMe } from '../../app/auth';
import { PageState } from '../../ui/page-state';
import { useMyParticipations } from '../events/hooks/use-events';
import { useSessionsById } from '../listings/hooks/use-listings';
import { AgreementFormModal } from './components/agreement-form-modal';
import { AgreementsTable } from './components/agreements-table';
import type { AgreementSessionChoice } from './components/agreement-form-modal';
import { SignModal } from './components/sign-modal';
import { useMyAgreements } from './hooks/use-agreements';
import { useLiveAgreements } from './hooks/use-live-agreements';

/** Agreements are drafted while a session is live or signing. */
const DRAFTING_STATUSES: readonly SessionStatus[] = ['live', 'signing'];

type Dialog = { kind: 'none' } | { kind: 'create' } | { kind: 'edit'; agreement: Agreement };

export function MyAgreementsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const agreements = useMyAgreements();
  useLiveAgreements();
  const participations = useMyParticipations(me.role !== 'organiser');
  const [dialog, setDialog] = useState<Dialog>({ kind: 'none' });
  const [signing, setSigning] = useState<Agreement | null>(null);

  const approved = useMemo(() => (participations.data ?? []).filter((p) => p.status === 'approved'), [participations.data]);
  const sessions = useSessionsById([...approved.map((p) => p.sessionId), ...(agreements.data ?? []).map((a) => a.sessionId)]);

  const choices: AgreementSessionChoice[] = [];
  for (const sessionId of new Set(approved.map((p) => p.sessionId))) {
    const session = sessions.get(sessionId);
    if (!session || !DRAFTING_STATUSES.includes(session.status)) continue;
    const roles: ParticipantRole[] = [...new Set(approved.filter((p) => p.sessionId === sessionId).map((p) => p.role))];
    choices.push({ session, roles });
  }
  const mayAct = me.role === 'org_admin';
  const canCreate = me.role !== 'organiser' && choices.length > 0;

  const myParty = (a: Agreement) => a.parties.find((p) => p.organisationId === me.organisation.id);

  const actions = (a: Agreement) => {
    const mine = myParty(a);
    const drafting = a.status === 'drafting';
    const canSign = drafting && mine !== undefined && mine.signature === null;
    const canEdit = drafting && a.draftedByOrganisationId === me.organisation.id;
    return (
      <Space size={4} wrap>
        {canSign ? (
          <Tooltip title={mayAct ? undefined : t('agreement.adminOnly')}>
            <Button size="small" type="primary" icon={<SignatureOutlined />} disabled={!mayAct} onClick={() => setSigning(a)} data-testid="agreement-sign">
              {t('agreement.sign')}
            </Button>
          </Tooltip>
        ) : null}
        {mine?.signature && drafting ? <Tag color="green">{t('agreement.mineSigned')}</Tag> : null}
        {canEdit ? (
          <Button size="small" icon={<EditOutlined />} onClick={() => setDialog({ kind: 'edit', agreement: a })} data-testid="agreement-edit">
            {t('common.edit')}
          </Button>
        ) : null}
      </Space>
    );
  };

  const createButton = (
    <Tooltip title={canCreate ? undefined : t('agreement.createBlocked')}>
      <Button type="primary" icon={<FileAddOutlined />} disabled={!canCreate} onClick={() => setDialog({ kind: 'create' })} data-testid="agreement-create">
        {t('agreement.create')}
      </Button>
    </Tooltip>
  );

  return (
    <>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('agreement.myTitle')}
        </Typography.Title>
        {me.role === 'organiser' ? null : createButton}
      </Flex>
      <PageState
        loading={agreements.isPending}
        error={agreements.error}
        empty={agreements.data?.length === 0}
        emptyText={t('agreement.empty')}
        onRetry={() => void agreements.refetch()}
      >
        <AgreementsTable agreements={agreements.data} sessionTitle={(id) => sessions.get(id)?.title} actions={actions} pageSize={20} />
      </PageState>
      <AgreementFormModal
        open={dialog.kind !== 'none'}
        choices={choices}
        agreement={dialog.kind === 'edit' ? dialog.agreement : undefined}
        onClose={() => setDialog({ kind: 'none' })}
      />
      <SignModal agreement={signing} onClose={() => setSigning(null)} />
    </>
  );
}
