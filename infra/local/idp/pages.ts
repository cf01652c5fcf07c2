/**
 * The login screens, server-rendered HTML in Dutch after ACM's "Kies manier van aanmelden". No
 * JavaScript: links to choose, POST forms to act. Accessible: one h1 per page, labels tied to
 * inputs, an error summary that names each field, visible focus. National numbers are never
 * echoed back; people in the demo register are shown with a masked number.
 */

import type { LoginAccount } from '#infra/local/idp/accounts';
import { type LoginMethod, METHODS } from '#infra/local/idp/methods';
import { maskNationalNumber } from '#lib/domain/national-number';

export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Field name → message, in the order the fields appear. */
export type FieldErrors = Partial<Record<string, string>>;

interface LayoutOptions {
  basePath: string;
  title: string;
  body: string;
  /** Shows the "Lokale simulatie" banner. */
  simulation?: boolean;
}

function layout({ basePath, title, body, simulation = false }: LayoutOptions): string {
  return `<!doctype html>
<html lang="nl-BE">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="same-origin">
<title>${escapeHtml(title)} – Gebruikersbeheer van de Vlaamse overheid</title>
<link rel="stylesheet" href="${escapeHtml(basePath)}/assets/login.css">
</head>
<body>
<a class="skip-link" href="#inhoud">Naar de inhoud</a>
<header class="site-header">
  <p class="brand"><span class="brand-name">Vlaanderen</span> <span class="brand-tagline">is ondernemen</span></p>
  <p class="site-name">Gebruikersbeheer van de Vlaamse overheid</p>
</header>
<p class="environment" role="note">Lokale ontwikkelomgeving: dit is niet het echte toegangsbeheer (ACM) van de Vlaamse overheid.</p>
${simulation ? '<p class="simulation" role="note"><strong>Lokale simulatie.</strong> Hier is geen echte identiteitscontrole: u kiest zelf een persoon uit het demo-rijksregister.</p>' : ''}
<main id="inhoud" tabindex="-1">
${body}
</main>
<footer class="site-footer">
  <p>Hulp nodig? In deze lokale omgeving staan de demo-personen en de manieren van aanmelden in de README van het project.</p>
</footer>
</body>
</html>
`;
}

function errorSummary(errors: FieldErrors): string {
  const entries = Object.entries(errors).filter((entry): entry is [string, string] => Boolean(entry[1]));
  if (entries.length === 0) return '';
  return `<div class="error-summary" role="alert" aria-labelledby="fouten-titel">
  <h2 id="fouten-titel">Er is een probleem</h2>
  <ul>${entries.map(([field, message]) => `<li><a href="#${escapeHtml(field)}">${escapeHtml(message)}</a></li>`).join('')}</ul>
</div>`;
}

function notice(text: string | undefined): string {
  return text ? `<p class="notice" role="status">${escapeHtml(text)}</p>` : '';
}

interface FieldOptions {
  name: string;
  label: string;
  hint?: string;
  errors: FieldErrors;
  inputmode?: 'numeric' | 'tel' | 'text';
  autocomplete?: string;
  type?: 'text' | 'tel';
  value?: string;
  pattern?: string;
  maxlength?: number;
}

function field(o: FieldOptions): string {
  const error = o.errors[o.name];
  const describedBy = [o.hint ? `${o.name}-hint` : '', error ? `${o.name}-fout` : '']
    .filter(Boolean)
    .join(' ');
  return `<div class="field${error ? ' field-invalid' : ''}">
  <label for="${o.name}">${escapeHtml(o.label)}</label>
  ${o.hint ? `<p class="hint" id="${o.name}-hint">${escapeHtml(o.hint)}</p>` : ''}
  ${error ? `<p class="field-error" id="${o.name}-fout"><span class="visually-hidden">Fout: </span>${escapeHtml(error)}</p>` : ''}
  <input id="${o.name}" name="${o.name}" type="${o.type ?? 'text'}" required spellcheck="false"${
    o.inputmode ? ` inputmode="${o.inputmode}"` : ''
  }${o.autocomplete ? ` autocomplete="${o.autocomplete}"` : ''}${o.maxlength ? ` maxlength="${o.maxlength}"` : ''}${
    describedBy ? ` aria-describedby="${describedBy}"` : ''
  }${error ? ' aria-invalid="true"' : ''}${o.value ? ` value="${escapeHtml(o.value)}"` : ''}>
</div>`;
}

