/**
 * Who is logged in (`GET /api/me`) and for which organisation they work now. The organisation is the
 * `:en` of the route (`/o/0795012394/...`); the last one is also kept in sessionStorage (storage.ts).
 */
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { type Resource, useApi, useResource } from './api.ts';
import { useAuth } from './auth.tsx';
import type { MeDto, OrganisationDto } from './types.ts';

export { rememberedOrganisation, rememberOrganisation } from './storage.ts';

const MeContext = createContext<Resource<MeDto> | null>(null);

export function MeProvider({ children }: { children: ReactNode }) {
  const auth = useAuth();
  const api = useApi();
  const key = auth.status === 'authenticated' ? `me:${auth.user?.profile.sub ?? ''}` : null;
  const me = useResource(key, (signal) => api.get<MeDto>('/me', { signal }));
  return <MeContext.Provider value={me}>{children}</MeContext.Provider>;
}

export function useMe(): Resource<MeDto> {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe outside MeProvider');
  return me;
}

export interface CurrentOrganisation extends OrganisationDto {
  isAdmin: boolean;
}

const OrganisationContext = createContext<CurrentOrganisation | null>(null);

export function OrganisationProvider({
  organisation,
  children,
}: {
  organisation: OrganisationDto;
  children: ReactNode;
}) {
  const value = useMemo(
    () => ({ ...organisation, isAdmin: organisation.roles.includes('local-admin') }),
    [organisation],
  );
  return <OrganisationContext.Provider value={value}>{children}</OrganisationContext.Provider>;
}

/** The organisation of the current `/o/:en/...` route. */
export function useOrganisation(): CurrentOrganisation {
  const org = useContext(OrganisationContext);
  if (!org) throw new Error('useOrganisation outside an organisation route');
  return org;
}

/** `/o/0795012394` + path. */
export function orgPath(enterpriseNumber: string, path = ''): string {
  return `/o/${enterpriseNumber}${path}`;
}
