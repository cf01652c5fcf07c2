import type { ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { PageTitle } from '../components/ui.tsx';

/**
 * How to reach the helpdesk (1700), as links: the numbers call (`tel:`), *mail* opens a mail program,
 * *chat* opens 1700's contact page, where the chat starts. The e-mail address is still to be confirmed
 * with 1700, whose own site offers a form.
 */
export const HELPDESK_CONTACT = {
  phone: { text: '1700', href: 'tel:1700' },
  abroad: { text: '+32 2 553 1700', href: 'tel:+3225531700' },
  mail: 'mailto:1700@vlaanderen.be',
  chat: 'https://www.vlaanderen.be/contact',
  website: { text: 'www.kmo-portefeuille.be', href: 'https://www.kmo-portefeuille.be' },
} as const;

const c = HELPDESK_CONTACT;
/** A link whose text <Trans> gives (the catalogue's words). */
function Link({ href, children }: { href: string; children?: ReactNode }) {
  return <a href={href}>{children}</a>;
}
/** The elements of the contact texts: the links (their text comes from the catalogue) and the bold numbers. */
const contact = {
  strong: <strong />,
  website: <Link href={c.website.href} />,
  mail: <Link href={c.mail} />,
  chat: <Link href={c.chat} />,
  phone: <Link href={c.phone.href} />,
  abroad: <Link href={c.abroad.href} />,
};

/** *Hulp nodig?*: the helpdesk contact of the seed, its wording kept, and the most asked questions. */
export function Help() {
  const { t } = useTranslation('help');
  return (
    <div className="stack">
      <PageTitle>{t('title')}</PageTitle>
      <section className="card contact" aria-labelledby="contact">
        <h2 id="contact">{t('contact')}</h2>
        <p>
          <Trans t={t} i18nKey="website" components={contact} />
        </p>
        <p>
          <Trans t={t} i18nKey="call" components={contact} />
        </p>
      </section>
      <section aria-labelledby="vragen" className="stack-small">
        <h2 id="vragen">{t('faq')}</h2>
        <h3>{t('loginQuestion')}</h3>
        <p>{t('loginAnswer')}</p>
        <h3>{t('adminQuestion')}</h3>
        <p>{t('adminAnswer')}</p>
        <h3>{t('durationQuestion')}</h3>
        <p>{t('durationAnswer')}</p>
      </section>
    </div>
  );
}
