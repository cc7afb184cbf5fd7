// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { renderInBody } from '../../test/fixtures/partner-center/load';
import { controlValue, groupLabelOf, isChecked, isRadio, numberText, selectedText } from './controls';

function el(selector: string, root: ParentNode = document): Element {
  const found = root.querySelector(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

beforeEach(() => {
  document.body.replaceChildren();
});

describe('isChecked', () => {
  it('reads the live state of native inputs, not the attribute', () => {
    renderInBody('<input id="a" type="checkbox" checked><input id="b" type="checkbox">');
    (el('#a') as HTMLInputElement).checked = false;
    (el('#b') as HTMLInputElement).checked = true;
    expect(isChecked(el('#a'))).toBe(false);
    expect(isChecked(el('#b'))).toBe(true);
  });

  it('reads aria-checked, then a reflected checked attribute, on custom controls', () => {
    renderInBody('<div id="a" role="checkbox" aria-checked="true"></div><div id="b" role="switch" aria-checked="false" checked></div><x-box id="c" role="checkbox" checked></x-box><x-box id="d" role="checkbox" checked="false"></x-box>');
    expect(['#a', '#b', '#c', '#d'].map((id) => isChecked(el(id)))).toEqual([true, false, true, false]);
  });
});

describe('isRadio', () => {
  it('knows native and ARIA radios', () => {
    renderInBody('<input id="a" type="radio"><div id="b" role="radio"></div><input id="c" type="checkbox">');
    expect(['#a', '#b', '#c'].map((id) => isRadio(el(id)))).toEqual([true, true, false]);
  });
});

describe('selectedText', () => {
  it('reads the chosen option of a native select, and nothing for a prompt', () => {
    renderInBody('<select id="s"><option value="">Select a country/region</option><option value="FR">France</option></select>');
    const select = el('#s') as HTMLSelectElement;
    expect(selectedText(select)).toBe('');
    select.value = 'FR';
    expect(selectedText(select)).toBe('France');
  });

  it('ignores a disabled option', () => {
    renderInBody('<select id="s"><option value="x" disabled>Choose one</option></select>');
    (el('#s') as HTMLSelectElement).value = 'x';
    expect(selectedText(el('#s'))).toBe('');
  });

  it('reads ARIA comboboxes and listboxes', () => {
    renderInBody(`<input id="i" role="combobox" value="Belgique"><div id="d" role="combobox">Canada</div>
      <div id="l" role="listbox"><div role="option">A</div><div role="option" aria-selected="true">Suisse</div></div>
      <div id="p" role="combobox">Sélectionnez un bureau</div>`);
    expect(['#i', '#d', '#l', '#p'].map((id) => selectedText(el(id)))).toEqual(['Belgique', 'Canada', 'Suisse', '']);
  });
});

describe('selectedText on a custom select holding its options', () => {
  it('shows the selected option, not the option list or the option code', () => {
    renderInBody(`<x-select id="s" role="combobox" value="FR"><template shadowrootmode="open"><div part="selected-value">France</div><div role="listbox"><slot></slot></div></template>
      <x-option role="option">Belgique</x-option><x-option role="option" aria-selected="true">France</x-option></x-select>
      <x-select id="n" role="combobox" value="BE"><x-option role="option">Belgique</x-option></x-select>`);
    expect(selectedText(el('#s'))).toBe('France');
    expect(selectedText(el('#n'))).toBe('');
  });
});

describe('numberText', () => {
  it('reads a field value or a spinbutton value', () => {
    renderInBody('<input id="n" type="number" value="25"><div id="s" role="spinbutton" aria-valuenow="8"></div>');
    expect(numberText(el('#n'))).toBe('25');
    expect(numberText(el('#s'))).toBe('8');
  });
});

describe('controlValue', () => {
  it('reads each kind of control, and nothing from a choice', () => {
    renderInBody(`<input id="t" value=" PO-1 "><textarea id="a">Notes</textarea><input id="c" type="checkbox" checked>
      <div id="s" role="spinbutton" aria-valuenow="3"></div><x-value id="x">Contoso</x-value>`);
    expect(['#t', '#a', '#c', '#s', '#x'].map((id) => controlValue(el(id)))).toEqual(['PO-1', 'Notes', '', '3', 'Contoso']);
  });
});

describe('groupLabelOf', () => {
  it('names a radio by its fieldset legend or radiogroup', () => {
    renderInBody(`<fieldset><legend>Delegated administration</legend><label><input id="y" type="radio"> Yes</label></fieldset>
      <div role="radiogroup" aria-label="Administration déléguée"><div id="o" role="radio">Oui</div></div>`);
    expect(groupLabelOf(el('#y'))).toBe('Delegated administration');
    expect(groupLabelOf(el('#o'))).toBe('Administration déléguée');
  });

  it('names a bare group by the label before it, across shadow roots', () => {
    renderInBody(`<h3>Trial subscriptions</h3><x-list id="list"><template shadowrootmode="open"><div>
      <label><input type="radio" name="t"> A</label><label><input id="b" type="radio" name="t"> B</label></div></template></x-list>`);
    const shadow = el('#list').shadowRoot as ShadowRoot;
    expect(groupLabelOf(el('#b', shadow))).toBe('Trial subscriptions');
  });
});
