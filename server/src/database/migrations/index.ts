import { Initial1795443776172 } from './1795443776172-Initial';
import { LiveBoards1795446137776 } from './1795446137776-LiveBoards';
import { AuditChain1795448323997 } from './1795448323997-AuditChain';
import { Agreements1795448782963 } from './1795448782963-Agreements';
import { AgreementLedger1795449534970 } from './1795449534970-AgreementLedger';
import { CeremonyRunningOrder1795451957176 } from './1795451957176-CeremonyRunningOrder';
import { IdempotencyClaims1795452077133 } from './1795452077133-IdempotencyClaims';
import { MatchMarks1795453331674 } from './1795453331674-MatchMarks';
import { ImportJobs1795453567575 } from './1795453567575-ImportJobs';
import { Supermarket1795454073279 } from './1795454073279-Supermarket';
import { MeetingRequests1795454461182 } from './1795454461182-MeetingRequests';
import { Meetings1796270882946 } from './1796270882946-Meetings';
import { SessionBreak1796273584440 } from './1796273584440-SessionBreak';
import { AuthSessions1796417628583 } from './1796417628583-AuthSessions';
import { LedgerReopen1796417628756 } from './1796417628756-LedgerReopen';
import { AuditSignedHeads1796417904452 } from './1796417904452-AuditSignedHeads';
import { AccessHardening1796418165515 } from './1796418165515-AccessHardening';
import { RateCounters1796500000000 } from './1796500000000-RateCounters';
import { BoardSequence1796600000000 } from './1796600000000-BoardSequence';
import { EventTimeZone1796700001510 } from './1796700001510-EventTimeZone';
import { Obligations1796800000000 } from './1796800000000-Obligations';
import { ObligationEvidence1796900000000 } from './1796900000000-ObligationEvidence';
import { Notifications1797000000000 } from './1797000000000-Notifications';
import { MeetingOutcomes1797000000100 } from './1797000000100-MeetingOutcomes';
import { NotificationSettled1797000000200 } from './1797000000200-NotificationSettled';
import { Supervision1797100000000 } from './1797100000000-Supervision';
import { Coordination1797200000000 } from './1797200000000-Coordination';
import { Surveys1797300000000 } from './1797300000000-Surveys';
import { Tracking1797400000000 } from './1797400000000-Tracking';
import { AgreementProgress1797500000200 } from './1797500000200-AgreementProgress';
import { ProducerDirectory1797500000000 } from './1797500000000-ProducerDirectory';
import { Briefing1797500000300 } from './1797500000300-Briefing';
import { EventSummary1797500000400 } from './1797500000400-EventSummary';
import { ObligationSubjects1797400000100 } from './1797400000100-ObligationSubjects';
import { Ratings1797600000200 } from './1797600000200-Ratings';
import { Statistics1797600000000 } from './1797600000000-Statistics';
import { Scoreboard1797600000300 } from './1797600000300-Scoreboard';
import { Rewards1797600000100 } from './1797600000100-Rewards';
import { SequencedAuditLog1797700000000 } from './1797700000000-SequencedAuditLog';

/** Every migration, in order; the server runs pending ones at start. */
export const MIGRATIONS = [
  Initial1795443776172,
  LiveBoards1795446137776,
  AuditChain1795448323997,
  Agreements1795448782963,
  AgreementLedger1795449534970,
  CeremonyRunningOrder1795451957176,
  IdempotencyClaims1795452077133,
  MatchMarks1795453331674,
  ImportJobs1795453567575,
  Supermarket1795454073279,
  MeetingRequests1795454461182,
  Meetings1796270882946,
  SessionBreak1796273584440,
  AuthSessions1796417628583,
  LedgerReopen1796417628756,
  AuditSignedHeads1796417904452,
  AccessHardening1796418165515,
  RateCounters1796500000000,
  BoardSequence1796600000000,
  EventTimeZone1796700001510,
  Obligations1796800000000,
  ObligationEvidence1796900000000,
  Notifications1797000000000,
  MeetingOutcomes1797000000100,
  NotificationSettled1797000000200,
  Supervision1797100000000,
  Coordination1797200000000,
  Surveys1797300000000,
  Tracking1797400000000,
  ObligationSubjects1797400000100,
  AgreementProgress1797500000200,
  ProducerDirectory1797500000000,
  Briefing1797500000300,
  EventSummary1797500000400,
  Ratings1797600000200,
  Statistics1797600000000,
  Scoreboard1797600000300,
  Rewards1797600000100,
  SequencedAuditLog1797700000000,
];
