export async function runCli(argv: string[]): Promise<number> {
  console.log('folio', argv.join(' '));
  return 0;
}
