import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { routes, type RouteDefinition } from '../../routes';
import type { Doc } from './common';
import { consumerDescriptions } from './consumer-openapi';
import { fundDescriptions } from './funds-openapi';
import { publicDescriptions } from './public-openapi';
import { staffDescriptions } from './staff-openapi';

/**
 * The API document, generated from the route table and the same zod schemas
 * that validate requests — so the docs cannot drift from what is enforced.
 * Every route must be described here; `openApiDocument()` fails otherwise.
 */
const descriptions: Record<string, Doc> = { ...consumerDescriptions, ...staffDescriptions, ...publicDescriptions, ...fundDescriptions };

function describe(route: RouteDefinition): RouteConfig {
  const doc = descriptions[`${route.method} ${route.path}`];
  if (!doc) throw new Error(`The API document does not describe ${route.method} ${route.path}`);
  return {
    ...doc,
    method: route.method.toLowerCase() as RouteConfig['method'],
    path: route.path,
    security: route.auth === 'jwt' ? [{ bearer: [] }] : [],
  };
}

export function openApiDocument() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
  for (const route of routes) registry.registerPath(describe(route));
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Redress (维权通) API', version: '1', description: 'Consumer complaint and dispute intake for Henan province. Amounts in fen; dates YYYY-MM-DD in China time.' },
    servers: [{ url: '/' }],
  });
}
