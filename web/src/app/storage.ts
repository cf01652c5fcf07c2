/** The organisation one works for, kept for this tab only (pages outside `/o/:en` still show its navigation). */
const ORG_KEY = 'gb.organisatie';

export function rememberOrganisation(enterpriseNumber: string) {
  sessionStorage.setItem(ORG_KEY, enterpriseNumber);
}

export function rememberedOrganisation(): string | null {
  return sessionStorage.getItem(ORG_KEY);
}

export function forgetOrganisation() {
  sessionStorage.removeItem(ORG_KEY);
}
