// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { gmailAdapter } from './gmail';
import { outlookAdapter } from './outlook';
import { findSendButton, isButtonActivation, isInDialog, isSendShortcut, isTypingTarget, isUndoShortcut, isWorkKey, owningBody, showsDialog, shownUndoControl, type KeyPress } from './send-controls';

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

describe('dialogs and the undo offer', () => {
  const DIALOGS = `<div role="dialog" aria-modal="true" id="compose">${BODY('b')}<button id="in-compose"></button></div>
    <div role="dialog" id="panel"><button id="in-panel"></button></div>`;

  it('a dialog is an alert dialog or a modal one, outside the compose windows (a full-screen compose is a modal dialog)', () => {
    const doc = page(`${DIALOGS}<div role="alertdialog" id="confirm"><button id="ok"></button></div>`);
    const bodies = [doc.getElementById('b')!];
    expect(showsDialog(doc, bodies)).toBe(true);
    expect(isInDialog(doc.getElementById('ok')!, bodies)).toBe(true);
    expect(isInDialog(doc.getElementById('in-compose')!, bodies)).toBe(false);
    expect(isInDialog(doc.getElementById('in-panel')!, bodies)).toBe(false);
    const plain = page(DIALOGS);
    expect(showsDialog(plain, [plain.getElementById('b')!])).toBe(false);
    const modal = page(`${DIALOGS}<div role="dialog" aria-modal="true"><button id="ok"></button></div>`);
    expect(showsDialog(modal, [modal.getElementById('b')!])).toBe(true);
  });

  it('a dialog or an undo control kept hidden in the page is not shown', () => {
    const doc = page(`<div role="alertdialog" style="display: none"></div><div role="dialog" aria-modal="true" style="visibility: hidden"></div>
      <div role="alert"><span id="link_undo" role="link" style="visibility: hidden">Undo</span></div>`);
    expect(showsDialog(doc, [])).toBe(false);
    expect(shownUndoControl(doc, gmailAdapter)).toBeNull();
    const toast = page(`<div role="alert"><span>Message envoyé</span><span id="link_undo" role="link" tabindex="0">Annuler</span></div>`);
    const undo = toast.getElementById('link_undo')!;
    // The test's DOM lays nothing out: the box Chromium would give the toast's link.
    const boxAt = (x: number, y: number) => (undo.getBoundingClientRect = () => new DOMRect(x, y, 60, 20));
    boxAt(400, 700);
    expect(shownUndoControl(toast, gmailAdapter)?.id).toBe('link_undo');
    boxAt(400, -40);
    expect(shownUndoControl(toast, gmailAdapter)).toBeNull();
    boxAt(400, 700);
    undo.style.opacity = '0';
    expect(shownUndoControl(toast, gmailAdapter)).toBeNull();
    expect(shownUndoControl(toast, outlookAdapter)).toBeNull();
  });

  it('keys typed into fields and editable text are no page shortcuts', () => {
    const doc = page(`<input id="i"><div contenteditable="true"><p id="p">x</p></div><span id="s" role="link"></span>`);
    expect(isTypingTarget(doc.getElementById('i')!)).toBe(true);
    expect(isTypingTarget(doc.getElementById('p')!)).toBe(true);
    expect(isTypingTarget(doc.getElementById('s')!)).toBe(false);
  });
});

describe('keys', () => {
  const key = (over: Partial<KeyPress>): KeyPress => ({ key: 'Enter', code: '', ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, isComposing: false, ...over });

  it('Ctrl+Enter and Cmd+Enter send; Enter alone, Shift or Alt with it, or an input method composing do not', () => {
    expect(isSendShortcut(key({ ctrlKey: true }))).toBe(true);
    expect(isSendShortcut(key({ metaKey: true }))).toBe(true);
    expect(isSendShortcut(key({}))).toBe(false);
    expect(isSendShortcut(key({ ctrlKey: true, shiftKey: true }))).toBe(false);
    expect(isSendShortcut(key({ ctrlKey: true, altKey: true }))).toBe(false);
    expect(isSendShortcut(key({ ctrlKey: true, isComposing: true }))).toBe(false);
    expect(isSendShortcut(key({ key: 'm', ctrlKey: true }))).toBe(false);
  });

  it('z alone is Gmail’s undo shortcut; a modifier alone or a held key’s repeat is no work in the window', () => {
    expect(isUndoShortcut(key({ key: 'z' }))).toBe(true);
    // Caps Lock on; a layout (AZERTY: w, Cyrillic: я) typing another letter with the key in z's place.
    expect(isUndoShortcut(key({ key: 'Z' }))).toBe(true);
    expect(isUndoShortcut(key({ key: 'w', code: 'KeyZ' }))).toBe(true);
    expect(isUndoShortcut(key({ key: 'я', code: 'KeyZ' }))).toBe(true);
    expect(isUndoShortcut(key({ key: 'y', code: 'KeyY' }))).toBe(false);
    expect(isUndoShortcut(key({ key: 'z', code: 'KeyZ', metaKey: true }))).toBe(false);
    expect(isUndoShortcut(key({ key: 'Ω', code: 'KeyZ', altKey: true }))).toBe(false);
    expect(isUndoShortcut(key({ key: 'z', ctrlKey: true }))).toBe(false);
    expect(isUndoShortcut(key({ key: 'Z', shiftKey: true }))).toBe(false);
    expect(isWorkKey({ ...key({ key: 'a' }), repeat: false })).toBe(true);
    expect(isWorkKey({ ...key({ key: 'Control', ctrlKey: true }), repeat: false })).toBe(false);
    expect(isWorkKey({ ...key({ key: 'Enter', ctrlKey: true }), repeat: true })).toBe(false);
  });

  it('Enter or Space activates a focused button', () => {
    expect(isButtonActivation(key({}))).toBe(true);
    expect(isButtonActivation(key({ key: ' ' }))).toBe(true);
    expect(isButtonActivation(key({ key: 'a' }))).toBe(false);
    expect(isButtonActivation(key({ ctrlKey: true }))).toBe(false);
  });
});
