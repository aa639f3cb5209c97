export { SurveysPanel } from './components/surveys-panel';
export { SurveysTab } from './components/surveys-tab';
