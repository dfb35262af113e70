import { kindNames } from '@motcua/schemas';
export async function main(
  argv: string[],
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream; stdin: NodeJS.ReadableStream },
): Promise<number> {
  io.stdout.write(`${JSON.stringify({ argv, kinds: kindNames() })}\n`);
  return 0;
}
