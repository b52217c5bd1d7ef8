// Steady growth, defined on realised value per cycle: every cycle whose actuals are recorded realised at least
// as much as the measured cycle before it. The dashboard says so, and says when and where it fell.

/** A cycle's realised value; null while its actuals are not recorded. */
export interface Measured {
  cycle: number;
  realised: number | null;
}

export interface Growth {
  /** steady: never fell; falling: the latest measured cycle fell; uneven: fell before, the latest did not. */
  state: 'steady' | 'falling' | 'uneven' | 'unknown';
  /** How many measured cycles were compared with the one before, and in how many the value fell. */
  compared: number;
  falls: number;
  /** The latest fall: from one measured cycle to the next. */
  lastFall?: { from: { cycle: number; realised: number }; to: { cycle: number; realised: number } };
}

export function steadyGrowth(points: Measured[]): Growth {
  const measured = points.filter((p): p is { cycle: number; realised: number } => p.realised !== null).sort((a, b) => a.cycle - b.cycle);
  if (measured.length < 2) return { state: 'unknown', compared: 0, falls: 0 };
  let falls = 0;
  let lastFall: Growth['lastFall'];
  let latestFell = false;
  for (let i = 1; i < measured.length; i++) {
    latestFell = measured[i].realised < measured[i - 1].realised;
    if (latestFell) {
      falls++;
      lastFall = { from: measured[i - 1], to: measured[i] };
    }
  }
  return { state: falls === 0 ? 'steady' : latestFell ? 'falling' : 'uneven', compared: measured.length - 1, falls, lastFall };
}
