/**
 * Plugs the e-mail adapter into the dependencies: SES in AWS (MAIL_TRANSPORT=ses), `.eml` files in the
 * outbox locally. Imported by the handlers of the functions that send e-mail (`mail: true` in
 * functions/workflows.ts), so only their bundles carry nodemailer and the SES client.
 */
import { createOutboxMailer, createSesMailer } from '#lib/adapters/mail/mailers';
import { plugAdapter } from '#lib/runtime/deps';

plugAdapter('mailer', (env) =>
  env.MAIL_TRANSPORT === 'ses'
    ? createSesMailer(env.MAIL_FROM)
    : createOutboxMailer(env.OUTBOX_DIR, env.MAIL_FROM),
);
