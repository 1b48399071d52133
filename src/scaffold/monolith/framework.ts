/** The web frameworks whose route registrations the monolith side can route through a port. */
export type MonolithFramework = 'express' | 'koa';

/** How a framework's handlers look: what the port, adapters and toggle are typed with. */
export interface HandlerShape {
  framework: MonolithFramework;
  /** The type-only import the port and remote adapter need. */
  typeImport: string;
  /** Parameter list of a handler, typed. */
  params: string;
  /** The same parameters as call arguments. */
  args: string;
}

export const HANDLER_SHAPES: Record<MonolithFramework, HandlerShape> = {
  express: { framework: 'express', typeImport: "import type { NextFunction, Request, Response } from 'express';", params: 'req: Request, res: Response, next: NextFunction', args: 'req, res, next' },
  koa: { framework: 'koa', typeImport: "import type { Context, Next } from 'koa';", params: 'ctx: Context, next: Next', args: 'ctx, next' },
};

export function isMonolithFramework(framework: string): framework is MonolithFramework {
  return framework === 'express' || framework === 'koa';
}
