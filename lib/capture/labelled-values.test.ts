// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { renderInBody } from '../../test/fixtures/partner-center/load';
import { findLabelledValues } from './labelled-values';

const PURCHASE = 'https://portal.office.com/partner/partnersignup.aspx?type=Purchase&id=823604c2-4847-4219-9afd-177fb32dc8ab&msppid=4227824';

beforeEach(() => {
  document.body.replaceChildren();
});

describe('findLabelledValues', () => {
  it.each([
    ['<dl><dt>Summary ID</dt><dd>PO-1 <button>Copy summary ID</button></dd></dl>', 'PO-1'],
    ['<p>Summary ID: <strong>PO-2</strong></p>', 'PO-2'],
    ['<p>Summary ID: PO-3</p>', 'PO-3'],
    ['<div><span>Summary ID</span></div><div>PO-4</div>', 'PO-4'],
    ['<label for="x">Summary ID</label><input id="x" readonly value="PO-5">', 'PO-5'],
    ['<table><tr><th>ID Résumé</th><td>PO-6</td></tr></table>', 'PO-6'],
    ['<dl><dt>Summary ID</dt><dd>Loading…</dd></dl>', ''],
    ['<dl><dt>Summary ID</dt><dd></dd><dt>Partner office</dt><dd>Contoso</dd></dl>', ''],
    ['<p>Note the summary ID to track this offer.</p><p>Something else</p>', ''],
    [`<dl><dt>Summary ID</dt><dd>${'x'.repeat(300)}</dd></dl>`, ''],
    [`<dl><dt>Summary ID</dt><dd>${PURCHASE.replaceAll('&', '&amp;')}</dd></dl>`, ''],
  ])('%s -> %j', (markup, value) => {
    renderInBody(markup);
    expect(findLabelledValues(document, ['summaryId']).summaryId ?? '').toBe(value);
  });

  it('reads several concepts in one walk, each from its own label', () => {
    renderInBody('<dl><dt>Usage location</dt><dd>France</dd><dt>Summary ID</dt><dd>PO-8</dd></dl><p>Partner office: Lyon</p>');
    expect(findLabelledValues(document, ['summaryId', 'partnerOffice', 'usageLocation', 'delegatedAdmin'])).toEqual({
      summaryId: 'PO-8',
      partnerOffice: 'Lyon',
      usageLocation: 'France',
    });
  });
});
