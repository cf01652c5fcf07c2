/**
 * E-mail through nodemailer: SES (v2) in AWS, `.eml` files in the outbox directory locally, so a
 * developer opens exactly the message that would have been sent.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import nodemailer from 'nodemailer';
import { ulid } from 'ulid';
import type { Email, Mailer } from '#lib/domain/ports';

export function createOutboxMailer(dir: string, from: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(email) {
      const info = await transport.sendMail({ from, ...email });
      await mkdir(dir, { recursive: true });
      // The file name says when and nothing about whom.
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${ulid()}.eml`;
      await writeFile(join(dir, name), info.message as Buffer, { mode: 0o600 });
    },
  };
}

export function createSesMailer(from: string, client = new SESv2Client({})): Mailer {
  const transport = nodemailer.createTransport({ SES: { sesClient: client, SendEmailCommand } });
  return {
    async send(email: Email) {
      await transport.sendMail({ from, ...email });
    },
  };
}
