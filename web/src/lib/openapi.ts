// What the OpenAPI document (GET /api/openapi.json) says about a request body's fields: the help,
// default, range and choices the server's settings table gives them (apps/server/api_schemas.cpp),
// so forms show the same words as the CLI's --help and docs/settings.md, never a copy.

import { get } from './api';

/** One property of a schema, as the document states it. */
export interface PropertyInfo {
  help?: string;
  default?: unknown;
  choices?: string[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
}

let document: Promise<any> | undefined;

/** The document, fetched once per page load (it changes only with the server). */
function openapi(): Promise<any> {
  document ??= get<any>('/openapi.json').catch((e) => {
    document = undefined;
    throw e;
  });
  return document;
}

/** Every property of components.schemas[name], nested objects flattened to dotted paths
 * ("fairness.max_dry_spell"). */
export async function schemaFields(name: string): Promise<Record<string, PropertyInfo>> {
  const doc = await openapi();
  const out: Record<string, PropertyInfo> = {};
  const walk = (schema: any, prefix: string) => {
    for (const [key, property] of Object.entries<any>(schema?.properties ?? {})) {
      const path = prefix + key;
      if (property?.type === 'object' && property.properties) {
        walk(property, path + '.');
        continue;
      }
      out[path] = {
        help: property?.description,
        default: property?.default,
        choices: Array.isArray(property?.enum) ? property.enum : undefined,
        minimum: property?.minimum,
        maximum: property?.maximum,
        maxLength: property?.maxLength,
      };
    }
  };
  walk(doc?.components?.schemas?.[name], '');
  return out;
}
