// Coordination after the signing: organisers' problem queue, departments, liaison officers and
// weekly summaries (the console's 跟踪落实 tab); participants raise problems and file operating
// reports (the 待办 page).
export { DepartmentsPanel } from './components/departments-panel';
export { LiaisonPanel } from './components/liaison-panel';
export { MyLiaisonReports } from './components/my-liaison-reports';
export { MyProblems } from './components/my-problems';
export { ProblemQueue } from './components/problem-queue';
export { RaiseProblemButton } from './components/raise-problem-button';
export { WeeklySummaries } from './components/weekly-summaries';
