import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { NotificationKind } from '@duijie/shared';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock';
import { UnitOfWork } from '../common/unit-of-work/unit-of-work';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { JobQueue } from '../jobs/job-queue';
import { renderEmail } from './notification-email';
import { EMAIL_QUEUE } from './notifications.service';

type EmailRow = {
  id: string;
  kind: NotificationKind;
  params: Record<string, string | number>;
  link: string | null;
  createdAt: Date;
  emailedAt: Date | null;
  settledAt: Date | null;
  email: string;
  displayName: string;
  active: boolean;
  timeZone: string | null;
};

/**
 * Emails each notification once (its job, sent with the notification's transaction) when
 * SMTP_URL is set. A failed send throws: the queue retries it. A sent one is recorded on the
 * row (`emailedAt`), so a job that runs again after sending does not send again.
 */
@Injectable()
export class NotificationEmailService {
  private readonly logger = new Logger('NotificationEmail');
  private transport: Transporter | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    jobs: JobQueue,
  ) {
    jobs.register(EMAIL_QUEUE, ({ notificationId }) => this.send(notificationId), { concurrency: 2, retryLimit: 5, retryDelaySeconds: 30 });
  }

  /** Sends one notification's email; answers whether it was sent now. */
  async send(notificationId: string): Promise<boolean> {
    if (!this.config.smtpUrl) return false;
    const [row]: EmailRow[] = await this.dataSource.query(
      `SELECT n.id, n.kind, n.params, n.link, n."createdAt", n."emailedAt", n."settledAt", u.email, u."displayName", u.active, e."timeZone"
         FROM notification n JOIN app_user u ON u.id = n."userId" LEFT JOIN match_event e ON e.id = n."eventId"
        WHERE n.id = $1`,
      [notificationId],
    );
    // Settled before its turn came (an application approved at once): the mail would ask for what is done.
    if (!row || row.emailedAt || row.settledAt || !row.active) return false;
    const message = renderEmail({
      kind: row.kind,
      params: row.params,
      createdAt: new Date(row.createdAt),
      timeZone: row.timeZone,
      link: row.link,
      publicUrl: this.config.publicUrl,
      displayName: row.displayName,
    });
    this.transport ??= createTransport(this.config.smtpUrl);
    await this.transport.sendMail({ from: this.config.smtpFrom, to: row.email, subject: message.subject, text: message.text });
    await this.uow.run(
      async (tx) => {
        await tx.manager.query(`UPDATE notification SET "emailedAt" = $2 WHERE id = $1 AND "emailedAt" IS NULL`, [notificationId, this.clock.now()]);
      },
      { answer: false },
    );
    this.logger.log(`emailed notification ${notificationId}`);
    return true;
  }
}
