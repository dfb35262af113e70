#!/usr/bin/env node
import module from 'node:module';

// Node caches the compiled code of the CLI's modules on disk (in its cache directory under the OS
// temporary directory; NODE_DISABLE_COMPILE_CACHE=1 turns it off), so that later runs start
// faster. Enabled before the CLI's own modules load, hence the dynamic import.
module.enableCompileCache?.();
const { main } = await import('./main.ts');

process.exitCode = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
});
