export { StatisticsPanel } from './components/statistics-panel';