const nationalNumberField = (errors: FieldErrors) =>
  field({
    name: 'rijksregisternummer',
    label: 'Rijksregisternummer of BIS-nummer',
    hint: '11 cijfers, bv. 85.07.30-033.28. Punten, streepjes en spaties mogen.',
    errors,
    inputmode: 'numeric',
    autocomplete: 'off',
    maxlength: 20,
  });

const codeField = (errors: FieldErrors, label = 'Beveiligingscode') =>
  field({
    name: 'code',
    label,
    hint: '6 cijfers',
    errors,
    inputmode: 'numeric',
    autocomplete: 'one-time-code',
    maxlength: 6,
  });

function backLink(base: string): string {
  return `<p class="back"><a href="${escapeHtml(base)}">Andere manier van aanmelden kiezen</a></p>`;
}

function cancelForm(base: string): string {
  return `<form class="cancel" method="post" action="${escapeHtml(base)}/annuleren">
  <button type="submit" class="button-secondary">Aanmelden annuleren</button>
</form>`;
}

// --- the choice ------------------------------------------------------------------------------------

export interface ChoicesPageOptions {
  basePath: string;
  /** /idp/interaction/<uid> */
  base: string;
  clientName: string;
  lastChoice: string | undefined;
  message?: string;
}

function choice(method: LoginMethod, base: string, lastChoice: string | undefined): string {
  const isLast = method.id === lastChoice;
  const badges = [
    isLast ? '<span class="badge badge-last">UW LAATSTE KEUZE</span>' : '',
    method.easiest ? '<span class="badge badge-easiest">GEMAKKELIJKSTE KEUZE</span>' : '',
  ].join('');
  return `<li class="choice${isLast ? ' choice-last' : ''}" data-method="${method.id}">
  <h3 class="choice-title"><a class="choice-link" href="${escapeHtml(base)}/${method.id}" id="keuze-${method.id}"${
    badges ? ` aria-describedby="kenmerk-${method.id}"` : ''
  }><span aria-hidden="true">› </span>${escapeHtml(method.label)}</a></h3>
  ${badges ? `<p class="badges" id="kenmerk-${method.id}">${badges}</p>` : ''}
  ${method.simulated ? '<p class="simulated-tag">Lokale simulatie</p>' : ''}
  ${
    method.activation
      ? `<p class="first-use">Eerste gebruik? Manier van aanmelden eerst <a class="nowrap" href="${escapeHtml(base)}/${method.id}/activeren">activeren<span class="visually-hidden"> (${escapeHtml(method.label)})</span></a></p>`
      : ''
  }
  <details class="more-info">
    <summary>Meer info<span class="visually-hidden"> over ${escapeHtml(method.label)}</span></summary>
    <p>${escapeHtml(method.info)}</p>
  </details>
</li>`;
}

/**
 * ACM's *? HULP NODIG?* button (right of the title): the frequent questions about logging in and the
 * helpdesk. A disclosure, so it works without JavaScript and is read out as a button that expands.
 */
function helpNeeded(): string {
  return `<details class="help-needed">
  <summary><span aria-hidden="true">? </span>HULP NODIG?</summary>
  <div class="help-needed-body">
    <h2>Veelgestelde vragen over aanmelden</h2>
    <h3>Welke manier van aanmelden kies ik?</h3>
    <p>Elke manier controleert uw identiteit op basis van uw rijksregisternummer. Met een beveiligingscode via de mobiele app gaat het het snelst; met de eID hebt u een kaartlezer nodig.</p>
    <h3>Ik gebruik een beveiligingscode voor het eerst.</h3>
    <p>Activeer die manier van aanmelden eerst: kies <em>activeren</em> bij de beveiligingscode via app of via SMS.</p>
    <h2>Contact met de helpdesk</h2>
    <p>Bel, <a href="mailto:1700@vlaanderen.be">mail</a> of <a href="https://www.vlaanderen.be/contact">chat</a> gratis met <a href="tel:1700">1700</a>. 1700 is elke werkdag telefonisch bereikbaar van 9 tot 19 uur. Bellen vanuit het buitenland kan ook, op het betalende nummer <a href="tel:+3225531700">+32 2 553 1700</a>.</p>
  </div>
</details>`;
}

