import { Alert, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Agreement } from '@duijie/shared';
import { FormFooter } from '../../../ui/form-footer';
import type { AgreementFormValues, AgreementSessionChoice } from '../agreement-values';
import { useAgreementForm } from '../hooks/use-agreement-form';
import { AgreementPartyFields } from './agreement-party-fields';
import { AgreementTermFields } from './agreement-term-fields';

export type { AgreementSessionChoice } from '../agreement-values';

type Props = {
  open: boolean;
  choices: AgreementSessionChoice[];
  /** The agreement to edit; a new one is drafted when absent. */
  agreement?: Agreement;
  onClose: () => void;
};

export function AgreementFormModal({ open, choices, agreement, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal open={open} title={agreement ? t('agreement.editTitle') : t('agreement.createTitle')} footer={null} onCancel={onClose} destroyOnHidden width={820}>
      <AgreementForm choices={choices} agreement={agreement} onDone={onClose} />
    </Modal>
  );
}

type FormProps = { choices: AgreementSessionChoice[]; agreement?: Agreement; onDone: () => void };

function AgreementForm({ choices, agreement, onDone }: FormProps) {
  const { t } = useTranslation();
  const { form, draft, initialValues, onValuesChange, onFinish, saving } = useAgreementForm({ choices, agreement, onDone });
  const signaturesSoFar = agreement ? agreement.parties.filter((p) => p.signature).length : 0;

  return (
    <Form<AgreementFormValues>
      form={form}
      layout="vertical"
      initialValues={initialValues}
      onValuesChange={onValuesChange}
      onFinish={onFinish}
      scrollToFirstError
    >
      {agreement ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={signaturesSoFar > 0 ? t('agreement.editVoids', { count: signaturesSoFar }) : t('agreement.editVoidsNone')}
          data-testid="agreement-edit-warning"
        />
      ) : (
        <AgreementPartyFields choices={choices} draft={draft} />
      )}
      {draft.kind ? <AgreementTermFields goods={draft.goods} /> : null}
      <FormFooter submitText={agreement ? t('common.save') : t('agreement.submit')} loading={saving} onCancel={onDone} submitTestId="agreement-submit" />
    </Form>
  );
}
