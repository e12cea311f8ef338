import type { DisclosureListQuery } from '../../domain/disclosure';
import type { PublicDisclosure } from '../../domain/disclosure';
import { ValidationError } from '../../domain/errors';
import type { Language } from '../../domain/i18n';
import { listingKeyNames, listingPartition, queryDisclosures, type DisclosureListing } from '../../store/disclosure-store';

/**
 * `GET /v1/disclosures`: published records, newest first. The most
 * selective filter picks the listing read (merchant, else region, else
 * category, else all); the others filter what it reads. The cursor is
 * opaque to clients: the listing and the last record returned, checked on
 * the way back in so it cannot point a query anywhere else.
 */
export interface DisclosureList {
  items: PublicDisclosure[];
  cursor?: string;
}

/** Index pages one request reads at most when filters are rare. */
const maxReads = 5;

interface Cursor {
  listing: DisclosureListing;
  value: string | undefined;
  after: Record<string, string>;
}

const invalidCursor = (lang: Language) =>
  new ValidationError([{ path: 'cursor', message: lang === 'zh-CN' ? '分页标记无效，请从第一页重新开始' : 'Not a cursor this list gave out; start again from the first page' }], 'The query has invalid parameters.');

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.listing, cursor.value ?? null, cursor.after]), 'utf8').toString('base64url');
}

function decodeCursor(raw: string, listing: DisclosureListing, value: string | undefined, lang: Language): Record<string, string> {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor(lang);
  }
  if (!Array.isArray(decoded) || decoded.length !== 3 || decoded[0] !== listing || decoded[1] !== (value ?? null)) throw invalidCursor(lang);
  const after = decoded[2] as Record<string, unknown>;
  const names = listingKeyNames(listing);
  const valid =
    after !== null &&
    typeof after === 'object' &&
    Object.keys(after).sort().join() === [...names].sort().join() &&
    Object.values(after).every((v) => typeof v === 'string' && v.length <= 300) &&
    after[names[2]!] === listingPartition(listing, value) &&
    typeof after.pk === 'string' &&
    after.pk.startsWith('DISCLOSURE#');
  if (!valid) throw invalidCursor(lang);
  return after as Record<string, string>;
}

export async function listDisclosures(query: DisclosureListQuery, now: Date, lang: Language): Promise<DisclosureList> {
  const listing: DisclosureListing = query.merchant ? 'merchant' : query.region ? 'region' : query.category ? 'category' : 'all';
  const value = listing === 'merchant' ? query.merchant : listing === 'region' ? query.region : listing === 'category' ? query.category : undefined;
  const after = query.cursor ? decodeCursor(query.cursor, listing, value, lang) : undefined;
  const page = await queryDisclosures({
    listing,
    value,
    filters: {
      ...(listing !== 'region' && query.region ? { region: query.region } : {}),
      ...(listing !== 'category' && query.category ? { category: query.category } : {}),
      ...(query.q ? { nameContains: query.q } : {}),
    },
    limit: query.limit,
    ...(after ? { after } : {}),
    nowEpochSeconds: Math.floor(now.getTime() / 1000),
    maxReads,
  });
  return { items: page.items, ...(page.last ? { cursor: encodeCursor({ listing, value, after: page.last }) } : {}) };
}
