// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { useFocusAfterRender } from './useFocusAfterRender';

const root = document.createElement('div');
document.body.append(root);
afterEach(() => act(() => render(null, root)));

/** A button that may go away, and a notice: pressing "ask" hides the button when told to and asks for its focus. */
function Subject({ hide }: { hide: boolean }) {
  const [button, focusButton] = useFocusAfterRender<HTMLButtonElement>();
  const [notice, focusNotice] = useFocusAfterRender<HTMLParagraphElement>();
  return (
    <>
      {!hide && (
        <button type="button" ref={button}>
          target
        </button>
      )}
      <p tabIndex={-1} ref={notice}>
        notice
      </p>
      <button type="button" id="ask" onClick={() => focusButton(() => focusNotice())}>
        ask
      </button>
    </>
  );
}

async function askWith(hide: boolean) {
  await act(() => render(<Subject hide={false} />, root));
  await act(() => {
    root.querySelector<HTMLButtonElement>('#ask')!.click();
    render(<Subject hide={hide} />, root);
  });
}

describe('useFocusAfterRender', () => {
  it('focuses its element once rendered', async () => {
    await askWith(false);
    expect(document.activeElement?.textContent).toBe('target');
  });

  it('runs the fallback when the render has no such element', async () => {
    await askWith(true);
    expect(document.activeElement?.textContent).toBe('notice');
  });
});
