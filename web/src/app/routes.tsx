/**
 * The route table: every screen, its path and its page title. To add a screen, add a file under
 * src/screens/ and one entry here. Organisation screens live under `/o/:en` (the enterprise number,
 * 10 digits) and get the organisation from `useOrganisation()`; they are for its local
 * administrators only (OrganisationLayout checks `GET /api/me`).
 */

import type { RouteObject } from 'react-router';
import { AddPerson } from '../screens/AddPerson.tsx';
import { AuthCallback } from '../screens/AuthCallback.tsx';
import { ChooseOrganisation } from '../screens/ChooseOrganisation.tsx';
import { Compare } from '../screens/Compare.tsx';
import { GrantRight } from '../screens/GrantRight.tsx';
import { Help } from '../screens/Help.tsx';
import { Helpdesk } from '../screens/Helpdesk.tsx';
import { Home } from '../screens/Home.tsx';
import { ImportPersons } from '../screens/ImportPersons.tsx';
import { LinkOrganisation } from '../screens/LinkOrganisation.tsx';
import { LocalAdmins } from '../screens/LocalAdmins.tsx';
import { NotFound, RouteError } from '../screens/Misc.tsx';
import { Notifications } from '../screens/Notifications.tsx';
import { OrganisationHistory } from '../screens/OrganisationHistory.tsx';
import { OrganisationLayout } from '../screens/OrganisationLayout.tsx';
import { PersonPage } from '../screens/PersonPage.tsx';
import { Persons } from '../screens/Persons.tsx';
import { PortalAccess, PortalLanding } from '../screens/Portal.tsx';
import { QuickGrant } from '../screens/QuickGrant.tsx';
import { Reviews } from '../screens/Reviews.tsx';
import { RightsCatalogue } from '../screens/RightsCatalogue.tsx';
import { Start } from '../screens/Start.tsx';
import { Tasks } from '../screens/Tasks.tsx';
import { RequireAuth, Root, type RouteHandle } from './Root.tsx';

const title = (t: string): RouteHandle => ({ title: t });

export const routes: RouteObject[] = [
  {
    element: <Root />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Start />, handle: title('Welkom') },
      { path: 'auth/callback', element: <AuthCallback />, handle: title('Aanmelden') },
      { path: 'help', element: <Help />, handle: title('Help') },
      {
        path: 'portaal',
        element: <PortalLanding />,
        handle: title('Dienstverlener voor de kmo-portefeuille'),
      },
      {
        path: 'portaal/toegang',
        element: (
          <RequireAuth>
            <PortalAccess />
          </RequireAuth>
        ),
        handle: title('Toegang kmo-portefeuille'),
      },
      {
        path: 'helpdesk',
        element: (
          <RequireAuth>
            <Helpdesk />
          </RequireAuth>
        ),
        handle: title('Helpdesk'),
      },
      {
        path: 'meldingen',
        element: (
          <RequireAuth>
            <Notifications />
          </RequireAuth>
        ),
        handle: title('Meldingen'),
      },
      {
        path: 'organisaties',
        element: (
          <RequireAuth>
            <ChooseOrganisation />
          </RequireAuth>
        ),
        handle: title('Kies uw organisatie'),
      },
      {
        path: 'o/:en',
        element: (
          <RequireAuth>
            <OrganisationLayout />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <Home />, handle: title('Hoofdpagina') },
          { path: 'personen', element: <Persons />, handle: title('Personen') },
          { path: 'personen/nieuw', element: <AddPerson />, handle: title('Voeg gebruiker toe') },
          {
            path: 'personen/importeren',
            element: <ImportPersons />,
            handle: title('Importeer personen (CSV)'),
          },
          { path: 'personen/:personId', element: <PersonPage />, handle: title('Gegevens van gebruiker') },
          {
            path: 'personen/:personId/werkrelatie',
            element: <LinkOrganisation />,
            handle: title('Koppel gebruiker aan organisatie'),
          },
          {
            path: 'personen/:personId/rechten/nieuw',
            element: <GrantRight />,
            handle: title('Ken gebruikersrecht toe'),
          },
          { path: 'rechten', element: <RightsCatalogue />, handle: title('Gebruikersrechten') },
          { path: 'taken', element: <Tasks />, handle: title('Mijn Taken') },
          { path: 'lokale-beheerders', element: <LocalAdmins />, handle: title('Lokale beheerders') },
          { path: 'snel-recht', element: <QuickGrant />, handle: title('Nieuw recht toekennen') },
          { path: 'vergelijk', element: <Compare />, handle: title('Vergelijk meerdere personen') },
          { path: 'historiek', element: <OrganisationHistory />, handle: title('Historiek organisatie') },
          { path: 'toegangsreview', element: <Reviews />, handle: title('Toegangsreview') },
        ],
      },
      { path: '*', element: <NotFound />, handle: title('Pagina niet gevonden') },
    ],
  },
];
