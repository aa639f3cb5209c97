import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Descriptions, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { routes, type InvitationAcceptInput } from '@duijie/shared';
import { call } from '../../api/client';
import { keys } from '../../api/keys';
import { useAuth } from '../../app/auth';
import { AuthCard } from '../../ui/auth-card';
import { EVENT_TIME_ZONE, formatDateTime } from '../../ui/dates';
import { useLabels } from '../../ui/labels';
import { PageState } from '../../ui/page-state';
import { useFailureHandler } from '../../ui/use-failure';

type Values = InvitationAcceptInput & { confirm: string };

export function InvitePage() {
  const { t } = useTranslation();
  const labels = useLabels();
  const { token = '' } = useParams();
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const onFailure = useFailureHandler();
  const [form] = Form.useForm<Values>();

  const accept = useMutation({
    mutationFn: (input: InvitationAcceptInput) => call(routes.auth.acceptInvitation, { params: { token }, body: input }),
    onSuccess: (result) => {
      signIn(result);
      void navigate('/events', { replace: true });
    },
    onError: (error) => onFailure(error, { form }),
  });

  const info = useQuery({
    queryKey: keys.invitation(token),
    queryFn: ({ signal }) => call(routes.auth.invitation, { params: { token } }, { signal }),
    // Once accepted the link is used up; do not ask for it again.
    enabled: token !== '' && !accept.isSuccess,
  });

  return (
    <AuthCard title={t('invite.title')} width={520}>
      <PageState loading={info.isPending} error={info.error} onRetry={() => void info.refetch()}>
        {info.data ? (
          <>
            <Descriptions column={1} size="small" style={{ marginBottom: 16 }}>
              <Descriptions.Item label={t('fields.orgName')}>{info.data.organisationName}</Descriptions.Item>
              <Descriptions.Item label={t('fields.email')}>{info.data.email}</Descriptions.Item>
              <Descriptions.Item label={t('fields.userRole')}>{labels.userRole(info.data.role)}</Descriptions.Item>
              <Descriptions.Item label={t('invite.expiresAt')}>{formatDateTime(info.data.expiresAt, EVENT_TIME_ZONE)}</Descriptions.Item>
            </Descriptions>
            <Form<Values>
              form={form}
              layout="vertical"
              onFinish={(values) => accept.mutate({ displayName: values.displayName.trim(), password: values.password })}
            >
              <Form.Item name="displayName" label={t('fields.displayName')} rules={[{ required: true, whitespace: true, message: t('validation.required') }]}>
                <Input data-testid="invite-display-name" />
              </Form.Item>
              <Form.Item
                name="password"
                label={t('fields.password')}
                rules={[
                  { required: true, message: t('validation.required') },
                  { min: 8, message: t('validation.passwordLength') },
                ]}
              >
                <Input.Password autoComplete="new-password" data-testid="invite-password" />
              </Form.Item>
              <Form.Item
                name="confirm"
                label={t('fields.passwordConfirm')}
                dependencies={['password']}
                rules={[
                  { required: true, message: t('validation.required') },
                  ({ getFieldValue }) => ({
                    validator: (_rule, value: string | undefined) =>
                      value && value !== getFieldValue('password') ? Promise.reject(new Error(t('validation.passwordMatch'))) : Promise.resolve(),
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={accept.isPending} data-testid="invite-submit">
                {t('invite.accept')}
              </Button>
            </Form>
          </>
        ) : null}
      </PageState>
    </AuthCard>
  );
}
