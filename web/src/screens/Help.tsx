import { Trans, useTranslation } from 'react-i18next';
import { PageTitle } from '../components/ui.tsx';

const strong = { strong: <strong /> };

/** *Hulp nodig?*: the helpdesk contact of the seed and the most asked questions. */
export function Help() {
  const { t } = useTranslation('help');
  return (
    <div className="stack">
      <PageTitle>{t('title')}</PageTitle>
      <section className="card contact" aria-labelledby="contact">
        <h2 id="contact">{t('contact')}</h2>
        <p>
          <Trans t={t} i18nKey="call" components={strong} />
        </p>
        <p>
          <Trans t={t} i18nKey="abroad" components={strong} />
        </p>
        <p>
          <Trans t={t} i18nKey="more" components={strong} />
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
