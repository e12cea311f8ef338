import { emailFinders, identityFinders, phoneFinders, type Finder } from './contact-patterns';
import { placeholders, type PlaceholderKind } from './placeholders';

/** What both profiles remove, in an order where a longer shape is found before a shorter one inside it. */
export const contactFinders: Finder[] = [...emailFinders, ...identityFinders, ...phoneFinders];

/** Each finder in turn over the text, every match replaced with its placeholder. */
export function applyFinders(text: string, finders: readonly Finder[]): string {
  let scrubbed = text;
  for (const finder of finders) scrubbed = finder.extendsBack ? replaceExtendingBack(scrubbed, finder) : replaceMatches(scrubbed, finder);
  return scrubbed;
}

function replaceMatches(text: string, { kind, pattern, classify }: Finder): string {
  return text.replace(pattern, (match: string, ...rest: unknown[]) => {
    const offset = rest.find((value) => typeof value === 'number') as number;
    const decided: PlaceholderKind | undefined = classify ? classify(match, offset, text) : kind;
    return decided ? placeholders[decided] : match;
  });
}

/** Each match and the name before it (group 1, found by a look-behind) become the placeholder. */
function replaceExtendingBack(text: string, { kind, pattern }: Finder): string {
  let scrubbed = '';
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const start = Math.max(last, match.index - (match[1]?.length ?? 0));
    scrubbed += text.slice(last, start) + placeholders[kind];
    last = match.index + match[0].length;
  }
  return scrubbed + text.slice(last);
}

