import { disclosureCursorSchema, type DisclosureListQuery } from '../../domain/disclosure/list-query';
import type { PublicDisclosure } from '../../domain/disclosure';
import { decodeCursor, encodeCursor, InvalidCursorError } from '../../domain/validation/cursor';
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

function decodeListingCursor(raw: string, listing: DisclosureListing, value: string | undefined): Record<string, string> {
  const [cursorListing, cursorValue, after] = decodeCursor(raw, disclosureCursorSchema);
  const names = listingKeyNames(listing);
  const valid =
    cursorListing === listing &&
    cursorValue === (value ?? null) &&
    Object.keys(after).sort().join() === [...names].sort().join() &&
    after[names[2]!] === listingPartition(listing, value) &&
    typeof after.pk === 'string' &&
    after.pk.startsWith('DISCLOSURE#');
  if (!valid) throw new InvalidCursorError();
  return after;
}

export async function listDisclosures(query: DisclosureListQuery, now: Date): Promise<DisclosureList> {
  const listing: DisclosureListing = query.merchant ? 'merchant' : query.region ? 'region' : query.category ? 'category' : 'all';
  const value = listing === 'merchant' ? query.merchant : listing === 'region' ? query.region : listing === 'category' ? query.category : undefined;
  const after = query.cursor ? decodeListingCursor(query.cursor, listing, value) : undefined;
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
  return { items: page.items, ...(page.last ? { cursor: encodeCursor([listing, value ?? null, page.last]) } : {}) };
}
