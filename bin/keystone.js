#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so the checkout needs no build step.
import { register } from 'tsx/esm/api';
import { fileURLToPath } from 'node:url';

register();
const { main } = await import(fileURLToPath(new URL('../src/cli.ts', import.meta.url)));
const { loadEnv } = await import(fileURLToPath(new URL('../src/config.ts', import.meta.url)));
loadEnv();
process.exitCode = await main(process.argv.slice(2));
