/** The parts of a V8 CPU profile (CDP `Profiler.Profile`) that attribution reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { url: string }; children?: number[] }[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/**
 * Milliseconds the profile spent in stacks that run code from `origin` (a content script's
 * functions and the DOM calls they make), whoever scheduled them. Each sample stands for the
 * time until the next one.
 */
export function timeInScriptsFrom(profile: CpuProfile, origin: string): number {
  const parentOf = new Map<number, number>();
  const urlOf = new Map<number, string>();
  for (const node of profile.nodes) {
    urlOf.set(node.id, node.callFrame.url);
    for (const child of node.children ?? []) parentOf.set(child, node.id);
  }
  const runsOriginCode = new Map<number, boolean>();
  const isOriginStack = (leaf: number): boolean => {
    const known = runsOriginCode.get(leaf);
    if (known !== undefined) return known;
    const parent = parentOf.get(leaf);
    const answer = urlOf.get(leaf)!.startsWith(origin) || (parent !== undefined && isOriginStack(parent));
    runsOriginCode.set(leaf, answer);
    return answer;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let at = profile.startTime;
  const timestamps = deltas.map((delta) => (at += delta));
  let microseconds = 0;
  samples.forEach((node, i) => {
    if (isOriginStack(node)) microseconds += (timestamps[i + 1] ?? profile.endTime) - timestamps[i]!;
  });
  return microseconds / 1000;
}
