import { useTranslation } from 'react-i18next';
import { categoryLabel, regionLabel, type DirectoryEntryPublic } from '@duijie/shared';
import { useLanguage } from '../../../app/use-language';
import { formatQuantity } from '../../../ui/quantity';

type Props = { title: string; subtitle: string; entries: DirectoryEntryPublic[] };

/** The A4 table: shown only when printing (print CSS), every filtered entry once the print button loaded them. */
export function PrintLayout({ title, subtitle, entries }: Props) {
  const { t } = useTranslation();
  const lang = useLanguage();
  return (
    <div className="directory-print-only" data-testid="directory-print-layout">
      <h1>{title}</h1>
      <p>{subtitle}</p>
      <table>
        <thead>
          <tr>
            <th style={{ width: '4%' }}>{t('directory.index')}</th>
            <th style={{ width: '18%' }}>{t('directory.name')}</th>
            <th style={{ width: '12%' }}>{t('directory.region')}</th>
            <th style={{ width: '12%' }}>{t('directory.categories')}</th>
            <th style={{ width: '16%' }}>{t('directory.varieties')}</th>
            <th style={{ width: '12%' }}>{t('directory.specifications')}</th>
            <th style={{ width: '10%' }}>{t('directory.output')}</th>
            <th style={{ width: '16%' }}>{t('directory.contact')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e, i) => (
            <tr key={e.id}>
              <td>{i + 1}</td>
              <td>
                {e.name}
                {e.notes ? <div className="directory-print-note">{e.notes}</div> : null}
              </td>
              <td>{regionLabel(e.region, lang)}</td>
              <td>{e.categories.map((c) => categoryLabel(c, lang)).join('、')}</td>
              <td>{e.varieties}</td>
              <td>{e.specifications}</td>
              <td>{e.annualOutput === null ? '—' : `${formatQuantity(e.annualOutput, lang)} ${e.outputUnit}`}</td>
              <td>{e.contactName || e.contactPhone ? `${e.contactName ?? ''} ${e.contactPhone ?? ''}` : t('directory.contactNotPublished')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
