/** Test helper: runs one registered command in-process and returns what it printed on stdout. */
import { Command } from 'commander';

export async function runCommand(register: (program: Command) => void, args: string[]): Promise<string> {
  const program = new Command('nianbao').exitOverride();
  register(program);
  const chunks: string[] = [];
  const write = process.stdout.write;
  process.stdout.write = ((s: string) => (chunks.push(String(s)), true)) as typeof process.stdout.write;
  try {
    await program.parseAsync(['node', 'nianbao', ...args]);
  } finally {
    process.stdout.write = write;
  }
  return chunks.join('');
}
