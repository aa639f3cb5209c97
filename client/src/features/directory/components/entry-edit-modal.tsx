import { Form, Input, InputNumber, Modal, Select, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PRODUCT_CATEGORIES, QUANTITY_UNITS, type DirectoryEntryAdmin, type DirectoryEntryUpdateInput } from '@duijie/shared';
import { useLanguage } from '../../../app/use-language';
import { FormFooter } from '../../../ui/form-footer';
import { RegionSelect } from '../../../ui/region-select';
import { useFailureHandler } from '../../../ui/use-failure';
import { useUpdateDirectoryEntry } from '../hooks/use-directory';

type Props = { entry: DirectoryEntryAdmin | null; onClose: () => void };

type Values = Required<Omit<DirectoryEntryUpdateInput, 'version' | 'excluded' | 'excludeReason'>>;

/** Organisers correct an entry; the fields they change stay as edited when the directory is compiled again. */
export function EntryEditModal({ entry, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Modal open={entry !== null} title={t('directory.editTitle')} footer={null} onCancel={onClose} destroyOnHidden width={640}>
      {entry ? <EntryForm entry={entry} onDone={onClose} /> : null}
    </Modal>
  );
}

function EntryForm({ entry, onDone }: { entry: DirectoryEntryAdmin; onDone: () => void }) {
  const { t } = useTranslation();
  const lang = useLanguage();
  const [form] = Form.useForm<Values>();
  const update = useUpdateDirectoryEntry();
  const onFailure = useFailureHandler();
  const onFinish = (values: Values) => {
    // Only what changed goes: an unchanged field does not become "edited".
    const body: DirectoryEntryUpdateInput = { version: entry.version };
    const changed = body as Record<string, unknown>;
    for (const [field, value] of Object.entries(values) as [keyof Values, unknown][]) {
      const before = entry[field];
      const same = Array.isArray(before) && Array.isArray(value) ? before.join() === value.join() : before === value;
      if (!same) changed[field] = value;
    }
    update.mutate({ id: entry.id, body }, { onSuccess: onDone, onError: (error) => onFailure(error, { form }) });
  };
  return (
    <Form<Values>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      initialValues={{
        name: entry.name,
        region: entry.region,
        categories: entry.categories,
        varieties: entry.varieties,
        specifications: entry.specifications,
        annualOutput: entry.annualOutput,
        outputUnit: entry.outputUnit,
        contactName: entry.contactName,
        contactPhone: entry.contactPhone,
        notes: entry.notes,
        contactConsent: entry.contactConsent,
      }}
    >
      <Form.Item name="name" label={t('directory.name')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
        <Input maxLength={200} data-testid="directory-edit-name" />
      </Form.Item>
      <Form.Item name="region" label={t('directory.region')} rules={[{ required: true, message: t('validation.required') }]}>
        <RegionSelect />
      </Form.Item>
      <Form.Item name="categories" label={t('directory.categories')}>
        <Select
          mode="multiple"
          maxCount={30}
          options={PRODUCT_CATEGORIES.map((c) => ({ value: c.code, label: lang === 'en' ? c.nameEn : c.name }))}
          showSearch={{ optionFilterProp: 'label' }}
        />
      </Form.Item>
      <Form.Item name="varieties" label={t('directory.varieties')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Form.Item name="specifications" label={t('directory.specifications')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Space.Compact block>
        <Form.Item name="annualOutput" label={t('directory.output')} style={{ flex: 1 }}>
          <InputNumber<number> min={0} max={1e15} precision={3} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="outputUnit" label={t('directory.unit')} style={{ width: 140 }}>
          <Select options={QUANTITY_UNITS.map((u) => ({ value: u, label: u }))} />
        </Form.Item>
      </Space.Compact>
      <Space.Compact block>
        <Form.Item name="contactName" label={t('directory.contactName')} style={{ flex: 1 }}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="contactPhone" label={t('directory.contactPhone')} style={{ flex: 1 }}>
          <Input maxLength={40} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="contactConsent" label={t('directory.consent')} valuePropName="checked" extra={t('directory.consentHint')}>
        <Switch data-testid="directory-edit-consent" />
      </Form.Item>
      <Form.Item name="notes" label={t('directory.notes')}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      {entry.editedFields.length ? (
        <Typography.Paragraph type="secondary">
          {t('directory.editedHint', { fields: entry.editedFields.map((f) => t(`directory.field.${f}`)).join('、') })}
        </Typography.Paragraph>
      ) : null}
      <FormFooter submitText={t('common.save')} loading={update.isPending} onCancel={onDone} submitTestId="directory-edit-submit" />
    </Form>
  );
}
