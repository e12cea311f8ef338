import type { CaseRecord } from '../../domain/complaints/case';
import { messagesFor, noticesFor } from '../../domain/notifications/case-notifications';
import { sendMessage } from '../../messaging/sender';
import { logger } from '../../shared/logger';
import { claimNotification, eventTypeOf, markNotificationSent, releaseNotification } from '../../store/notification-store';
import { getMerchant } from '../../store/registry-store';

/** A claim older than this is taken to be a crashed sender's: the message is sent again. */
const claimLeaseSeconds = 120;

export function trackingUrl(): string {
  return `${(process.env.PUBLIC_BASE_URL ?? 'http://localhost:3000').replace(/\/$/, '')}/track.html`;
}

/**
 * Sends what one case change calls for, each message once: its key is the
 * case, the version the change produced, the recipient, the channel and the
 * template, claimed by a conditional write before the send. A failed send
 * releases its claim and fails the record, so the stream retries it (the
 * messages already sent are skipped) and finally dead-letters it.
 */
export async function notifyCaseChange(before: CaseRecord | undefined, after: CaseRecord, now: Date = new Date()): Promise<{ sent: number; skipped: number }> {
  const eventType = before ? await eventTypeOf(after.caseId, after.version) : 'filed';
  const notices = noticesFor({ before, after, eventType }, { trackingUrl: trackingUrl() });
  if (notices.length === 0) return { sent: 0, skipped: 0 };
  const creditCode = after.complaint.merchant.creditCode;
  const merchant = notices.some((n) => n.recipient === 'merchant') && creditCode ? await getMerchant(creditCode) : undefined;
  const messages = messagesFor(notices, after, merchant?.contact);
  const nowEpochSeconds = Math.floor(now.getTime() / 1000);
  let sent = 0;
  let skipped = 0;
  for (const message of messages) {
    const messageKey = `${after.caseId}#${after.version}#${message.recipient}#${message.channel}#${message.key}`;
    if (!(await claimNotification(messageKey, nowEpochSeconds, claimLeaseSeconds))) {
      skipped += 1;
      continue;
    }
    try {
      await sendMessage({ channel: message.channel, to: message.to, text: message.text, subject: message.subject, kind: message.key, caseId: after.caseId, messageKey, lang: message.lang });
    } catch (error) {
      await releaseNotification(messageKey);
      logger.error('notification not sent; the stream will retry', { caseId: after.caseId, kind: message.key, channel: message.channel, error: error as Error });
      throw error;
    }
    await markNotificationSent(messageKey, nowEpochSeconds);
    sent += 1;
  }
  logger.info('notifications', { caseId: after.caseId, version: after.version, sent, skipped });
  return { sent, skipped };
}