export function choicesPage(o: ChoicesPageOptions): string {
  return layout({
    basePath: o.basePath,
    title: 'Kies manier van aanmelden',
    body: `<p class="eyebrow">Gebruikersbeheer van de Vlaamse overheid: Aanmelden</p>
<div class="title-row">
<h1>Kies manier van aanmelden</h1>
${helpNeeded()}
</div>
${notice(o.message)}
<p class="lead">U meldt aan bij <strong>${escapeHtml(o.clientName)}</strong>. Kies hieronder hoe u wil aanmelden. Klik op "meer info" voor uitleg over die manier van aanmelden. Klik op de knop "hulp nodig?" (rechts) voor veelgestelde vragen over aanmelden of om contact op te nemen met de helpdesk.</p>
<h2 class="choose">Maak een keuze</h2>
<ul class="choices">
${METHODS.map((method) => choice(method, o.base, o.lastChoice)).join('\n')}
</ul>
${cancelForm(o.base)}`,
  });
}

// --- eID, itsme and federal token: local simulation -----------------------------------------------

export interface SimulatedPageOptions {
  basePath: string;
  base: string;
  method: LoginMethod;
  accounts: readonly LoginAccount[];
  errors?: FieldErrors;
}

export function simulatedPage(o: SimulatedPageOptions): string {
  const errors = o.errors ?? {};
  const error = errors.persoon;
  const options = o.accounts
    .map(
      (account, index) => `<div class="radio">
    <input type="radio" name="persoon" id="${index === 0 ? 'persoon' : `persoon-${index}`}" value="${escapeHtml(account.subject)}" required>
    <label for="${index === 0 ? 'persoon' : `persoon-${index}`}">${escapeHtml(`${account.person.firstName} ${account.person.lastName}`)} <span class="muted">(${escapeHtml(maskNationalNumber(account.person.nationalNumber))})</span></label>
  </div>`,
    )
    .join('\n  ');
  return layout({
    basePath: o.basePath,
    title: o.method.title,
    simulation: true,
    body: `<h1>${escapeHtml(o.method.title)}</h1>
${errorSummary(errors)}
<p>In deze lokale omgeving is er geen ${escapeHtml(o.method.label)}. Kies de persoon als wie u wilt aanmelden; u krijgt dan een token alsof die persoon zich met ${escapeHtml(o.method.label)} had aangemeld.</p>
<form method="post" action="${escapeHtml(o.base)}/${o.method.id}" novalidate>
  <fieldset${error ? ' class="field-invalid" aria-describedby="persoon-fout"' : ''}>
  <legend>Persoon uit het demo-rijksregister</legend>
  ${error ? `<p class="field-error" id="persoon-fout"><span class="visually-hidden">Fout: </span>${escapeHtml(error)}</p>` : ''}
  ${options}
  </fieldset>
  <button type="submit" class="button-primary">Aanmelden</button>
</form>
${backLink(o.base)}`,
  });
}

// --- security code via mobile app (TOTP) ----------------------------------------------------------

interface FormPageOptions {
  basePath: string;
  base: string;
  errors?: FieldErrors;
  message?: string;
}

export function appLoginPage(o: FormPageOptions): string {
  const errors = o.errors ?? {};
  return layout({
    basePath: o.basePath,
    title: 'Aanmelden met beveiligingscode via mobiele app',
    body: `<h1>Aanmelden met een beveiligingscode via mobiele app</h1>
${errorSummary(errors)}
${notice(o.message)}
<p>Open de authenticator-app op uw smartphone en neem de code van 6 cijfers over voor "${escapeHtml('Gebruikersbeheer (lokaal)')}".</p>
<form method="post" action="${escapeHtml(o.base)}/app" novalidate>
  ${nationalNumberField(errors)}
  ${codeField(errors)}
  <button type="submit" class="button-primary">Aanmelden</button>
</form>
<p class="first-use">Eerste gebruik? Manier van aanmelden eerst <a href="${escapeHtml(o.base)}/app/activeren">activeren</a></p>
${backLink(o.base)}`,
  });
}

