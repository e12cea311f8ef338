import { regions } from '../../../functions/reference';
import { el } from '../ui/dom';
import { whenLanguageChanges } from '../ui/i18n';
import type { TextKey } from '../ui/texts';
import { controlLabel, fillSelect, groupField, type FieldHandle } from './fields';

/**
 * Two pickers from the bundled region seed: the prefecture (市, 济源 counts
 * as one), then its counties and districts. The value is the county's code,
 * or the prefecture's when the person is not sure of the county: the API
 * takes both levels.
 */
const prefectures = regions.filter((region) => region.level === 'prefecture');

function countiesOf(prefectureCode: string) {
  return regions.filter((region) => region.level === 'county' && region.prefectureCode === prefectureCode);
}

export interface RegionPicker {
  row: HTMLElement;
  handle: FieldHandle;
  value(): string;
  /** Both selects, for blur checks. */
  controls: HTMLSelectElement[];
}

export function regionPicker(options: { path: string; legend: TextKey; hint?: TextKey; required: boolean }): RegionPicker {
  const baseId = `field-${options.path.replace(/\./g, '-')}`;
  const prefecture = el('select', { id: `${baseId}-prefecture`, name: `${options.path}.prefecture`, autocomplete: 'off' });
  const county = el('select', { id: `${baseId}-county`, name: `${options.path}.county`, autocomplete: 'off' });
  if (options.required) prefecture.setAttribute('aria-required', 'true');

  const fillCounties = () => {
    const chosen = prefecture.value;
    county.disabled = chosen === '';
    if (chosen === '') fillSelect(county, 'chooseCityFirst', []);
    else fillSelect(county, 'wholePrefecture', countiesOf(chosen).map((region) => ({ value: region.code, label: region.name })));
  };
  prefecture.addEventListener('change', () => {
    county.value = '';
    fillCounties();
  });
  whenLanguageChanges(() => {
    fillSelect(prefecture, 'choose', prefectures.map((region) => ({ value: region.code, label: region.name })));
    fillCounties();
  });

  const pair = el(
    'div',
    { class: 'region-pair' },
    el('div', { class: 'region-part' }, controlLabel(prefecture.id, 'prefecture', 'sub-label'), prefecture),
    el('div', { class: 'region-part' }, controlLabel(county.id, 'county', 'sub-label'), county),
  );
  const { row, handle } = groupField({
    path: options.path,
    legend: options.legend,
    hint: options.hint,
    required: options.required,
    controls: [prefecture, county],
    body: [pair],
    focusTarget: prefecture,
  });
  return { row, handle, value: () => county.value || prefecture.value, controls: [prefecture, county] };
}
