#!/usr/bin/env node
// The `osallistu` command: the server is TypeScript run by tsx (no build step).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli.ts');
process.exitCode = await main(process.argv.slice(2));