export function appActivationStartPage(o: FormPageOptions): string {
  const errors = o.errors ?? {};
  return layout({
    basePath: o.basePath,
    title: 'Beveiligingscode via mobiele app activeren',
    body: `<h1>Beveiligingscode via mobiele app activeren</h1>
${errorSummary(errors)}
<p>Stap 1 van 2. Geef uw rijksregisternummer. U krijgt daarna een geheime sleutel voor uw authenticator-app.</p>
<form method="post" action="${escapeHtml(o.base)}/app/activeren" novalidate>
  ${nationalNumberField(errors)}
  <button type="submit" class="button-primary">Verder</button>
</form>
${backLink(o.base)}`,
  });
}

export interface AppActivationConfirmOptions extends FormPageOptions {
  /** Base32, grouped in fours. */
  secret: string;
  uri: string;
}

export function appActivationConfirmPage(o: AppActivationConfirmOptions): string {
  const errors = o.errors ?? {};
  return layout({
    basePath: o.basePath,
    title: 'Beveiligingscode via mobiele app activeren',
    body: `<h1>Beveiligingscode via mobiele app activeren</h1>
${errorSummary(errors)}
<p>Stap 2 van 2. Voeg in uw authenticator-app een account toe met deze geheime sleutel (type: op tijd gebaseerd, 6 cijfers, 30 seconden):</p>
<p class="secret"><span class="secret-label">Geheime sleutel</span> <code id="totp-sleutel">${escapeHtml(o.secret)}</code></p>
<p class="secret-uri"><span class="secret-label">Of als koppeling (otpauth-URI), voor apps die die kunnen openen</span> <code id="totp-uri" class="wrap">${escapeHtml(o.uri)}</code></p>
<p>Geef daarna de code die de app toont, om de activering te bevestigen.</p>
<form method="post" action="${escapeHtml(o.base)}/app/activeren/bevestigen" novalidate>
  ${codeField(errors, 'Code uit de app')}
  <button type="submit" class="button-primary">Activering bevestigen</button>
</form>
${backLink(o.base)}`,
  });
}

// --- security code via SMS ------------------------------------------------------------------------

export function smsLoginPage(o: FormPageOptions): string {
  const errors = o.errors ?? {};
  return layout({
    basePath: o.basePath,
    title: 'Aanmelden met beveiligingscode via SMS',
    body: `<h1>Aanmelden met een beveiligingscode via SMS</h1>
${errorSummary(errors)}
${notice(o.message)}
<p>Geef uw rijksregisternummer. We sturen een code van 6 cijfers naar het gsm-nummer dat u bij de activering opgaf.</p>
<form method="post" action="${escapeHtml(o.base)}/sms" novalidate>
  ${nationalNumberField(errors)}
  <button type="submit" class="button-primary">Code versturen</button>
</form>
<p class="first-use">Eerste gebruik? Manier van aanmelden eerst <a href="${escapeHtml(o.base)}/sms/activeren">activeren</a></p>
${backLink(o.base)}`,
  });
}

export interface SmsCodePageOptions extends FormPageOptions {
  maskedPhone: string;
  /** Where the code goes: the login or the activation confirmation. */
  action: 'sms/code' | 'sms/activeren/bevestigen';
  outboxHint: string;
}

