// The briefing (简报) for the coordination group: the console's results area lists an event's
// briefings, makes one now, downloads and sends them (organisers).
export { BriefingSection } from './components/briefing-section';
