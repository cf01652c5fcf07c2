/**
 * The route table: every screen, its path and its page title (a key of the `routes` texts). To add a screen, add a file under
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

const title = (t: RouteHandle['title']): RouteHandle => ({ title: t });

export const routes: RouteObject[] = [
  {
    element: <Root />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <Start />, handle: title('start') },
      { path: 'auth/callback', element: <AuthCallback />, handle: title('callback') },
      { path: 'help', element: <Help />, handle: title('help') },
      {
        path: 'portaal',
        element: <PortalLanding />,
        handle: title('portal'),
      },
      {
        path: 'portaal/toegang',
        element: (
          <RequireAuth>
            <PortalAccess />
          </RequireAuth>
        ),
        handle: title('portalAccess'),
      },
      {
        path: 'helpdesk',
        element: (
          <RequireAuth>
            <Helpdesk />
          </RequireAuth>
        ),
        handle: title('helpdesk'),
      },
      {
        path: 'meldingen',
        element: (
          <RequireAuth>
            <Notifications />
          </RequireAuth>
        ),
        handle: title('notifications'),
      },
      {
        path: 'organisaties',
        element: (
          <RequireAuth>
            <ChooseOrganisation />
          </RequireAuth>
        ),
        handle: title('organisations'),
      },
      {
        path: 'o/:en',
        element: (
          <RequireAuth>
            <OrganisationLayout />
          </RequireAuth>
        ),
        children: [
          { index: true, element: <Home />, handle: title('home') },
          { path: 'personen', element: <Persons />, handle: title('persons') },
          { path: 'personen/nieuw', element: <AddPerson />, handle: title('addPerson') },
          { path: 'personen/importeren', element: <ImportPersons />, handle: title('importPersons') },
          { path: 'personen/:personId', element: <PersonPage />, handle: title('person') },
          {
            path: 'personen/:personId/werkrelatie',
            element: <LinkOrganisation />,
            handle: title('link'),
          },
          {
            path: 'personen/:personId/rechten/nieuw',
            element: <GrantRight />,
            handle: title('grant'),
          },
          { path: 'rechten', element: <RightsCatalogue />, handle: title('rights') },
          { path: 'taken', element: <Tasks />, handle: title('tasks') },
          { path: 'lokale-beheerders', element: <LocalAdmins />, handle: title('localAdmins') },
          { path: 'snel-recht', element: <QuickGrant />, handle: title('quickGrant') },
          { path: 'vergelijk', element: <Compare />, handle: title('compare') },
          { path: 'historiek', element: <OrganisationHistory />, handle: title('history') },
          { path: 'toegangsreview', element: <Reviews />, handle: title('review') },
        ],
      },
      { path: '*', element: <NotFound />, handle: title('notFound') },
    ],
  },
];
