// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, loadFixture, renderInBody } from '../../test/fixtures/partner-center/load';
import { deepTreeRoots } from './deep-dom';
import { detectWizardStep, kindFromHeading, wizardHeading } from './detect';

const PURCHASE = 'https://portal.office.com/partner/partnersignup.aspx?type=Purchase&id=823604c2-4847-4219-9afd-177fb32dc8ab&msppid=4227824';

beforeEach(() => {
  document.body.replaceChildren();
});

describe('detectWizardStep on the fixtures', () => {
  it.each([
    [FIXTURES.optionsPurchaseEn, { step: 'options', kind: 'purchase' }],
    [FIXTURES.optionsPurchaseFr, { step: 'options', kind: 'purchase' }],
    [FIXTURES.optionsTrialEn, { step: 'options', kind: 'trial' }],
    [FIXTURES.resultPurchaseEn, { step: 'result', kind: 'purchase' }],
    [FIXTURES.resultPurchaseFr, { step: 'result', kind: 'purchase' }],
    [FIXTURES.resultTrialEn, { step: 'result', kind: 'trial' }],
    [FIXTURES.resultTrialFr, { step: 'result', kind: 'trial' }],
    [FIXTURES.resultNoSummaryEn, { step: 'result', kind: 'purchase' }],
    [FIXTURES.resultNestedShadowEn, { step: 'result', kind: 'purchase' }],
    [FIXTURES.resultPlaceholderEn, { step: 'result', kind: 'purchase' }],
    [FIXTURES.noOfferEn, null],
  ])('%s', (file, expected) => {
    expect(detectWizardStep(loadFixture(file))).toEqual(expected);
  });
});

describe('detectWizardStep by structure', () => {
  it('recognises the documented form without any known label', () => {
    renderInBody('<h1>Nouvelle offre</h1><select><option>X</option></select><input type="checkbox"><input type="number" value="2">');
    expect(detectWizardStep(document)).toEqual({ step: 'options', kind: null });
  });

  it('recognises a trial form by two field labels next to controls', () => {
    renderInBody('<fieldset><legend>Abonnements d’essai</legend><input type="radio"></fieldset><label>Bureau partenaire <select></select></label>');
    expect(detectWizardStep(document)).toEqual({ step: 'options', kind: 'trial' });
  });

  it('recognises a form without selects by its field labels', () => {
    renderInBody('<fieldset><legend>Trial subscriptions</legend><input type="radio"></fieldset><dl><dt>Partner office</dt><dd>Contoso</dd></dl>');
    expect(detectWizardStep(document)).toEqual({ step: 'options', kind: 'trial' });
  });

  it('takes the kind from the URL, whatever the heading says', () => {
    renderInBody(`<h1>Create purchase offer</h1><p>${PURCHASE.replace('Purchase', 'Trial')}</p>`);
    expect(detectWizardStep(document)).toEqual({ step: 'result', kind: 'trial' });
  });

  it('works on a shadow root', () => {
    renderInBody(`<x-app><template shadowrootmode="open"><input value="${PURCHASE.replaceAll('&', '&amp;')}"></template></x-app>`);
    const shadow = document.querySelector('x-app')?.shadowRoot as ShadowRoot;
    expect(detectWizardStep(shadow)).toEqual({ step: 'result', kind: 'purchase' });
  });

  it('does not take a list of subscriptions with checkboxes and a quantity column for the wizard', () => {
    renderInBody(`<table><tr><th>Subscription</th><th>Quantity</th></tr>
      <tr><td><input type="checkbox" aria-label="Select"> Microsoft 365 E3</td><td>25</td></tr></table>`);
    expect(detectWizardStep(document)).toBeNull();
  });

  it('ignores a wizard heading with no form under it, and a page with nothing', () => {
    renderInBody('<h1>Create purchase offer</h1><p>Loading</p>');
    expect(detectWizardStep(document)).toBeNull();
    renderInBody('');
    expect(detectWizardStep(document)).toBeNull();
  });
});

describe('kindFromHeading', () => {
  it('maps wizard and result headings to a kind and a step', () => {
    renderInBody('<h1 id="a">Créer une invitation d’essai</h1><h1 id="b"><span>Your trial</span> invitation</h1><h1 id="c">Envoyer</h1><h1 id="d">Customers</h1>');
    expect(['#a', '#b', '#c', '#d'].map((id) => kindFromHeading(document.querySelector(id) as Element))).toEqual([
      { kind: 'trial', step: 'options' },
      { kind: 'trial', step: 'result' },
      { kind: 'purchase', step: 'result' },
      null,
    ]);
  });
});

describe('wizardHeading', () => {
  it('finds the first wizard heading, in a shadow root too', () => {
    renderInBody('<h1>Customers</h1><x-page><template shadowrootmode="open"><h2>Create trial invitation</h2></template></x-page>');
    expect(wizardHeading(deepTreeRoots(document))).toEqual({ kind: 'trial', step: 'options' });
    renderInBody('<h1>Customers</h1>');
    expect(wizardHeading(deepTreeRoots(document))).toBeNull();
  });
});
