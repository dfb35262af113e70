import type { MessageTemplate } from '../messages.ts';

/** Issue codes and texts of this module (Vietnamese first, then English). */
export const ID_MESSAGES: Readonly<Record<string, MessageTemplate>> = {};
