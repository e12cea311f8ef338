import { addDays, chinaDate, daysBetween } from '../../functions/domain/calendar/dates';
import { categoryByCode, regions } from '../../functions/reference';
import { demoMerchants, demoSeed, type DemoMerchant } from './demo-seed';
import { DemoRandom } from './random';

/**
 * One demo complaint as the web form would send it, filed at a simulated
 * `receivedAt` in the 12 months before the demo's anchor. Everything comes
 * from `seeds/demo-complaints.json` and a random stream seeded by the
 * complaint's number, so every run generates the same complaints.
 */
export interface DemoComplaint {
  /** The Idempotency-Key it is filed with: the same on every run. */
  idempotencyKey: string;
  receivedAt: Date;
  body: ComplaintBody;
  /** Seeds the walk through the lifecycle after routing. */
  seed: number;
  /** The registered merchant it names, if any. */
  merchant?: DemoMerchant;
  /** Filed again a few days later by the same consumer (refused as a duplicate while the first is open). */
  refiledAt?: Date;
}

export type ComplaintBody = Record<string, unknown> & { description: string };

const dayMs = 86_400_000;
const counties = regions.filter((region) => region.level === 'county');

function consumerName(random: DemoRandom): string {
  return random.pick(demoSeed.surnames) + random.pick(demoSeed.givenNames);
}

function mobilePhone(random: DemoRandom): string {
  return `1${random.pick(['3', '5', '7', '8', '9'])}${String(random.int(0, 999_999_999)).padStart(9, '0')}`;
}

function regionIn(prefecture: string, random: DemoRandom): string {
  const inside = counties.filter((county) => county.prefectureCode === prefecture);
  return inside.length > 0 ? random.pick(inside).code : prefecture;
}

function regionName(code: string): string {
  return regions.find((region) => region.code === code)?.name['zh-CN'] ?? '';
}

function chineseDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

function fill(template: string, slots: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => slots[name] ?? '');
}

/** How the merchant is named: a registered one, one known by credit-code-free details, by name only (review) or not at all (refused). */
function merchantBlock(category: string, consumerRegion: string, random: DemoRandom, online: boolean) {
  const registered = demoMerchants.filter((merchant) => merchant.category === category);
  const roll = random.float();
  if (roll < 0.015) return { block: { name: '商家' } };
  if (roll < 0.05) return { block: { name: `${regionName(consumerRegion)}${random.pick(['一家', '街边', '路口'])}${random.pick(['小店', '门市部', '专卖店'])}` } };
  if (registered.length > 0 && roll < 0.7) {
    const merchant = random.pick(registered);
    return { merchant, block: { name: merchant.name, creditCode: merchant.creditCode, regionCode: merchant.regionCode } };
  }
  const region = random.chance(0.8) ? consumerRegion : regionIn(random.pick(demoSeed.prefectureWeights).code, random);
  const kind = categoryByCode(category)?.kind === 'services' ? random.pick(['服务部', '工作室', '服务中心']) : random.pick(['商行', '经营部', '专卖店']);
  const name = `${regionName(region)}${random.pick(demoSeed.surnames)}记${kind}`;
  return {
    block: online
      ? { name, regionCode: region, platform: random.pick(demoSeed.platforms) }
      : { name, regionCode: region, address: `${regionName(region)}${random.pick(['人民', '建设', '解放', '中山', '文化'])}路${random.int(1, 300)}号` },
  };
}

function claimFor(random: DemoRandom, priceFen: number) {
  const type = random.weighted(
    [
      ['refund', 44],
      ['return', 8],
      ['exchange', 12],
      ['repair', 10],
      ['compensation', 15],
      ['apology', 4],
      ['disclosure_only', 4],
      ['other', 3],
    ] as const,
    ([, weight]) => weight,
  )[0];
  const amountFen = type === 'refund' || type === 'return' ? priceFen : type === 'compensation' ? Math.round((priceFen * random.int(20, 100)) / 100) : undefined;
  return { type, ...(amountFen !== undefined ? { amountFen } : {}) };
}

