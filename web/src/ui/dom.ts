/**
 * A tiny element builder. Text always goes in as text nodes, never as HTML,
 * so whatever a server or a user wrote cannot inject markup.
 */
type Attributes = Record<string, string | boolean | undefined>;
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) element.append(child);
  return element;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The page has no element #${id}`);
  return element as T;
}

let nextId = 0;
/** Unique ids for wiring labels, hints and error messages together. */
export function uniqueId(prefix: string): string {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/** Adds or removes one id in an `aria-describedby` list, keeping the others. */
export function setDescribedBy(element: HTMLElement, id: string, present: boolean): void {
  const ids = new Set((element.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean));
  if (present) ids.add(id);
  else ids.delete(id);
  if (ids.size > 0) element.setAttribute('aria-describedby', [...ids].join(' '));
  else element.removeAttribute('aria-describedby');
}

/** A `<ul class="case-list">` of the items, or `empty` when there are none. */
export function listOrEmpty(id: string, items: HTMLElement[], empty: HTMLElement): HTMLElement {
  return items.length === 0 ? empty : el('ul', { class: 'case-list', id }, ...items);
}
