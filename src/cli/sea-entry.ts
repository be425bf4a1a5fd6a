import { launchWindows } from './windows-launch.js';

/** The main script of dvc.exe (bundled by scripts/build-win.mjs). argv[1] repeats the executable's path there. */
void launchWindows(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