export function smsCodePage(o: SmsCodePageOptions): string {
  const errors = o.errors ?? {};
  const activation = o.action !== 'sms/code';
  const title = activation ? 'Beveiligingscode via SMS activeren' : 'Aanmelden met beveiligingscode via SMS';
  return layout({
    basePath: o.basePath,
    title,
    body: `<h1>${escapeHtml(title)}</h1>
${errorSummary(errors)}
<p class="notice" role="status">We stuurden een code van 6 cijfers naar <strong class="phone">${escapeHtml(o.maskedPhone)}</strong>. De code is 5 minuten geldig.</p>
<p class="simulated-tag">Lokale simulatie: ${escapeHtml(o.outboxHint)}</p>
<form method="post" action="${escapeHtml(o.base)}/${o.action}" novalidate>
  ${codeField(errors, 'Code uit de SMS')}
  <button type="submit" class="button-primary">${activation ? 'Activering bevestigen' : 'Aanmelden'}</button>
</form>
${backLink(o.base)}`,
  });
}

export function smsActivationStartPage(o: FormPageOptions & { phone?: string }): string {
  const errors = o.errors ?? {};
  return layout({
    basePath: o.basePath,
    title: 'Beveiligingscode via SMS activeren',
    body: `<h1>Beveiligingscode via SMS activeren</h1>
${errorSummary(errors)}
<p>Stap 1 van 2. Geef uw rijksregisternummer en het gsm-nummer waarop u de codes wilt ontvangen. We sturen een code om het nummer te bevestigen.</p>
<form method="post" action="${escapeHtml(o.base)}/sms/activeren" novalidate>
  ${nationalNumberField(errors)}
  ${field({
    name: 'gsm',
    label: 'Gsm-nummer',
    hint: 'Bv. +32470123456 of 0470 12 34 56',
    errors,
    type: 'tel',
    inputmode: 'tel',
    autocomplete: 'tel',
    maxlength: 30,
    ...(o.phone ? { value: o.phone } : {}),
  })}
  <button type="submit" class="button-primary">Code versturen</button>
</form>
${backLink(o.base)}`,
  });
}

// --- messages and oidc-provider's own pages -------------------------------------------------------

export function messagePage(basePath: string, title: string, message: string): string {
  return layout({
    basePath,
    title,
    body: `<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>`,
  });
}

const ERROR_TEXTS: Readonly<Record<string, string>> = {
  invalid_request: 'De aanvraag om aan te melden is ongeldig.',
  invalid_client: 'Deze toepassing is niet gekend bij het toegangsbeheer.',
  invalid_redirect_uri: 'Deze toepassing vroeg een terugkeeradres dat niet geregistreerd is.',
  invalid_scope: 'De toepassing vroeg gegevens die ze niet mag opvragen.',
  invalid_target: 'De toepassing vroeg toegang tot een onbekende API.',
  unsupported_response_type: 'Deze manier van aanvragen wordt niet ondersteund.',
  access_denied: 'Het aanmelden werd geweigerd of geannuleerd.',
  login_required: 'U moet eerst aanmelden.',
  session_not_found: 'Uw aanmeldsessie is verlopen of niet gevonden.',
  server_error: 'Er ging iets mis bij het aanmelden.',
};

/** oidc-provider's error page (renderError): Dutch, with the OAuth error code for developers. */
export function errorPage(basePath: string, error: string, description?: string): string {
  return layout({
    basePath,
    title: 'Aanmelden mislukt',
    body: `<h1>Aanmelden mislukt</h1>
<p>${escapeHtml(ERROR_TEXTS[error] ?? 'Er ging iets mis bij het aanmelden.')} Ga terug naar de toepassing en probeer opnieuw.</p>
<details class="more-info">
  <summary>Technische details</summary>
  <p><code>${escapeHtml(error)}</code>${description ? `: ${escapeHtml(description)}` : ''}</p>
</details>`,
  });
}

/** oidc-provider's logout confirmation; `form` is its own form with the anti-CSRF field. */
export function logoutPage(basePath: string, form: string): string {
  return layout({
    basePath,
    title: 'Afmelden',
    body: `<h1>Wilt u afmelden?</h1>
${form}
<div class="actions">
  <button type="submit" form="op.logoutForm" name="logout" value="yes" class="button-primary">Ja, afmelden</button>
  <button type="submit" form="op.logoutForm" class="button-secondary">Nee, aangemeld blijven</button>
</div>`,
  });
}

export function loggedOutPage(basePath: string): string {
  return messagePage(basePath, 'U bent afgemeld', 'U bent afgemeld bij het Gebruikersbeheer.');
}
