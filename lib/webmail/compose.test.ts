// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { adapterForHost } from './adapters';
import { composeRoot, describeCompose, findComposeBodies, isToFieldBlank, readRecipients } from './compose';
import { gmailAdapter } from './gmail';
import { outlookAdapter } from './outlook';
import { MAX_RECIPIENTS } from './recipients';

function page(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

const GMAIL_COMPOSE = (id: string, to = '') => `
  <div role="dialog" id="${id}">
    <form><div name="to">${to}<input id="${id}-to"></div><input name="subjectbox" id="${id}-subject"></form>
    <table><tr><td><div id="${id}-body" contenteditable="true" role="textbox" g_editable="true"></div></td></tr></table>
  </div>`;

describe('compose discovery', () => {
  it('picks the adapter by host', () => {
    expect(adapterForHost('mail.google.com')).toBe(gmailAdapter);
    expect(adapterForHost('OUTLOOK.office365.com')).toBe(outlookAdapter);
    expect(adapterForHost('example.com')).toBeUndefined();
  });

  it('finds each Gmail compose window with its own subject and To, without labels or classes', () => {
    const doc = page(`<input name="q">${GMAIL_COMPOSE('a')}${GMAIL_COMPOSE('b')}`);
    const bodies = findComposeBodies(doc, gmailAdapter);
    expect(bodies.map((body) => body.id)).toEqual(['a-body', 'b-body']);
    const second = describeCompose(bodies[1]!, gmailAdapter);
    expect(second.subject?.id).toBe('b-subject');
    expect(second.to?.id).toBe('b-to');
    expect(second.provider).toBe('gmail');
  });

  it('finds Outlook fields: the 255-character subject and the first recipient well', () => {
    const doc = page(`
      <input role="combobox" aria-label="Search">
      <div><div role="textbox" contenteditable="true" id="to"></div><div role="textbox" contenteditable="true" id="cc"></div>
      <input maxlength="255" id="subject"><div><div id="body" role="textbox" contenteditable="true" aria-multiline="true"></div></div></div>`);
    const [body] = findComposeBodies(doc, outlookAdapter);
    const compose = describeCompose(body!, outlookAdapter);
    expect(compose.subject?.id).toBe('subject');
    expect(compose.to?.id).toBe('to');
  });

  it('gives a lone body no fields rather than the page-wide ones', () => {
    const doc = page(`<div><div id="body" contenteditable="true" role="textbox" g_editable="true"></div></div>`);
    const [body] = findComposeBodies(doc, gmailAdapter);
    expect(composeRoot(body!, gmailAdapter)).toBeNull();
    expect(describeCompose(body!, gmailAdapter)).toMatchObject({ subject: null, to: null });
  });

  it('finds the unnamed Gmail combobox input of the To row, not the Cc row, beside the chips', () => {
    const doc = page(GMAIL_CHIPS(''));
    const compose = describeCompose(findComposeBodies(doc, gmailAdapter)[0]!, gmailAdapter);
    expect(compose.to?.id).toBe('to-input');
  });
});

const GMAIL_CHIPS = (typed: string, chips = GMAIL_CHIP_LIST) => `
  <div role="dialog">
    <form>
      <div name="to" aria-label="À"><span>À</span>
        <div role="listbox">${chips}</div>
        <input type="hidden" value="ignored@contoso.example">
        <input role="combobox" aria-label="Destinataires" id="to-input" value="${typed}">
      </div>
      <div name="cc"><div role="listbox"><div role="option" data-hovercard-id="cc@contoso.example" data-name="Cc Person">Cc Person</div></div><input role="combobox" id="cc-input"></div>
      <input name="subjectbox">
    </form>
    <div contenteditable="true" role="textbox" g_editable="true"></div>
  </div>`;

const GMAIL_CHIP_LIST = `
  <div><div><div role="option" data-name="Ann Lee" data-hovercard-id="ann@contoso.example"><span>Ann Lee</span><div role="option" aria-label="Remove"></div></div></div></div>
  <div role="option" data-hovercard-id="bob@fabrikam.example"><span>bob@fabrikam.example</span></div>
  <div role="option" data-name="Claire Dubois" data-hovercard-id="claire@contoso.example">Claire</div>
  <div role="option" data-name="ann@contoso.example" data-hovercard-id="ANN@contoso.example">ann@contoso.example</div>
  <div role="option" data-name="&lt;img src=x onerror=alert(1)&gt;Mallory" data-hovercard-id="mallory@contoso.example">x</div>`;

function gmailRecipients(typed: string, chips?: string) {
  const doc = page(GMAIL_CHIPS(typed, chips));
  const compose = describeCompose(findComposeBodies(doc, gmailAdapter)[0]!, gmailAdapter);
  return { compose, recipients: readRecipients(compose, gmailAdapter), blank: isToFieldBlank(compose, gmailAdapter) };
}

function outlookRecipients(well: string) {
  const doc = page(`<div><div role="textbox" contenteditable="true" id="to">${well}</div>
    <div role="textbox" contenteditable="true" id="cc"><span contenteditable="false">Cc Person &lt;cc@contoso.example&gt;</span></div>
    <input maxlength="255"><div id="body" role="textbox" contenteditable="true" aria-multiline="true"></div></div>`);
  const compose = describeCompose(findComposeBodies(doc, outlookAdapter)[0]!, outlookAdapter);
  return { compose, recipients: readRecipients(compose, outlookAdapter), blank: isToFieldBlank(compose, outlookAdapter) };
}

describe('reading recipients', () => {
  it('reads Gmail chips by their attributes, then addresses typed in the combobox, one per address', () => {
    const { recipients, blank } = gmailRecipients('dan@northwind.example, Eve Adams &lt;eve@tailspin.example&gt;; fra');
    expect(recipients).toEqual([
      { email: 'ann@contoso.example', name: 'Ann Lee' },
      { email: 'bob@fabrikam.example' },
      { email: 'claire@contoso.example', name: 'Claire Dubois' },
      { email: 'mallory@contoso.example', name: 'Mallory' },
      { email: 'dan@northwind.example' },
      { email: 'eve@tailspin.example', name: 'Eve Adams' },
    ]);
    expect(blank).toBe(false);
  });

  it('sees an empty Gmail chip row as blank, and a half-typed address as no recipient but not blank', () => {
    expect(gmailRecipients('', '')).toMatchObject({ recipients: [], blank: true });
    expect(gmailRecipients('dan@fabrik', '')).toMatchObject({ recipients: [], blank: false });
    expect(gmailRecipients('', '<div role="option" data-name="Zoe"></div>')).toMatchObject({ recipients: [{ name: 'Zoe' }], blank: false });
  });

  it('takes no suggestion shown in the row for a chip', () => {
    const suggestions = '<div role="listbox"><div role="option">Suggested Person &lt;suggested@contoso.example&gt;</div></div>';
    expect(gmailRecipients('sugg', suggestions)).toMatchObject({ recipients: [], blank: false });
    expect(gmailRecipients('', suggestions).blank).toBe(true);
  });

  it('caps the number of chips read', () => {
    const many = Array.from({ length: 300 }, (_, i) => `<div role="option" data-hovercard-id="user${i}@contoso.example"></div>`).join('');
    expect(gmailRecipients('', many).recipients).toHaveLength(MAX_RECIPIENTS);
  });

  it('reads an Outlook well: names alone, "Name <address>", addresses, typed text, not the Cc well', () => {
    const { recipients, blank } = outlookRecipients(`
      <span contenteditable="false"><span>Claire Dubois</span><span role="button" aria-label="Supprimer"></span></span>
      <span contenteditable="false"><span>David Martin &lt;david@fabrikam.example&gt;</span></span>
      <span contenteditable="false">eve@tailspin.example</span>
      <span data-lpc-hover-target-id="x"><span contenteditable="false">Hal</span></span>
      frank@northwind.example; Grace Hopper &lt;grace@contoso.example&gt;, ivy@`);
    expect(recipients).toEqual([
      { name: 'Claire Dubois' },
      { email: 'david@fabrikam.example', name: 'David Martin' },
      { email: 'eve@tailspin.example' },
      { name: 'Hal' },
      { email: 'frank@northwind.example' },
      { email: 'grace@contoso.example', name: 'Grace Hopper' },
    ]);
    expect(blank).toBe(false);
  });

  it('takes an Outlook address from a chip tooltip, and sees an empty well as blank', () => {
    expect(outlookRecipients('<span contenteditable="false" title="claire@contoso.example">Claire Dubois</span>').recipients).toEqual([
      { email: 'claire@contoso.example', name: 'Claire Dubois' },
    ]);
    expect(outlookRecipients('').blank).toBe(true);
    expect(outlookRecipients('<br>').blank).toBe(true);
    expect(outlookRecipients('Claire Du')).toMatchObject({ recipients: [], blank: false });
  });

  it('reads nothing, and fills nothing, when the compose has no To field', () => {
    const doc = page(`<div><div id="body" contenteditable="true" role="textbox" g_editable="true"></div></div>`);
    const compose = describeCompose(findComposeBodies(doc, gmailAdapter)[0]!, gmailAdapter);
    expect(readRecipients(compose, gmailAdapter)).toEqual([]);
    expect(isToFieldBlank(compose, gmailAdapter)).toBe(false);
  });
});
