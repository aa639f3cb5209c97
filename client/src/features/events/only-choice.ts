/**
 * What a console picker stands on: the user's pick, or — when nothing is picked and there is
 * exactly one choice (one event, one session) — that choice, so the tab opens on it instead of
 * asking. With several choices nothing is picked until the user picks.
 */
export function pickedOrOnly(picked: string | undefined, choices: readonly { id: string }[] | undefined): string | undefined {
  if (picked !== undefined) return picked;
  return choices?.length === 1 ? choices[0].id : undefined;
}
