import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import type { ReactNode } from 'react';
import { isApiFailure } from '../api/client';
import { PhoneTheme } from './phone-theme';
import { useLanguage } from './use-language';

function shouldRetry(failureCount: number, error: unknown): boolean {
  // Client errors will not get better by asking again.
  if (isApiFailure(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 15_000 },
    mutations: { retry: false },
  },
});

type Props = { children: ReactNode };

export function Providers({ children }: Props) {
  const lang = useLanguage();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={lang === 'en' ? enUS : zhCN} theme={{ token: { colorPrimary: '#1f5fae' } }}>
        {/* antd's App (message, modal) wraps the pages after the login: app/feedback.tsx. */}
        {/* Touch targets of 44 px below md: app/phone-theme.tsx (tokens) and app/global.css (the rest). */}
        <PhoneTheme>{children}</PhoneTheme>
      </ConfigProvider>
    </QueryClientProvider>
  );
}
