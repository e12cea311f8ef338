import { appendOutbox } from './outbox';
import { sendThroughAws } from './aws-sender';

/**
 * The port every outgoing message goes through (verification codes and
 * notifications). In AWS: Amazon SNS for SMS and Amazon SES for e-mail. On
 * the local stack (`OUTBOX_FILE` set): one JSON line per message in the
 * outbox, which `GET /v1/admin/outbox` reads.
 */
export interface OutgoingMessage {
  channel: 'sms' | 'email';
  /** A mainland mobile number (11 digits) or an e-mail address. */
  to: string;
  subject?: string;
  text: string;
  /** What the message is about, for the outbox and logs: `verification`, `case.filed`, ... */
  kind: string;
  caseId?: string;
  /** The notification's once-only key (`functions/services/notifications/`). */
  messageKey?: string;
  lang: 'zh-CN' | 'en';
}

export async function sendMessage(message: OutgoingMessage): Promise<void> {
  const outbox = process.env.OUTBOX_FILE;
  if (outbox) return appendOutbox(outbox, message, new Date());
  return sendThroughAws(message);
}
