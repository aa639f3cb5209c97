import { useMutation } from '@tanstack/react-query';
import { Button, Divider, Form, Input, Result, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ORGANISATION_KINDS, routes } from '@duijie/shared';
import type { Organisation, SelfRegistrationInput } from '@duijie/shared';
import { call } from '../../api/client';
import { useAuth } from '../../app/auth';
import { AuthCard } from '../../ui/auth-card';
import { useFailureHandler } from '../../ui/use-failure';
import { OrganisationFields } from '../organisation/components/organisation-fields';

type Values = SelfRegistrationInput & { admin: SelfRegistrationInput['admin'] & { confirm: string } };

const SELF_REGISTRATION_KINDS = ORGANISATION_KINDS.filter((kind) => kind !== 'organiser');

export function RegisterPage() {
  const { t } = useTranslation();
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const onFailure = useFailureHandler();
  const [form] = Form.useForm<Values>();
  const [registered, setRegistered] = useState<Organisation | null>(null);

  const register = useMutation({
    mutationFn: async (input: SelfRegistrationInput) => {
      const created = await call(routes.auth.register, { body: input });
      // The new admin may sign in at once; the organisation waits for approval meanwhile.
      const login = await call(routes.auth.login, {
        body: { email: input.admin.email, password: input.admin.password },
      }).catch(() => null);
      return { created, login };
    },
    onSuccess: ({ created, login }) => {
      if (login) {
        signIn(login);
        // A new organisation waits for approval on its own registration page.
        void navigate('/my/organisation', { replace: true });
      } else {
        setRegistered(created.organisation);
      }
    },
    onError: (error) => onFailure(error, { form }),
  });

  if (registered) {
    return (
      <AuthCard title={t('register.title')} width={640}>
        <Result
          status="success"
          title={t('register.doneTitle')}
          subTitle={t('register.doneBody', { name: registered.name })}
          extra={
            <Link to="/login">
              <Button type="primary">{t('register.toLogin')}</Button>
            </Link>
          }
        />
      </AuthCard>
    );
  }

  const onFinish = (values: Values) => {
    register.mutate({
      organisation: { ...values.organisation, name: values.organisation.name.trim() },
      admin: {
        email: values.admin.email.trim(),
        displayName: values.admin.displayName.trim(),
        password: values.admin.password,
      },
    });
  };

  return (
    <AuthCard title={t('register.title')} width={720}>
      <Typography.Paragraph type="secondary">{t('register.intro')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" onFinish={onFinish} scrollToFirstError>
        <Divider titlePlacement="start">{t('register.organisation')}</Divider>
        <OrganisationFields prefix={['organisation']} mode="create" kinds={SELF_REGISTRATION_KINDS} />
        <Divider titlePlacement="start">{t('register.admin')}</Divider>
        <Form.Item
          name={['admin', 'email']}
          label={t('fields.email')}
          rules={[
            { required: true, message: t('validation.required') },
            { type: 'email', message: t('validation.email') },
          ]}
        >
          <Input autoComplete="username" inputMode="email" data-testid="register-email" />
        </Form.Item>
        <Form.Item
          name={['admin', 'displayName']}
          label={t('fields.displayName')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input data-testid="register-display-name" />
        </Form.Item>
        <Form.Item
          name={['admin', 'password']}
          label={t('fields.password')}
          rules={[
            { required: true, message: t('validation.required') },
            { min: 8, message: t('validation.passwordLength') },
          ]}
          hasFeedback
        >
          <Input.Password autoComplete="new-password" data-testid="register-password" />
        </Form.Item>
        <Form.Item
          name={['admin', 'confirm']}
          label={t('fields.passwordConfirm')}
          dependencies={[['admin', 'password']]}
          hasFeedback
          rules={[
            { required: true, message: t('validation.required') },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) =>
                value && value !== getFieldValue(['admin', 'password']) ? Promise.reject(new Error(t('validation.passwordMatch'))) : Promise.resolve(),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="register-password-confirm" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={register.isPending} data-testid="register-submit">
          {t('register.submit')}
        </Button>
      </Form>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
        {t('register.haveAccount')}{' '}
        <Link to="/login" className="touch-link">
          {t('register.toLogin')}
        </Link>
      </Typography.Paragraph>
    </AuthCard>
  );
}