export function demoComplaint(index: number, anchor: Date, runKey: string): DemoComplaint {
  const seed = 7919 * (index + 1);
  const random = new DemoRandom(seed);
  // Received between 1 and 365 days before the anchor, in office-ish hours China time (UTC+8).
  const daysBack = random.int(1, 365);
  const anchorDay = Date.parse(`${chinaDate(anchor)}T00:00:00+08:00`);
  const receivedAt = new Date(anchorDay - daysBack * dayMs + random.int(8 * 60, 21 * 60) * 60_000);
  const receivedOn = chinaDate(receivedAt);

  const category = random.weighted(demoSeed.categoryShares, (share) => share.percent).code;
  const issue = random.weighted(demoSeed.issueShares, (share) => share.percent).code;
  const prefecture = random.weighted(demoSeed.prefectureWeights, (entry) => entry.weight).code;
  const consumerRegion = regionIn(prefecture, random);
  const online = random.chance(0.62);
  const { merchant, block } = merchantBlock(category, consumerRegion, random, online);
  const item = random.pick(demoSeed.items[category as keyof typeof demoSeed.items] ?? [{ item: '商品', yuan: [100, 1000] as [number, number] }]);
  const priceYuan = random.int(item.yuan[0], item.yuan[1]);
  const timeBarred = random.chance(0.012);
  const purchaseDate = timeBarred ? addDays(receivedOn, -random.int(1200, 1800)) : addDays(receivedOn, -random.int(1, 75));
  const knownSince = addDays(purchaseDate, Math.min(random.int(0, 10), timeBarred ? 10 : Math.max(0, daysBetween(purchaseDate, receivedOn))));
  const claim = claimFor(random, priceYuan * 100);
  const injured = (categoryByCode(category)?.safetyReportable ?? false) && (issue === 'safety' ? random.chance(0.5) : random.chance(0.01));
  const consumer = consumerName(random);

  const kind = categoryByCode(category)?.kind === 'services' ? 'services' : 'goods';
  // The schema requires every issue for goods and services (an enum-keyed record is exhaustive).
  const problems = (category === 'food' ? demoSeed.problems.food[issue] : undefined) ?? demoSeed.problems[kind][issue]!;
  const problem = fill(random.pick(problems), {
    days: String(random.int(2, 40)),
    defect: random.pick(demoSeed.defects),
    servicefault: random.pick(demoSeed.serviceFaults),
    foodfault: random.pick(demoSeed.foodFaults),
    hazard: random.pick(demoSeed.hazards),
    extraYuan: String(random.int(20, Math.max(21, Math.round(priceYuan / 5)))),
  });
  const description = `我于${chineseDate(purchaseDate)}${online && 'platform' in block ? `在${block.platform}上的` : '在'}${block.name}购买了${item.item}，花费${priceYuan}元。${problem}${demoSeed.claimSentences[claim.type]}`;
  const body: ComplaintBody = {
    consumer: { name: consumer, phone: mobilePhone(random), regionCode: consumerRegion, ...(random.chance(0.4) ? { email: `user${seed}@example.cn` } : {}) },
    merchant: block,
    purchase: { date: purchaseDate, amountFen: priceYuan * 100, channel: online ? 'online' : random.chance(0.9) ? 'offline' : random.pick(['tv', 'phone', 'mail']), orderRef: `DD${receivedOn.replaceAll('-', '')}${String(index).padStart(6, '0')}` },
    category,
    issue,
    description,
    claim,
    injury: injured ? { occurred: true, description: '使用时受伤，已到医院就诊。' } : { occurred: false },
    knownSince,
    consent: { publishNarrative: random.chance(0.3) },
  };
  const refiledAt = random.chance(0.012) ? new Date(receivedAt.getTime() + random.int(1, 3) * dayMs) : undefined;
  return { idempotencyKey: `demo-${runKey}-${index}`, receivedAt, body, seed, ...(merchant ? { merchant } : {}), ...(refiledAt && refiledAt < anchor ? { refiledAt } : {}) };
}

/** `count` complaints, oldest first (filing in date order keeps the intake schema's per-day cache warm). */
export function demoComplaints(count: number, anchor: Date, runKey: string): DemoComplaint[] {
  return Array.from({ length: count }, (_, index) => demoComplaint(index, anchor, runKey)).sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime());
}
