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

/** *Hulp nodig?*: the helpdesk contact of the seed, its wording kept, and the most asked questions. */
export function Help() {
  const c = HELPDESK_CONTACT;
  return (
    <div className="stack">
      <PageTitle>Hulp nodig of heeft u een vraag?</PageTitle>
      <section className="card contact" aria-labelledby="contact">
        <h2 id="contact">Contact</h2>
        <p>
          Bezoek onze website <a href={c.website.href}>{c.website.text}</a>.
        </p>
        <p>
          Bel, <a href={c.mail}>mail</a> of <a href={c.chat}>chat</a> gratis met{' '}
          <a href={c.phone.href}>
            <strong>{c.phone.text}</strong>
          </a>
          . 1700 is elke werkdag telefonisch bereikbaar van <strong>9 tot 19 uur</strong>. Bellen vanuit het
          buitenland kan ook, op het betalende nummer{' '}
          <a href={c.abroad.href}>
            <strong>{c.abroad.text}</strong>
          </a>
          .
        </p>
      </section>
      <section aria-labelledby="vragen" className="stack-small">
        <h2 id="vragen">Veelgestelde vragen</h2>
        <h3>Hoe meld ik aan?</h3>
        <p>
          U meldt aan via het Toegangsbeheer van de overheid op basis van uw rijksregisternummer: met uw eID
          en een kaartlezer, itsme, een beveiligingscode via app of sms, of het federaal token. Een
          beveiligingscode via app of sms moet u de eerste keer activeren.
        </p>
        <h3>Wie is de lokale beheerder van mijn organisatie?</h3>
        <p>
          De lokale beheerder kent gebruikersrechten toe aan de mensen van uw organisatie. Kent u die niet,
          vraag het dan aan een wettelijk vertegenwoordiger (zoals vermeld bij de functies van uw onderneming
          in de Kruispuntbank van Ondernemingen). Is er nog geen lokale beheerder, dan duidt een wettelijk
          vertegenwoordiger die aan.
        </p>
        <h3>Hoe lang geldt een recht?</h3>
        <p>
          Een werkrelatie met de organisatie geldt hoogstens 10 jaar, een gebruikersrecht hoogstens 5 jaar en
          nooit langer dan de werkrelatie. Voor het einde krijgen de persoon en de lokale beheerders een
          bericht, zodat ze tijdig kunnen verlengen.
        </p>
      </section>
    </div>
  );
}
