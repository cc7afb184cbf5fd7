// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { gmailAdapter } from './gmail';
import { outlookAdapter } from './outlook';
import { findSendButton, isButtonActivation, isSendShortcut, owningBody, type KeyPress } from './send-controls';

const page = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const BODY = (id: string, attrs = 'g_editable="true"') => `<div id="${id}" contenteditable="true" role="textbox" ${attrs}></div>`;

describe('findSendButton', () => {
  it('Gmail: the bottom bar’s Send beside its menu, not send-and-archive nor the menu, in any language', () => {
    const doc = page(`<div role="dialog" id="c">${BODY('b')}
      <table class="IZ"><tr><td class="Up"><div><div role="button" id="archive" aria-label="Envoyer et archiver">Envoyer et archiver</div></div>
        <div><div role="button" id="send" data-tooltip="Senden (Strg-Eingabe)">Senden</div><div role="button" id="more" aria-haspopup="true" aria-label="Weitere Sendeoptionen"></div></div></td></tr></table></div>`);
    expect(findSendButton(doc.getElementById('b')!, gmailAdapter)?.id).toBe('send');
  });

  it('Gmail without the menu: the last button of the bar; with renamed classes: the split button’s primary half', () => {
    const bar = page(`<div id="c">${BODY('b')}<div class="IZ"><div class="Up"><div><div role="button" id="archive"></div></div><div><div role="button" id="send"></div></div></div></div></div>`);
    expect(findSendButton(bar.getElementById('b')!, gmailAdapter)?.id).toBe('send');
    const renamed = page(`<div id="c">${BODY('b')}<div class="zz9"><div role="button" id="x">Bold</div><span></span><div role="button" id="send">Enviar</div><div role="button" aria-haspopup="true"></div></div></div>`);
    expect(findSendButton(renamed.getElementById('b')!, gmailAdapter)?.id).toBe('send');
  });

  it('Outlook: the ComposeSendButton test id, else the primary half of the first Fluent split button', () => {
    const named = page(`<div id="c"><button data-testid="ComposeSendButton" id="send">Envoyer</button><button id="discard">Ignorer</button>${BODY('b', 'aria-multiline="true"')}</div>`);
    expect(findSendButton(named.getElementById('b')!, outlookAdapter)?.id).toBe('send');
    const split = page(`<div id="c"><div class="fui-SplitButton"><button id="send">Senden</button><span class="divider"></span><button aria-haspopup="menu" id="menu"></button></div>
      <button id="discard">Verwerfen</button>${BODY('b', 'aria-multiline="true"')}
      <div class="fui-SplitButton"><button id="color">A</button><button aria-haspopup="menu"></button></div></div>`);
    expect(findSendButton(split.getElementById('b')!, outlookAdapter)?.id).toBe('send');
    const none = page(`<div id="c"><button id="a">A</button><button id="b" aria-haspopup="menu">B</button>${BODY('b', 'aria-multiline="true"')}</div>`);
    expect(findSendButton(none.getElementById('b')!, outlookAdapter)?.id).toBe('a');
    expect(findSendButton(page(`<div id="c"><button>A</button>${BODY('b')}</div>`).getElementById('b')!, outlookAdapter)).toBeNull();
  });
});

describe('findSendButton, several windows on a page', () => {
  it('finds each window’s own Send, never another window’s nor a split button of the page around them', () => {
    const doc = page(`<div class="app"><div class="fui-SplitButton"><button id="new-mail">New mail</button><button aria-haspopup="menu"></button></div>
      <div class="pane"><div id="one"><div class="head"><div class="fui-SplitButton"><button id="send1">Send</button><button aria-haspopup="menu"></button></div></div>${BODY('b1', 'aria-multiline="true"')}</div>
      <div id="two"><div class="head"><div class="fui-SplitButton"><button id="send2">Send</button><button aria-haspopup="menu"></button></div></div><div>${BODY('b2', 'aria-multiline="true"')}</div></div></div></div>`);
    expect(findSendButton(doc.getElementById('b1')!, outlookAdapter)?.id).toBe('send1');
    expect(findSendButton(doc.getElementById('b2')!, outlookAdapter)?.id).toBe('send2');
    const alone = page(`<div class="app"><div class="fui-SplitButton"><button id="new-mail">New mail</button><button aria-haspopup="menu"></button></div>
      <div class="pane"><div id="one"><div class="head"><div class="fui-SplitButton"><button id="send">Send</button><button aria-haspopup="menu"></button></div></div><div class="body">${BODY('b', 'aria-multiline="true"')}</div></div></div></div>`);
    expect(findSendButton(alone.getElementById('b')!, outlookAdapter)?.id).toBe('send');
  });
});

describe('owningBody', () => {
  it('names the compose window a button sits in, and none for a button outside every window', () => {
    const doc = page(`<button id="outside"></button><div id="one"><button id="send1"></button>${BODY('b1')}</div><div id="two"><div><button id="send2"></button></div>${BODY('b2')}</div>`);
    const bodies = [doc.getElementById('b1')!, doc.getElementById('b2')!];
    expect(owningBody(doc.getElementById('send1')!, bodies)).toBe(bodies[0]);
    expect(owningBody(doc.getElementById('send2')!, bodies)).toBe(bodies[1]);
    expect(owningBody(doc.getElementById('b2')!, bodies)).toBe(bodies[1]);
    expect(owningBody(doc.getElementById('outside')!, bodies)).toBeUndefined();
  });
});

describe('keys', () => {
  const key = (over: Partial<KeyPress>): KeyPress => ({ key: 'Enter', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, isComposing: false, ...over });

  it('Ctrl+Enter and Cmd+Enter send; Enter alone, Shift or Alt with it, or an input method composing do not', () => {
    expect(isSendShortcut(key({ ctrlKey: true }))).toBe(true);
    expect(isSendShortcut(key({ metaKey: true }))).toBe(true);
    expect(isSendShortcut(key({}))).toBe(false);
    expect(isSendShortcut(key({ ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isSendShortcut(key({ ctrlKey: true, altKey: true }))).toBe(false);
    expect(isSendShortcut(key({ ctrlKey: true, isComposing: true }))).toBe(false);
    expect(isSendShortcut(key({ key: 'm', ctrlKey: true }))).toBe(false);
  });

  it('Enter or Space activates a focused button', () => {
    expect(isButtonActivation(key({}))).toBe(true);
    expect(isButtonActivation(key({ key: ' ' }))).toBe(true);
    expect(isButtonActivation(key({ key: 'a' }))).toBe(false);
    expect(isButtonActivation(key({ ctrlKey: true }))).toBe(false);
  });
});
