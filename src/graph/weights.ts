/** Edge weights of the call graph; why each value: weights-rationale.md beside this file. */
export const WEIGHTS = {
  /** One per call site: two symbols that call each other in many places belong together. */
  callSite: 1,
  /** A route is a leaf on its handler: it always goes with it, whatever the weight (see rationale). */
  routeToHandler: 1,
  /** Middleware is usually shared plumbing; a light tie keeps it from pulling routes together. */
  routeToMiddleware: 0.5,
  /** Routes registered on one router (or controller) usually serve one capability: a light tie. */
  routeToGroup: 2,
  /**
   * A router mounted under a router that serves routes itself is a sub-resource of its capability.
   * This total is split among the parent's child routers, so a parent mounting many is no hub.
   */
  subRouterToParent: 2,
  /** Methods of one class share fields and a constructor: a light tie toward the same candidate. */
  memberOfClass: 0.5,
} as const;
