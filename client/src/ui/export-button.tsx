import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Progress, Tooltip, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fillPath, type FileAnswer, type Route } from '@duijie/shared';
import { answeredUnauthorized, ApiFailure, getSessionToken, type CallArgs } from '../api/client';
import { failureText } from './failure-text';

/** The response header in which the server gives the number of rows before the workbook streams. */
const ROWS_HEADER = 'X-Export-Rows';
/**
 * About how many bytes of zipped workbook a row takes: the bar is an estimate from X-Export-Rows
 * (the size is not known before the end: the workbook streams as it is written).
 */
const BYTES_PER_ROW = 90;
const BYTES_BASE = 6_000;

type FileRoute = Route & { types?: { output: FileAnswer } };
type Query = Record<string, string | number | boolean | null | undefined>;

type Props<R extends FileRoute> = {
  /** A route of the contract that answers an .xlsx file. */
  route: R;
  /** Its path parameters and the table's current filters, as for `call`. */
  args: CallArgs<R>;
  /** Names the button for tests (`export-<table>`) and the file when the server names none. */
  table: string;
  disabled?: boolean;
};

type Running = { bytes: number; rows: number | null };

function urlOf(route: FileRoute, args: { params?: Record<string, string>; query?: Query }): string {
  const path = `/api${fillPath(route.path, args.params ?? {})}`;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(args.query ?? {})) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const qs = params.toString();
  return qs === '' ? path : `${path}?${qs}`;
}

/** The file name the server gives (RFC 5987 `filename*` first, then `filename`). */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (disposition) {
    const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
    if (star) {
      try {
        return decodeURIComponent(star[1].trim());
      } catch {
        // a malformed name: try the plain one
      }
    }
    const plain = /filename\s*=\s*"([^"]*)"/i.exec(disposition);
    if (plain?.[1]) return plain[1];
  }
  return fallback;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The estimated share done (0–99 while it runs): bytes against what that many rows usually take. */
export function estimatedPercent(bytes: number, rows: number | null): number {
  if (rows === null) return 0;
  return Math.min(99, Math.floor((bytes / (BYTES_BASE + rows * BYTES_PER_ROW)) * 100));
}

function save(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Let the browser start the download before the blob goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function failureOf(response: Response): Promise<ApiFailure> {
  const text = await response.text().catch(() => '');
  try {
    const body = JSON.parse(text) as { statusCode?: unknown; message?: unknown };
    if (typeof body.statusCode === 'number' && typeof body.message === 'string') return new ApiFailure(body as ConstructorParameters<typeof ApiFailure>[0]);
  } catch {
    // not JSON: a proxy's page
  }
  return new ApiFailure({ statusCode: response.status, code: 'unexpected_answer', message: response.statusText });
}

/**
 * “导出 Excel”: downloads a console table as .xlsx with the session's cookie, reading the body as
 * a stream to show how far it got (bytes, and an estimated bar from the row count the server
 * gives first), then saves it under the server's file name. Disabled while it runs.
 */
export function ExportButton<R extends FileRoute>({ route, args, table, disabled }: Props<R>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [running, setRunning] = useState<Running | null>(null);
  const abort = useRef<AbortController | null>(null);
  // Leaving the screen stops a download still running.
  useEffect(() => () => abort.current?.abort(), []);

  const run = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setRunning({ bytes: 0, rows: null });
    try {
      const hadSession = getSessionToken() !== null;
      let response: Response;
      try {
        response = await fetch(urlOf(route, args as { params?: Record<string, string>; query?: Query }), {
          credentials: 'same-origin',
          headers: { Accept: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/json' },
          signal: controller.signal,
        });
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') return;
        throw new ApiFailure({ statusCode: 0, code: 'network', message: 'network' });
      }
      if (!response.ok) {
        if (response.status === 401) answeredUnauthorized(hadSession);
        throw await failureOf(response);
      }
      const header = response.headers.get(ROWS_HEADER);
      const rows = header !== null && /^\d+$/.test(header) ? Number(header) : null;
      const chunks: Uint8Array[] = [];
      let bytes = 0;
      let shown = 0;
      setRunning({ bytes, rows });
      if (response.body) {
        const reader = response.body.getReader();
        for (;;) {
          let chunk: ReadableStreamReadResult<Uint8Array>;
          try {
            chunk = await reader.read();
          } catch (error) {
            // The connection broke off (the server cuts it when the export fails half-way): never save a short file.
            if (error instanceof DOMException && error.name === 'AbortError') throw error;
            throw new ApiFailure({ statusCode: 0, code: 'network', message: 'network' });
          }
          const { done, value } = chunk;
          if (done) break;
          chunks.push(value);
          bytes += value.byteLength;
          // Redraw every 64 KB, not on every chunk.
          if (bytes - shown >= 65_536) {
            shown = bytes;
            setRunning({ bytes, rows });
          }
        }
      } else {
        const whole = new Uint8Array(await response.arrayBuffer());
        chunks.push(whole);
        bytes = whole.byteLength;
      }
      const name = fileNameOf(response.headers.get('Content-Disposition'), `${table}.xlsx`);
      save(new Blob(chunks as BlobPart[], { type: response.headers.get('Content-Type') ?? 'application/octet-stream' }), name);
      void message.success(rows === null ? t('export.doneFile', { name }) : t('export.done', { count: rows, name }));
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') return;
      void message.error({ content: t('export.failed', { reason: failureText(error, t) }), duration: 8 });
    } finally {
      abort.current = null;
      setRunning(null);
    }
  };

  return (
    <Flex align="center" gap={8} wrap>
      <Button
        icon={<DownloadOutlined />}
        loading={running !== null}
        disabled={disabled || running !== null}
        onClick={() => void run()}
        data-testid={`export-${table}`}
      >
        {running ? t('export.running') : t('export.button')}
      </Button>
      {running ? (
        <Tooltip title={t('export.estimate')}>
          <Flex align="center" gap={8} data-testid={`export-${table}-progress`} role="status" aria-live="polite">
            <Progress size="small" percent={estimatedPercent(running.bytes, running.rows)} status="active" style={{ width: 120, margin: 0 }} />
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
              {running.rows === null ? formatBytes(running.bytes) : t('export.progress', { size: formatBytes(running.bytes), count: running.rows })}
            </Typography.Text>
            <Button size="small" type="link" onClick={() => abort.current?.abort()} data-testid={`export-${table}-cancel`}>
              {t('common.cancel')}
            </Button>
          </Flex>
        </Tooltip>
      ) : null}
    </Flex>
  );
}
