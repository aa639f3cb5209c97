import { InboxOutlined } from '@ant-design/icons';
import { Button, Card, Space, Upload } from 'antd';
import type { UploadFile } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Picked } from '../hooks/use-import-flow';

type Props = {
  picked: Picked[];
  onPick: (uid: string, file: File) => void;
  onUnpick: (uid: string) => void;
  onCheck: () => void;
  checking: boolean;
  /** Whether the files' report allows importing them. */
  canImport: boolean;
  onImport: () => void;
  importing: boolean;
  /** A real import has started for these files. */
  started: boolean;
};

/** The filled-in files, and the buttons to check them (a dry run) and then import them. */
export function ImportUploadCard({ picked, onPick, onUnpick, onCheck, checking, canImport, onImport, importing, started }: Props) {
  const { t } = useTranslation();
  const fileList: UploadFile[] = picked.map((p) => ({ uid: p.uid, name: p.file.name, status: 'done' }));
  return (
    <Card size="small" title={t('import.uploadTitle')}>
      <div data-testid="import-upload">
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple
          maxCount={2}
          fileList={fileList}
          beforeUpload={(file) => {
            onPick(file.uid, file);
            return false;
          }}
          onRemove={(file) => onUnpick(file.uid)}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">{t('import.uploadText')}</p>
          <p className="ant-upload-hint">{t('import.uploadHint')}</p>
        </Upload.Dragger>
      </div>
      <Space style={{ marginTop: 12 }}>
        <Button onClick={onCheck} disabled={picked.length === 0 || started} loading={checking} data-testid="import-check">
          {t('import.check')}
        </Button>
        <Button type="primary" onClick={onImport} disabled={!canImport || started} loading={importing} data-testid="import-confirm">
          {t('import.confirm')}
        </Button>
      </Space>
    </Card>
  );
}
