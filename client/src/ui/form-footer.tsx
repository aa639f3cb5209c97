import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';

type Props = {
  submitText: string;
  loading: boolean;
  onCancel: () => void;
  submitTestId?: string;
};

/** Cancel and submit buttons at the bottom of a form inside a modal. */
export function FormFooter({ submitText, loading, onCancel, submitTestId }: Props) {
  const { t } = useTranslation();
  return (
    <Flex justify="end" gap={8} style={{ marginTop: 8 }}>
      <Button onClick={onCancel}>{t('common.cancel')}</Button>
      <Button type="primary" htmlType="submit" loading={loading} data-testid={submitTestId}>
        {submitText}
      </Button>
    </Flex>
  );
}
