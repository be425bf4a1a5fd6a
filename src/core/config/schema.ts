import { z } from 'zod';
import { EMULATION_NAMES } from '../api/emulation/emulations.js';

/**
 * The dvc configuration, validated with zod. Secrets are never literal values: only a reference to an
 * environment variable (`...Env`) or a file (`...File`). Objects are strict so that a literal `password`,
 * `token`, `key` or `value` is rejected with a message naming the key.
 */
const envName = z.string().regex(
  /^[A-Za-z_][A-Za-z0-9_]*$/,
  // A catalogue key: validate.ts words the problem in the person's language.
  'config.hint.envName',
);
const filePath = z.string().min(1);

const noAuth = z.strictObject({ type: z.literal('none') });
const basicAuth = z.strictObject({
  type: z.literal('basic'),
  username: z.string().min(1),
  passwordEnv: envName.optional(),
  passwordFile: filePath.optional(),
});
const bearerAuth = z.strictObject({
  type: z.literal('bearer'),
  tokenEnv: envName.optional(),
  tokenFile: filePath.optional(),
});
const bodyKeyAuth = z.strictObject({
  type: z.literal('body-key'),
  field: z.string().min(1).default('SecurityKey'),
  keyEnv: envName.optional(),
  keyFile: filePath.optional(),
});
const headerAuth = z.strictObject({
  type: z.literal('header'),
  name: z.string().min(1),
  valueEnv: envName.optional(),
  valueFile: filePath.optional(),
});

export const authSchema = z.discriminatedUnion('type', [noAuth, basicAuth, bearerAuth, bodyKeyAuth, headerAuth]);

/**
 * A province's response convention (src/core/api/response-convention.ts): a named preset (one of the emulated
 * systems, src/core/api/emulation/emulations.ts) and any field of it replaced. Success codes may be numbers, strings
 * or booleans.
 */
export const responseRuleSchema = z.strictObject({
  preset: z.enum(EMULATION_NAMES).optional(),
  statuses: z.array(z.number().int().min(100).max(599)).min(1).optional(),
  codeField: z
    .string()
    .regex(/^[^.]+(\.[^.]+)*$/, 'config.hint.dottedPath')
    .optional(),
  successCodes: z
    .array(z.union([z.string(), z.number(), z.boolean()]))
    .min(1)
    .optional(),
  messageField: z.string().min(1).optional(),
  array: z.enum(['every', 'any', 'first', 'reject']).optional(),
  duplicateCodes: z.array(z.union([z.string(), z.number(), z.boolean()])).optional(),
});

export const apiEndpointSchema = z.strictObject({
  url: z.url({ protocol: /^https?$/ }),
  method: z.enum(['POST', 'GET', 'PUT']).default('POST'),
  /** A request body template (JSON) replacing the built-in one for this province. */
  templateFile: filePath.optional(),
  /** This API's own convention, over the province's (e.g. a look-up answered differently from the notices). */
  response: responseRuleSchema.optional(),
});

export const provinceSchema = z.strictObject({
  name: z.string().min(1),
  unit: z.string().min(1).optional(),
  dstcode: z.string().min(1).optional(),
  email: z.email().optional(),
  auth: authSchema.default({ type: 'none' }),
  apis: z.record(z.string(), apiEndpointSchema).default({}),
  response: responseRuleSchema.optional(),
  tls: z.strictObject({ caFile: filePath.optional(), insecure: z.boolean().optional() }).optional(),
  headers: z.record(z.string(), z.string()).optional(),
});

/** A province-defined API type: template and JSON Schemas in files, relative to the config file. */
export const apiTypeSchema = z.strictObject({
  service: z.string().min(1).optional(),
  title: z.string().optional(),
  templateFile: filePath.optional(),
  requestSchemaFile: filePath.optional(),
  responseSchemaFile: filePath.optional(),
});

export const evidenceSettingsSchema = z.strictObject({
  unitName: z.string().optional(),
  email: z.email().optional(),
  contactName: z.string().optional(),
  contactPhone: z.string().optional(),
  maxFileMb: z.number().positive().optional(),
  maxVideoMb: z.number().positive().optional(),
});

export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  lang: z.enum(['vi', 'en']).optional(),
  provinces: z.record(z.string().regex(/^[A-Za-z0-9_.-]+$/, 'config.hint.provinceKey'), provinceSchema).default({}),
  apiTypes: z.record(z.string().regex(/^[a-z0-9-]+$/, 'config.hint.typeKey'), apiTypeSchema).optional(),
  evidence: evidenceSettingsSchema.optional(),
  mapCommunes: z
    .strictObject({ stdSheet: z.string().optional(), taxSheet: z.string().optional(), strict: z.boolean().optional() })
    .optional(),
});

export type DvcConfig = z.infer<typeof configSchema>;
export type ProvinceConfig = z.infer<typeof provinceSchema>;
export type AuthConfig = z.infer<typeof authSchema>;

/** Keys that hold a secret when written literally; each has an `Env` and a `File` form instead. */
export const LITERAL_SECRET_KEYS = ['password', 'token', 'key', 'value', 'secret', 'apiKey', 'securityKey'] as const;
