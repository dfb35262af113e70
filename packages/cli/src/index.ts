/**
 * `@motcua/cli`: the `motcua` command, also usable in-process (every command takes injected streams).
 *
 * @packageDocumentation
 */
export * from './command.ts';
export { calendarCommand } from './commands/calendar.ts';
export { demoCommand } from './commands/demo.ts';
export { idCommand } from './commands/id.ts';
export { runSandbox, sandboxCommand } from './commands/sandbox.ts';
export { signCommand } from './commands/sign.ts';
export { createDvcqgPortalSender, runSync, syncCommand } from './commands/sync.ts';
export { validateCommand } from './commands/validate.ts';
export { verifyCommand } from './commands/verify.ts';
export { maskIdentifier, warehouseCommand } from './commands/warehouse.ts';
export * from './lang.ts';
export { COMMANDS, type CommandEntry, main } from './main.ts';
export * from './ndjson-parallel.ts';
export * from './read-input.ts';
