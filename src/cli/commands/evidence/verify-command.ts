import type { CommandInput } from '../../command-spec.js';
import { verifyBag } from '../../../app/evidence/verify-evidence.js';
import { untilSigint } from './sigint.js';
import { renderVerify } from '../../render/evidence/verify-render.js';

/** `dvc evidence verify`: a bundle (or an unpacked bag) checked against its manifests and dvc's limits. */
export async function run({ args, ctx }: CommandInput): Promise<number> {
  const r = await untilSigint((signal) => verifyBag({ target: args[0], cwd: ctx.cwd, signal }));
  return renderVerify(ctx, r);
}
