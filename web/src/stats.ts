import { categories, regions } from '../../functions/reference';
import { byId, el } from './ui/dom';
import { initLanguage, language, pick, setLanguage, t, translateStaticText, whenLanguageChanges } from './ui/i18n';
import { statisticsCsvUrl } from './stats/api';
import { disclosuresList } from './stats/disclosures-view';
import { figuresSection, periodOf, type PeriodChoice } from './stats/figures-view';
import { merchantLookup } from './stats/merchant-lookup';
import { monthName, st, translateStatsText } from './stats/words';

/**
 * stats.html: the public statistics (charts by month, category and region,
 * resolution rates, CSV download), the published complaint records with a
 * search, and a merchant look-up. zh-CN by default, English by the same
 * switch as the consumer pages.
 */
initLanguage();

const languageSwitch = byId<HTMLButtonElement>('language-switch');
const yearSelect = byId<HTMLSelectElement>('period-year');
const monthSelect = byId<HTMLSelectElement>('period-month');
const csvBySelect = byId<HTMLSelectElement>('csv-by');
const csvLink = byId<HTMLAnchorElement>('csv-download');
const searchForm = byId<HTMLFormElement>('disclosure-search');
const searchText = byId<HTMLInputElement>('disclosure-q');
const searchRegion = byId<HTMLSelectElement>('disclosure-region');
const searchCategory = byId<HTMLSelectElement>('disclosure-category');
const lookupForm = byId<HTMLFormElement>('merchant-lookup');
const lookupInput = byId<HTMLInputElement>('merchant-query');

const figures = figuresSection(byId('figures-mount'));
const disclosures = disclosuresList(byId('disclosures-mount'));
const lookup = merchantLookup(byId('merchant-mount'));

const thisYear = Number(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(new Date()));
const prefectures = regions.filter((region) => region.level === 'prefecture');
const breakdowns = [
  ['all', 'byAll'],
  ['category', 'byCategory'],
  ['region', 'byRegion'],
  ['issue', 'byIssue'],
  ['step', 'byStep'],
  ['outcome', 'byOutcome'],
] as const;

/** Replaces a select's options, keeping the chosen value. */
function fillSelect(select: HTMLSelectElement, options: readonly (readonly [string, string])[]): void {
  const chosen = select.value;
  select.replaceChildren(...options.map(([value, label]) => el('option', { value }, label)));
  if (options.some(([value]) => value === chosen)) select.value = chosen;
}

function fillControls(): void {
  fillSelect(yearSelect, Array.from({ length: 4 }, (_, i) => String(thisYear - i)).map((year) => [year, year] as const));
  fillSelect(monthSelect, [['', st('wholeYear')], ...Array.from({ length: 12 }, (_, i) => [String(i + 1).padStart(2, '0'), monthName(i + 1)] as const)]);
  fillSelect(csvBySelect, breakdowns.map(([value, key]) => [value, st(key)] as const));
  fillSelect(searchRegion, [['', st('anyRegion')], ...prefectures.map((region) => [region.code, pick(region.name)] as const)]);
  fillSelect(searchCategory, [['', st('anyCategory')], ...categories.map((category) => [category.code, pick(category.label)] as const)]);
}

const choice = (): PeriodChoice => ({ year: yearSelect.value, month: monthSelect.value || undefined });

/** The figures and the CSV link always show the same period. */
function showPeriod(): void {
  csvLink.href = statisticsCsvUrl(periodOf(choice()), csvBySelect.value === 'all' ? undefined : csvBySelect.value, language());
  void figures.show(choice());
}
const filters = () => ({ q: searchText.value.trim() || undefined, region: searchRegion.value || undefined, category: searchCategory.value || undefined });

languageSwitch.addEventListener('click', () => setLanguage(language() === 'zh-CN' ? 'en' : 'zh-CN'));
let started = false;
whenLanguageChanges(() => {
  translateStaticText();
  translateStatsText();
  languageSwitch.textContent = t('switchLanguage');
  languageSwitch.setAttribute('lang', language() === 'zh-CN' ? 'en' : 'zh-CN');
  languageSwitch.setAttribute('aria-label', t('switchLanguageLabel'));
  document.title = `${st('pageTitle')} · ${t('brandName')}`;
  fillControls();
  // Labels come from the API in the page language: fetch again on a switch.
  if (started) {
    showPeriod();
    disclosures.redraw();
  }
});
csvBySelect.value = 'category';

yearSelect.addEventListener('change', showPeriod);
monthSelect.addEventListener('change', showPeriod);
csvBySelect.addEventListener('change', () => {
  csvLink.href = statisticsCsvUrl(periodOf(choice()), csvBySelect.value === 'all' ? undefined : csvBySelect.value, language());
});
byId<HTMLFormElement>('period-controls').addEventListener('submit', (event) => event.preventDefault());
searchForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void disclosures.search(filters());
});
lookupForm.addEventListener('submit', (event) => {
  event.preventDefault();
  void lookup.lookUp(lookupInput.value);
});

started = true;
showPeriod();
void disclosures.search({});
document.body.classList.add('ready');
