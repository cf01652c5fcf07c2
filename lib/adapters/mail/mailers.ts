/**
 * E-mail as one MIME message built by nodemailer's MailComposer: sent through SES (v2) as raw content
 * in AWS, written to an `.eml` file in the outbox directory locally, so a developer opens exactly the
 * message that would have been sent. MailComposer alone, not nodemailer's transports: about 100 KB
 * less in the bundles of the functions that send e-mail.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import MailComposer from 'nodemailer/lib/mail-composer';
import { ulid } from 'ulid';
import { type Email, type Mailer, MailRefusedError } from '#lib/domain/ports';

/**
 * SES takes no internationalised local part (SMTPUTF8): `zoë@voorbeeld.be` is refused for good. The
 * input refuses such addresses (lib/domain/contact.ts); older data may still hold one.
 */
const SES_UNDELIVERABLE_LOCAL_PART = /[^\x21-\x7e]/;

function refuseUndeliverable(email: Email): void {
  const bad = email.to.filter((address) => SES_UNDELIVERABLE_LOCAL_PART.test(address.split('@')[0] ?? ''));
  if (bad.length > 0) throw new MailRefusedError('An address has characters SES does not accept.');
}

/** SES answers that say this message will never go out as it is; anything else may pass on a retry. */
const SES_REFUSALS = new Set([
  'MessageRejected',
  'BadRequestException',
  'MailFromDomainNotVerifiedException',
]);

/**
 * The whole message (headers, text and HTML as multipart/alternative), CRLF line ends as SMTP wants
 * them. `List-Unsubscribe` names the page where the recipient chooses their e-mails (RFC 2369: a URL in
 * angle brackets); no `List-Unsubscribe-Post`, as that page needs a login rather than a one-click POST.
 */
export function composeEmail(from: string, email: Email): Promise<Buffer> {
  const { listUnsubscribe, ...message } = email;
  return new MailComposer({
    from,
    ...message,
    ...(listUnsubscribe ? { headers: { 'List-Unsubscribe': `<${listUnsubscribe}>` } } : {}),
  })
    .compile()
    .build();
}

export function createOutboxMailer(dir: string, from: string): Mailer {
  return {
    async send(email) {
      refuseUndeliverable(email);
      const message = await composeEmail(from, email);
      await mkdir(dir, { recursive: true });
      // The file name says when and nothing about whom. Unix line ends, as files on this machine have.
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${ulid()}.eml`;
      await writeFile(join(dir, name), message.toString('utf8').replace(/\r\n/g, '\n'), { mode: 0o600 });
    },
  };
}

export function createSesMailer(from: string, client = new SESv2Client({})): Mailer {
  return {
    async send(email: Email) {
      refuseUndeliverable(email);
      // Raw content: SES takes sender and recipients from the message's own headers.
      try {
        await client.send(
          new SendEmailCommand({ Content: { Raw: { Data: await composeEmail(from, email) } } }),
        );
      } catch (error) {
        const name = (error as { name?: string }).name ?? '';
        if (SES_REFUSALS.has(name))
          throw new MailRefusedError(`SES refused the message (${name}).`, { cause: error });
        throw error;
      }
    },
  };
}
