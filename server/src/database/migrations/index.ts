import { Initial1795443776172 } from './1795443776172-Initial';
import { LiveBoards1795446137776 } from './1795446137776-LiveBoards';
import { AuditChain1795448323997 } from './1795448323997-AuditChain';
import { Agreements1795448782963 } from './1795448782963-Agreements';
import { AgreementLedger1795449534970 } from './1795449534970-AgreementLedger';
import { CeremonyRunningOrder1795451957176 } from './1795451957176-CeremonyRunningOrder';
import { ImportJobs1795453567575 } from './1795453567575-ImportJobs';

/** Every migration, in order; the server runs pending ones at start. */
export const MIGRATIONS = [Initial1795443776172, LiveBoards1795446137776, AuditChain1795448323997, Agreements1795448782963, AgreementLedger1795449534970, CeremonyRunningOrder1795451957176, ImportJobs1795453567575];
