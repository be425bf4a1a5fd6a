import { DvcError, ExitCode } from '../../errors.js';
import type { ApiType, ApiTypeOverride, JsonSchema } from './api-types.js';
import { compileSchema } from './schema-validator.js';
import { fillTemplate } from './fill-template.js';
import { envelopeSchema, resultSchema, SRC } from './builtin/envelope.js';
import { SAMPLE } from './builtin/samples.js';

/**
 * A province's `apiTypes.<id>` over a built-in type (each given part replaces the built-in one), or a new type
 * made only from the config. A schema that ajv cannot compile is a config error naming the type.
 */
/** A schema that ajv cannot compile is a config error naming the type. */
function checkSchemas(id: string, o: ApiTypeOverride): void {
  for (const [which, schema] of [
    ['requestSchemaFile', o.requestSchema],
    ['responseSchemaFile', o.responseSchema],
  ] as const) {
    if (!schema) continue;
    try {
      compileSchema(schema, { check: true });
    } catch (e) {
      throw new DvcError('api.schemaInvalid', { id, which, reason: (e as Error).message }, ExitCode.Usage, {
        cause: e,
      });
    }
  }
}

/** The built-in type with each part the province gives replacing the built-in one. */
function overBuiltin(base: ApiType, o: ApiTypeOverride, service: string | undefined): ApiType {
  const merged: ApiType = {
    ...(base.service === undefined && service !== undefined ? inEnvelope(base, service) : base),
    origin: 'builtin+config',
    ...(o.title !== undefined ? { title: o.title } : {}),
    ...(service !== undefined ? { service } : {}),
    ...(o.template ? { template: o.template } : {}),
    ...(o.requestSchema ? { requestSchema: o.requestSchema } : {}),
    ...(o.responseSchema ? { responseSchema: o.responseSchema } : {}),
  };
  if (o.template) merged.exampleRequest = fillTemplate(o.template, { unit: SAMPLE.unit, now: SAMPLE.now });
  else if (service !== undefined && merged.exampleRequest.service !== service)
    merged.exampleRequest = { ...merged.exampleRequest, service };
  return merged;
}

export function mergeApiType(id: string, base: ApiType | undefined, o: ApiTypeOverride): ApiType {
  checkSchemas(id, o);
  const service = o.service ?? (typeof o.template?.service === 'string' ? o.template.service : undefined);
  if (base) return overBuiltin(base, o, service);
  if (!o.template || service === undefined) {
    throw new DvcError('api.typeIncomplete', { id }, ExitCode.Usage);
  }
  const requestSchema: JsonSchema =
    o.requestSchema ??
    envelopeSchema({
      title: id,
      service,
      sources: SRC.dvc,
      data: { type: 'object', description: `Province-defined. Source: config (apiTypes.${id}).` },
    });
  return {
    id,
    title: o.title ?? id,
    service,
    origin: 'config',
    template: o.template,
    requestSchema,
    responseSchema: o.responseSchema ?? {
      $schema: 'http://json-schema.org/draft-07/schema#',
      ...resultSchema(`config (apiTypes.${id})`),
    },
    exampleRequest: fillTemplate(o.template, { unit: SAMPLE.unit, now: SAMPLE.now }),
    exampleResponse: { error_code: 0, message: 'OK' },
    responseRule: { codeField: 'error_code', successCodes: ['0'], messageField: 'message' },
  };
}

/**
 * A bare-body type (the look-up) put into the portal's envelope, for a province whose receiver names a service:
 * `{"service", "isUpdating": false, "data": <the bare body>}`, its schema the envelope around the bare one.
 */
function inEnvelope(base: ApiType, service: string): ApiType {
  const build = base.build;
  const wrapped: ApiType = {
    ...base,
    service,
    requestSchema: envelopeSchema({
      title: String(base.requestSchema.title ?? base.id),
      service,
      sources: `config (apiTypes.${base.id}.service)`,
      data: { ...base.requestSchema, $schema: undefined },
    }),
    ...(build ? { build: (ctx) => ({ service, isUpdating: false, data: build(ctx) }) } : {}),
  };
  wrapped.exampleRequest = { service, isUpdating: false, data: base.exampleRequest };
  return wrapped;
}
