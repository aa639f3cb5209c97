/**
 * What the figures of an event are narrowed to, as each capability's figures query reads it:
 * the event, optionally one session, the region of the organisation acting (a GB/T 2260 code
 * prefix) and a half-open range of instants. Built by the figures service from the query.
 */
export type FiguresScope = {
  eventId: string;
  sessionId: string | null;
  /** '63' (a province), '6301' (a prefecture) or '630102' (a county). */
  regionPrefix: string | null;
  from: Date | null;
  until: Date | null;
};

/** Columns of one query that the scope narrows. */
export type ScopeColumns = { event: string; session?: string; at: string; region?: string };

/**
 * The scope as SQL conditions joined by AND, appending its values to `params` ($n placeholders).
 * Columns a query does not have (a session, a region) are not narrowed.
 */
export function scopeConditions(scope: FiguresScope, columns: ScopeColumns, params: unknown[]): string {
  const add = (value: unknown) => `$${params.push(value)}`;
  const conditions = [`${columns.event} = ${add(scope.eventId)}`];
  if (scope.sessionId && columns.session) conditions.push(`${columns.session} = ${add(scope.sessionId)}`);
  if (scope.regionPrefix && columns.region) conditions.push(`${columns.region} LIKE ${add(`${scope.regionPrefix}%`)}`);
  if (scope.from) conditions.push(`${columns.at} >= ${add(scope.from)}`);
  if (scope.until) conditions.push(`${columns.at} < ${add(scope.until)}`);
  return conditions.join(' AND ');
}
