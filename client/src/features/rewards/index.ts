export { RewardsTab } from './components/rewards-tab';
