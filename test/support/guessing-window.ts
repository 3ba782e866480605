import { guessWindow } from '../../shared/domain/guessing';

/**
 * Tries are counted in fixed 15-minute windows: a test whose guesses straddle a window's end sees a
 * fresh budget after it, and its 429 turns into a 200 (it happened in CI at 03:30:00). A test that
 * counts to a limit calls this just before it starts counting, asking for the seconds it needs.
 */
export async function awayFromWindowEdge(neededSeconds: number): Promise<void> {
  const left = guessWindow(new Date()).endsAt - Date.now() / 1000;
  if (left < neededSeconds) await new Promise((resolve) => setTimeout(resolve, (left + 1) * 1000));
}
