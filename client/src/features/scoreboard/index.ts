// What other features use of the scoreboard: the organisers' control (the public page is routed lazily).
export { ScoreboardSettings } from './scoreboard-settings';
