// The supply and demand summary table of an event (供需对接情况汇总表, server/src/event-summary):
// one row per listing posted, with what came of it (meeting requests and financing applications
// made on it, meetings held, agreements signed), and the agreements signed; without any
// confidential part. Organisers publish it, by version, to the event's approved participants,
// who then download it as .xlsx and PDF.

/** One publication of the table: participants download the table as of its time. */
export type EventSummaryPublication = {
  version: number;
  publishedAt: string;
  publishedByName: string | null;
  /** Published before the event's last day was over (a provisional table). */
  provisional: boolean;
};

export type EventSummaryStatus = {
  eventId: string;
  eventName: string;
  timeZone: string;
  /** The event's last day (YYYY-MM-DD, in its time zone). */
  endDate: string;
  /** Whether the last day is over in the event's time zone: publishing earlier needs a confirmation. */
  ended: boolean;
  /** Newest first. */
  publications: EventSummaryPublication[];
  /** What the table holds now (for organisers) or as of the latest publication (participants). */
  listings: number;
  agreements: number;
};

export type EventSummaryPublishInput = {
  /**
   * The organiser confirms that a table published before the event is over is not final.
   * Required (true) while the event is still running; ignored afterwards.
   */
  notFinal?: boolean;
};

/** Which table a download is: a publication's (participants get the latest), or omitted for organisers' live preview. */
export type EventSummaryDownloadQuery = { version?: number };

/** How the table counts an agreement as signed on a listing (the 签约认定 column). */
export type EventSummarySignedRule = 'cited' | 'same_session' | 'none';
