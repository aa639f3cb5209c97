import { agreements } from './agreements';
import { audit } from './audit';
import { auth } from './auth';
import { board } from './board';
import { ceremony } from './ceremony';
import { coordination } from './coordination';
import { events } from './events';
import { followUp } from './follow-up';
import { health } from './health';
import { imports } from './imports';
import { listings } from './listings';
import { matching } from './matching';
import { meetings } from './meetings';
import { notifications } from './notifications';
import { obligations } from './obligations';
import { supervision } from './supervision';
import { organisations } from './organisations';
import { participation } from './participation';
import { screenLinks } from './screen-links';
import { supermarket } from './supermarket';
import { surveys } from './surveys';
import { tracking } from './tracking';
import { figures } from './figures';
import { users } from './users';
import { directory } from './directory';
import { briefings } from './briefings';
import { eventSummary } from './event-summary';
import { statistics } from './statistics';
import { rewards } from './rewards';
import { ratings } from './ratings';

export * from './route';

/** Every route of the HTTP API, by area (the server's capability that answers it). */
export const routes = {
  auth,
  users,
  organisations,
  events,
  participation,
  listings,
  board,
  screenLinks,
  matching,
  supermarket,
  meetings,
  agreements,
  ceremony,
  obligations,
  followUp,
  supervision,
  surveys,
  coordination,
  tracking,
  figures,
  directory,
  briefings,
  eventSummary,
  statistics,
  rewards,
  ratings,
  notifications,
  audit,
  imports,
  health,
};
