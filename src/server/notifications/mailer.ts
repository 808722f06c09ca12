/** Sending one e-mail over SMTP (nodemailer), as configured by SMTP_URL and SMTP_FROM. */
import nodemailer from 'nodemailer';
import type { SendMail } from './worker.ts';

export function smtpSender(url: string, from: string): SendMail {
  const transport = nodemailer.createTransport(url);
  return async (to, mail) => {
    await transport.sendMail({ from, to, subject: mail.subject, text: mail.text });
  };
}
