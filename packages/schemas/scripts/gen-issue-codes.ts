/**
 * Generates the guide pages that are derived from code (so they cannot drift):
 * docs/guides/issue-codes.md from the message catalogue. Run before TypeDoc.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MESSAGES } from '../src/messages.ts';

const out = fileURLToPath(new URL('../../../docs/guides/issue-codes.md', import.meta.url));

const esc = (s: string) => s.replace(/\|/g, '\\|');
const rows = Object.entries(MESSAGES)
  .sort(([a], [b]) => a.localeCompare(b))
  .map(([code, m]) => `| \`${code}\` | ${esc(m.vi)} | ${esc(m.en)} |`);
writeFileSync(
  out,
  `---
title: Issue codes / Mã lỗi
---

# Issue codes — mã lỗi và cảnh báo

Generated from the message catalogue (\`MESSAGES\` in \`@motcua/schemas\`). Codes are stable; \`{name}\`
placeholders are filled from the issue's \`params\`.

| Code | Tiếng Việt | English |
|---|---|---|
${rows.join('\n')}
`,
);
console.log(`docs: ${rows.length} issue codes`);
