import type { CommandInput } from '../../command-spec.js';
import { ExitCode } from '../../../errors.js';
import { configJsonSchema } from '../../../core/config/json-schema.js';

export async function run({ ctx }: CommandInput): Promise<number> {
  const schema = configJsonSchema();
  if (ctx.json) ctx.printJson(schema);
  else ctx.streams.stdout.write(JSON.stringify(schema, null, 2) + '\n');
  return ExitCode.Ok;
}
