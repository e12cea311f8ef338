/**
 * Hash routes, so every view (and its filters) has an address a person can
 * bookmark or share and the static site needs no server-side routing:
 * `#/queue?status=accepted&overdue=true`, `#/case/HN-...`, `#/safety`.
 */
export interface Route {
  view: string;
  /** `#/case/ID` -> `ID` */
  id?: string;
  params: URLSearchParams;
}

export function currentRoute(): Route {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = hash.split('?');
  const [view = '', id] = path.split('/').map(decodeURIComponent);
  return { view, ...(id ? { id } : {}), params: new URLSearchParams(query) };
}

export function hrefOf(view: string, params?: Record<string, string | undefined> | URLSearchParams, id?: string): string {
  const query =
    params instanceof URLSearchParams
      ? params
      : new URLSearchParams(Object.entries(params ?? {}).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''));
  const text = query.toString();
  return `#/${view}${id ? `/${encodeURIComponent(id)}` : ''}${text ? `?${text}` : ''}`;
}

export function go(href: string): void {
  if (location.hash === href) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = href;
}
