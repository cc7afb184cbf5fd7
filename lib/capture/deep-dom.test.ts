// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, loadFixture, renderInBody } from '../../test/fixtures/partner-center/load';
import {
  ariaLabelOf,
  deepAncestors,
  deepElements,
  deepLines,
  deepParent,
  deepQuerySelectorAll,
  deepText,
  deepTreeRoots,
  findInTreeOf,
  groupNameOf,
  labelOf,
  MAX_VISITED,
  nearbyLabel,
  ownText,
} from './deep-dom';

function shadowOf(selector: string): ShadowRoot {
  const shadow = document.querySelector(selector)?.shadowRoot;
  if (!shadow) throw new Error(`no shadow root on ${selector}`);
  return shadow;
}

function el(root: ParentNode, selector: string): Element {
  const found = root.querySelector(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

beforeEach(() => {
  document.body.replaceChildren();
});

describe('deepElements', () => {
  it('enters open shadow roots, shadow content before light children, and skips scripts and templates', () => {
    renderInBody(`
      <div id="a"></div>
      <x-host id="host"><template shadowrootmode="open"><p id="in-shadow"></p><x-inner id="inner"><template shadowrootmode="open"><b id="deep"></b></template></x-inner></template><i id="light"></i></x-host>
      <script id="script"></script><style id="style"></style><template id="tpl"><u id="inert"></u></template>`);
    const ids = [...deepElements(document.body)].map((element) => element.id);
    expect(ids).toEqual(['a', 'host', 'in-shadow', 'inner', 'deep', 'light']);
  });

  it('starting at a shadow host, enters its own shadow root first', () => {
    renderInBody('<x-row id="row"><template shadowrootmode="open"><span id="cell"></span></template><i id="light"></i></x-row>');
    expect([...deepElements(el(document, '#row'))].map((element) => element.id)).toEqual(['cell', 'light']);
    expect(deepQuerySelectorAll(el(document, '#row'), 'span').map((element) => element.id)).toEqual(['cell']);
  });

  it('stops after the visit budget', () => {
    renderInBody('<div></div>'.repeat(50));
    expect([...deepElements(document.body, 10)]).toHaveLength(10);
  });

  it('caps a huge page at MAX_VISITED elements', () => {
    const { body } = renderInBody('<i></i>'.repeat(MAX_VISITED + 5_000));
    expect([...deepElements(body)]).toHaveLength(MAX_VISITED);
  });
});

describe('deepTreeRoots', () => {
  it('lists the root and every open shadow root, nested ones included', () => {
    const doc = loadFixture(FIXTURES.resultNestedShadowEn);
    const roots = deepTreeRoots(doc);
    expect(roots[0]).toBe(doc);
    expect(roots.slice(1).map((root) => (root as ShadowRoot).host.tagName)).toEqual(['PC-APP', 'PC-PAGE', 'PC-RESULT-CARD', 'PC-COPY-FIELD']);
  });

  it('looks at no more elements than its budget', () => {
    renderInBody('<div></div><x-host><template shadowrootmode="open"><p></p></template></x-host>');
    expect(deepTreeRoots(document.body, 1)).toHaveLength(1);
    expect(deepTreeRoots(document.body, 2)).toHaveLength(2);
  });
});

describe('deepQuerySelectorAll', () => {
  it('finds what document.querySelectorAll cannot see, three shadow roots deep', () => {
    const doc = loadFixture(FIXTURES.resultNestedShadowEn);
    expect(doc.querySelectorAll('input')).toHaveLength(0);
    const inputs = deepQuerySelectorAll(doc, 'input');
    expect(inputs).toHaveLength(1);
    expect((inputs[0] as HTMLInputElement).value).toContain('type=Purchase');
  });
});

describe('deepParent, deepAncestors', () => {
  it('climb from inside a shadow root to its host and beyond', () => {
    renderInBody('<section id="outer"><x-host id="host"><template shadowrootmode="open"><p id="p"><b id="b"></b></p></template></x-host></section>');
    const bold = el(shadowOf('#host'), '#b');
    expect(deepParent(bold)?.id).toBe('p');
    expect(deepParent(el(shadowOf('#host'), '#p'))?.id).toBe('host');
    expect(deepAncestors(bold, 3).map((element) => element.id)).toEqual(['p', 'host', 'outer']);
    expect(deepParent(document)).toBeNull();
  });
});

describe('deepText', () => {
  it('reads shadow content and slotted light nodes, separating blocks', () => {
    renderInBody('<x-card id="card"><template shadowrootmode="open"><h2><slot name="title"></slot></h2><div>Summary ID</div><div>PO-1</div></template><span slot="title">Send</span></x-card>');
    expect(deepText(el(document, '#card'))).toBe('Send Summary ID PO-1');
  });

  it('keeps inline elements in one word and leaves out option lists, fields and buttons', () => {
    renderInBody('<p id="p">Con<b>toso</b> <select><option>France</option></select><input value="x"><button>Copy</button> Ltd</p>');
    expect(deepText(el(document, '#p'))).toBe('Contoso Ltd');
  });

  it('reads a control itself when asked about it', () => {
    renderInBody('<button id="b">Copy <b>link</b></button>');
    expect(deepText(el(document, '#b'))).toBe('Copy link');
  });

  it('strips markup written as text and caps the length', () => {
    renderInBody('<p id="p"></p>');
    el(document, '#p').textContent = `<img src=x onerror=alert(1)>Hi ${'y'.repeat(5000)}`;
    const text = deepText(el(document, '#p'), 100);
    expect(text.startsWith('Hi yyy')).toBe(true);
    expect(text).toHaveLength(100);
  });
});

describe('deepLines', () => {
  it('ends a line at each block and line break, through shadow roots and slots, and keeps inline elements and source newlines in the line', () => {
    renderInBody(`<x-card id="card"><template shadowrootmode="open"><h2><slot name="title"></slot></h2><slot></slot></template>
      <span slot="title">Subscriptions</span><div>Microsoft 365
        Business <b>Premium</b> (25)<br>Microsoft 365 E3</div><div> </div><p>Licenses: <span>4</span></p></x-card>`);
    expect(deepLines(el(document, '#card'))).toEqual(['Subscriptions', 'Microsoft 365 Business Premium (25)', 'Microsoft 365 E3', 'Licenses: 4']);
  });

  it('cleans each line like deepText', () => {
    renderInBody('<p id="p"></p>');
    el(document, '#p').textContent = '<img src=x onerror=alert(1)>Plan\u200B A';
    expect(deepLines(el(document, '#p'))).toEqual(['Plan A']);
  });
});

describe('ownText', () => {
  it('reads only the direct text children', () => {
    renderInBody('<dt id="dt">Summary <span>not this</span>ID</dt>');
    expect(ownText(el(document, '#dt'))).toBe('Summary ID');
  });
});

describe('findInTreeOf', () => {
  it('looks in the shadow root holding the element, with hostile ids quoted', () => {
    renderInBody('<x-host id="host"><template shadowrootmode="open"><span id=\'a"b\\c\'>in</span><i id="probe"></i></template></x-host><span id="outside"></span>');
    const probe = el(shadowOf('#host'), '#probe');
    expect(findInTreeOf(probe, 'id', 'a"b\\c')?.textContent).toBe('in');
    expect(findInTreeOf(probe, 'id', 'outside')).toBeNull();
  });
});

describe('ariaLabelOf', () => {
  it('joins aria-labelledby targets, else reads aria-label', () => {
    renderInBody('<span id="l1">License</span><span id="l2">count</span><input id="a" aria-labelledby="l1 l2 missing"><input id="b" aria-label=" Partner  office ">');
    expect(ariaLabelOf(el(document, '#a'))).toBe('License count');
    expect(ariaLabelOf(el(document, '#b'))).toBe('Partner office');
    expect(ariaLabelOf(document.body)).toBe('');
  });
});

describe('labelOf', () => {
  it('uses <label for> in the same shadow root', () => {
    renderInBody('<x-field id="f"><template shadowrootmode="open"><label for="c">Usage <b>location</b></label><select id="c"></select></template></x-field>');
    expect(labelOf(el(shadowOf('#f'), 'select'))).toBe('Usage location');
  });

  it('uses a wrapping label without the option texts', () => {
    renderInBody('<label>Partner office <select><option>Contoso</option></select></label>');
    expect(labelOf(el(document, 'select'))).toBe('Partner office');
  });

  it('uses the own text of a custom control', () => {
    renderInBody('<div role="checkbox" aria-checked="true"><span>Microsoft 365 Business Basic</span></div>');
    expect(labelOf(el(document, '[role="checkbox"]'))).toBe('Microsoft 365 Business Basic');
  });

  it('uses a label attribute on the control or its shadow host', () => {
    renderInBody('<x-select id="s" label="Bureau partenaire"><template shadowrootmode="open"><select></select></template></x-select>');
    expect(labelOf(el(shadowOf('#s'), 'select'))).toBe('Bureau partenaire');
  });

  it('falls back to a label-like element just before the control, then to title or placeholder', () => {
    renderInBody('<div><h3>License count</h3><div><input id="n" type="number"></div></div><input id="t" placeholder="Search">');
    expect(labelOf(el(document, '#n'))).toBe('License count');
    expect(labelOf(el(document, '#t'))).toBe('Search');
  });
});

describe('nearbyLabel', () => {
  it('stops at a sibling holding another control, whose label it would be', () => {
    renderInBody('<div><label>Usage location</label><select></select><input id="x"></div>');
    expect(nearbyLabel(el(document, '#x'))).toBe('');
  });

  it('uses the legend of the fieldset it sits in', () => {
    renderInBody('<fieldset><legend>Delegated administration</legend><p>Why it matters</p><label><input id="r" type="radio"> Yes</label></fieldset>');
    expect(nearbyLabel(el(document, '#r'))).toBe('Delegated administration');
  });
});

describe('groupNameOf', () => {
  it('reads a fieldset legend or an ARIA group name', () => {
    renderInBody('<fieldset id="f"><legend>Trial subscriptions</legend></fieldset><div id="g" role="radiogroup" aria-label="Delegated administration"></div><div id="n"></div>');
    expect(groupNameOf(el(document, '#f'))).toBe('Trial subscriptions');
    expect(groupNameOf(el(document, '#g'))).toBe('Delegated administration');
    expect(groupNameOf(el(document, '#n'))).toBe('');
  });
});
