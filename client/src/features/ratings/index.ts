export { RatingsPanel } from './components/ratings-panel';
