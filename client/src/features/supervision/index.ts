// The ladder's screens: organisers issue supervision notices and publish the notice of criticism
// (in the console's 跟踪落实 tab); participants acknowledge their notices (on the 待办 page).
export { CriticismPanel } from './components/criticism-panel';
export { MySupervisionNotices } from './components/my-supervision-notices';
export { SupervisionDialog } from './components/supervision-dialog';
export { SupervisionNotices } from './components/supervision-notices';
