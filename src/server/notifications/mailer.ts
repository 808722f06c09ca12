/** Sending one e-mail over SMTP (nodemailer), as configured by SMTP_URL and SMTP_FROM. */
import nodemailer from 'nodemailer';
import type { SendMail } from './worker.ts';

/**
 * One e-mail takes at most `timeoutMs`, connecting, greeting and every wait for the server
 * included (nodemailer's own defaults allow minutes, longer than a job's lease: another instance
 * would then send it too). A send that runs out counts as failed and is tried again later.
 */
export function smtpSender(url: string, from: string, timeoutMs = 10_000): SendMail {
  const transport = nodemailer.createTransport({ url, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs, socketTimeout: timeoutMs });
  return async (to, mail) => {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('SMTP_TIMEOUT')), timeoutMs);
    });
    try {
      await Promise.race([transport.sendMail({ from, to, subject: mail.subject, text: mail.text }), deadline]);
    } finally {
      clearTimeout(timer);
    }
  };
}
