import { describe, expect, it } from 'vitest';
import { timeInScriptsFrom, type CpuProfile } from '../bench/cpu-profile';

const EXTENSION = 'chrome-extension://abc/';

// (root) → page function → extension callback → querySelectorAll (a DOM call, no URL)
const profile = (samples: number[], timeDeltas: number[], endTime: number): CpuProfile => ({
  nodes: [
    { id: 1, callFrame: { url: '' }, children: [2, 5] },
    { id: 2, callFrame: { url: 'https://mail.google.com/app.js' }, children: [3] },
    { id: 3, callFrame: { url: `${EXTENSION}content-scripts/webmail.js` }, children: [4] },
    { id: 4, callFrame: { url: '' } },
    { id: 5, callFrame: { url: '' } },
  ],
  startTime: 1000,
  endTime,
  samples,
  timeDeltas,
});

describe('timeInScriptsFrom', () => {
  it('counts the samples in the origin’s functions and in the calls they make', () => {
    // Samples at 1100 (page), 1200 (extension), 1500 (DOM call from the extension), 1700 (idle-like root child).
    const measured = profile([2, 3, 4, 5], [100, 100, 300, 200], 2000);
    expect(timeInScriptsFrom(measured, EXTENSION)).toBeCloseTo((1500 - 1200 + 1700 - 1500) / 1000);
  });

  it('gives the last sample the time up to the end of the profile', () => {
    expect(timeInScriptsFrom(profile([2, 3], [100, 100], 1600), EXTENSION)).toBeCloseTo(0.4);
  });

  it('finds nothing in a profile without the origin’s code', () => {
    expect(timeInScriptsFrom(profile([2, 5, 2], [100, 100, 100], 1400), EXTENSION)).toBe(0);
  });
});
