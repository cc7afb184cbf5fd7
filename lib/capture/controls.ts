import { deepAncestors, groupNameOf, deepQuerySelectorAll, deepText, nearbyLabel } from './deep-dom';
import { isPlaceholder } from './labels';
import { CHOICE_SELECTOR, NUMBER_SELECTOR, OPTION_SELECTOR, RADIO_SELECTOR, SELECT_SELECTOR, TEXT_ENTRY_SELECTOR } from './selectors';
import { cleanText } from './text';

export function isRadio(control: Element): boolean {
  return control.matches(RADIO_SELECTOR);
}

/** Checked state of a native or ARIA choice control (custom elements may only reflect `checked`). */
export function isChecked(control: Element): boolean {
  if (control.tagName === 'INPUT') return (control as HTMLInputElement).checked;
  const aria = control.getAttribute('aria-checked');
  if (aria !== null) return aria === 'true';
  const attribute = control.getAttribute('checked');
  return attribute !== null && attribute !== 'false';
}

function stringProperty(element: Element, name: 'value'): string {
  const value: unknown = (element as unknown as Record<string, unknown>)[name];
  return typeof value === 'string' ? value : '';
}

/** The choice a select-like control shows, or '' when it shows a prompt ("Select a country"). */
export function selectedText(control: Element): string {
  let text: string;
  if (control.tagName === 'SELECT') {
    const option = Array.from((control as HTMLSelectElement).options).find((candidate) => candidate.selected);
    text = option && option.value !== '' && !option.disabled ? (option.label || option.text) : '';
  } else if (control.tagName === 'INPUT') {
    text = (control as HTMLInputElement).value;
  } else {
    // A custom select (role combobox or listbox) often holds its whole option list: show the
    // selected option, and nothing when options exist but none is selected. Its `value` is
    // usually the option's code ("FR"), so it is the last resort, after the visible text.
    const options = deepQuerySelectorAll(control, OPTION_SELECTOR, 500);
    const selected = options.find((option) => option.getAttribute('aria-selected') === 'true' || option.hasAttribute('selected'));
    text =
      control.getAttribute('aria-valuetext') ??
      (selected ? deepText(selected) : options.length > 0 ? '' : deepText(control) || stringProperty(control, 'value') || control.getAttribute('value') || '');
  }
  const cleaned = cleanText(text);
  return isPlaceholder(cleaned) ? '' : cleaned;
}

/** What a number field holds, as text (parsed by the caller). */
export function numberText(control: Element): string {
  return stringProperty(control, 'value') || control.getAttribute('aria-valuenow') || control.getAttribute('value') || '';
}

/** The value a control shows, for label/value reading: '' for choices and empty controls. */
export function controlValue(control: Element): string {
  if (control.matches(CHOICE_SELECTOR)) return '';
  if (control.matches(SELECT_SELECTOR)) return selectedText(control);
  if (control.matches(NUMBER_SELECTOR)) return cleanText(numberText(control));
  if (control.matches(TEXT_ENTRY_SELECTOR)) return cleanText((control as { value?: string }).value ?? '');
  return deepText(control);
}

/**
 * The label of the group a radio or checkbox belongs to (its fieldset legend, its
 * radiogroup's name, or the label before the smallest ancestor holding the whole group).
 */
export function groupLabelOf(control: Element): string {
  const ancestors = deepAncestors(control, 5);
  for (const ancestor of ancestors) {
    const name = groupNameOf(ancestor);
    if (name) return name;
  }
  const group = ancestors.find((ancestor) => deepQuerySelectorAll(ancestor, CHOICE_SELECTOR, 300).length >= 2);
  return group ? nearbyLabel(group, 1) : '';
}
