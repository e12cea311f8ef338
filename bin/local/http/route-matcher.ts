/**
 * Route selection as an HTTP API does it: a request path matches a route
 * path segment by segment; `{name}` takes one segment, `{name+}` the rest;
 * the most specific route wins (more literal segments, greedy last).
 */
export interface RoutePattern {
  method: string;
  /** API Gateway path syntax: `/v1/complaints/{caseId}`. */
  path: string;
}

export type RouteMatch<R extends RoutePattern> =
  | { kind: 'matched'; route: R; routeKey: string; pathParameters: Record<string, string> }
  | { kind: 'method_not_allowed'; allowedMethods: string[] }
  | { kind: 'not_found' };

type Segment = { literal: string } | { parameter: string; greedy: boolean };

interface CompiledRoute<R> {
  route: R;
  segments: Segment[];
  literalCount: number;
  greedy: boolean;
}

function compile<R extends RoutePattern>(route: R): CompiledRoute<R> {
  const segments: Segment[] = route.path
    .split('/')
    .slice(1)
    .map((part) => {
      const parameter = /^\{([A-Za-z0-9_]+)(\+?)\}$/.exec(part);
      return parameter ? { parameter: parameter[1]!, greedy: parameter[2] === '+' } : { literal: part };
    });
  return {
    route,
    segments,
    literalCount: segments.filter((s) => 'literal' in s).length,
    greedy: segments.some((s) => 'parameter' in s && s.greedy),
  };
}

function decodeSegment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** Path parameters (decoded) when `rawPath` fits the route's path, else `undefined`. */
function matchPath(compiled: CompiledRoute<unknown>, rawPath: string): Record<string, string> | undefined {
  const parts = rawPath.split('/').slice(1);
  const parameters: Record<string, string> = {};
  for (let i = 0; i < compiled.segments.length; i++) {
    const segment = compiled.segments[i]!;
    if ('literal' in segment) {
      if (parts[i] !== segment.literal) return undefined;
      continue;
    }
    if (segment.greedy) {
      const rest = parts.slice(i);
      if (rest.length === 0 || rest.join('/') === '') return undefined;
      parameters[segment.parameter] = rest.map(decodeSegment).join('/');
      return parameters;
    }
    const part = parts[i];
    if (part === undefined || part === '') return undefined;
    parameters[segment.parameter] = decodeSegment(part);
  }
  return parts.length === compiled.segments.length ? parameters : undefined;
}

export function createRouteMatcher<R extends RoutePattern>(routes: readonly R[]) {
  const compiled = routes.map(compile).sort((a, b) => Number(a.greedy) - Number(b.greedy) || b.literalCount - a.literalCount);
  return function matchRoute(method: string, rawPath: string): RouteMatch<R> {
    const allowedMethods = new Set<string>();
    for (const candidate of compiled) {
      const pathParameters = matchPath(candidate, rawPath);
      if (!pathParameters) continue;
      if (candidate.route.method === method) {
        return { kind: 'matched', route: candidate.route, routeKey: `${candidate.route.method} ${candidate.route.path}`, pathParameters };
      }
      allowedMethods.add(candidate.route.method);
    }
    return allowedMethods.size > 0 ? { kind: 'method_not_allowed', allowedMethods: [...allowedMethods].sort() } : { kind: 'not_found' };
  };
}
