import { LockOutlined, MailOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Form, Input, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { routes, type LoginInput } from '@duijie/shared';
import { call, isApiFailure } from '../../api/client';
import { useAuth } from '../../app/auth';
import { redirectTarget } from '../../app/guards';
import { AuthCard } from '../../ui/auth-card';
import { failureText } from '../../ui/failure-text';

export function LoginPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { signIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm<LoginInput>();

  const login = useMutation({
    mutationFn: (input: LoginInput) => call(routes.auth.login, { body: input }),
    onSuccess: (result) => {
      signIn(result);
      void navigate(redirectTarget(location.state), { replace: true });
    },
  });

  let problem: string | null = null;
  if (login.error) {
    if (isApiFailure(login.error) && login.error.status === 401) problem = t('login.badCredentials');
    else problem = failureText(login.error, t);
  }

  return (
    <AuthCard title={t('login.title')}>
      <Form<LoginInput>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(values) => login.mutate({ email: values.email.trim(), password: values.password })}
      >
        {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} /> : null}
        <Form.Item
          name="email"
          label={t('fields.email')}
          rules={[
            { required: true, message: t('validation.required') },
            { type: 'email', message: t('validation.email') },
          ]}
        >
          <Input prefix={<MailOutlined />} autoComplete="username" inputMode="email" data-testid="login-email" />
        </Form.Item>
        <Form.Item name="password" label={t('fields.password')} rules={[{ required: true, message: t('validation.required') }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
          {t('login.submit')}
        </Button>
      </Form>
      <p style={{ marginTop: 16, marginBottom: 0, textAlign: 'center', color: token.colorTextSecondary }}>
        {t('login.noAccount')}{' '}
        <Link to="/register" className="touch-link">
          {t('login.register')}
        </Link>
      </p>
    </AuthCard>
  );
}
