import { HttpCode, RequestMapping, RequestMethod, applyDecorators } from '@nestjs/common';
import type { FileAnswer, Route, RouteOutput } from '@duijie/shared';

/** What a handler of the route answers: the route's output, or nothing for a file it writes to the response. */
type Answer<R> = RouteOutput<R> extends FileAnswer ? void : RouteOutput<R>;

/**
 * Maps a controller method to a route of the contract (shared/src/contract): its method, path and
 * success status come from the table, and the compiler holds the handler to the route's output type.
 */
export function Endpoint<R extends Route>(route: R) {
  const mapping = applyDecorators(RequestMapping({ path: route.path, method: RequestMethod[route.method] }), HttpCode(route.status));
  return <F extends (...args: never[]) => Answer<R> | Promise<Answer<R>>>(
    target: object,
    key: string | symbol,
    descriptor: TypedPropertyDescriptor<F>,
  ): void => {
    mapping(target, key, descriptor);
  };
}
