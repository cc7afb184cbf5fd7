// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { adapterForHost } from './adapters';
import { composeRoot, describeCompose, findComposeBodies, readRecipients } from './compose';
import { gmailAdapter } from './gmail';
import { outlookAdapter } from './outlook';

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

  it('reads recipients from chips, typed addresses, or a well of resolved names', () => {
    const doc = page(GMAIL_COMPOSE('a', '<span email="ann@contoso.example">Ann</span>'));
    const compose = describeCompose(findComposeBodies(doc, gmailAdapter)[0]!, gmailAdapter);
    expect(readRecipients(compose, gmailAdapter)).toEqual(['ann@contoso.example']);
    (compose.to as HTMLInputElement).value = 'bob@fabrikam.example';
    expect(readRecipients(compose, gmailAdapter)).toEqual(['ann@contoso.example', 'bob@fabrikam.example']);

    const outlook = page(`<div><div role="textbox" contenteditable="true" id="to"><span>Claire Dubois</span></div><input maxlength="255">
      <div id="body" role="textbox" contenteditable="true" aria-multiline="true"></div></div>`);
    const well = describeCompose(findComposeBodies(outlook, outlookAdapter)[0]!, outlookAdapter);
    expect(readRecipients(well, outlookAdapter)).toEqual(['Claire Dubois']);
    well.to!.textContent = '';
    expect(readRecipients(well, outlookAdapter)).toEqual([]);
  });
});
