import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { changeLanguage } from './i18n';
import type { Language } from './i18n';
import { useLanguage } from './use-language';

type LanguageSwitchProps = { dark?: boolean };

/** Toggles between Chinese and English; the label names the language it switches to. */
export function LanguageSwitch({ dark = false }: LanguageSwitchProps) {
  const lang = useLanguage();
  const next: Language = lang === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <Button
      data-testid="lang-switch"
      size="small"
      ghost={dark}
      icon={<GlobalOutlined />}
      onClick={() => {
        void changeLanguage(next);
      }}
    >
      {next === 'en' ? 'English' : '中文'}
    </Button>
  );
}
