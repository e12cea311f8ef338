/**
 * Hands a just-filed case to the tracking page. The case id travels in the
 * URL fragment (never sent to a server); the access code only through this
 * tab's sessionStorage, so it never lands in a URL, a log or the history.
 */
const storageKey = 'redress.lastFiled';

export function trackingLink(caseId: string): string {
  return `track.html#case=${encodeURIComponent(caseId)}`;
}

export function rememberForTracking(caseId: string, accessCode: string): void {
  try {
    sessionStorage.setItem(storageKey, JSON.stringify({ caseId, accessCode }));
  } catch {
    // Storage blocked: the person types the code they noted down.
  }
}

/** The case id from the fragment and, when this tab filed that case, its access code. */
export function handedOver(fragment: string): { caseId: string; accessCode: string } {
  const caseId = new URLSearchParams(fragment.replace(/^#/, '')).get('case') ?? '';
  let accessCode = '';
  try {
    const stored = JSON.parse(sessionStorage.getItem(storageKey) ?? 'null') as { caseId?: unknown; accessCode?: unknown } | null;
    if (stored && stored.caseId === caseId && typeof stored.accessCode === 'string') accessCode = stored.accessCode;
  } catch {
    // Nothing usable stored.
  }
  return { caseId, accessCode };
}
