import { describe, expect, it } from 'vitest';
import { EXIT, parseCommandLine } from '../../extract/command-line.ts';

describe('parseCommandLine', () => {
  const parse = (argv: string[]) => {
    const said: string[] = [];
    const result = parseCommandLine(argv, 'usage: thing [--size N]', { options: { size: { type: 'string' } } }, (text) => said.push(text));
    return { result, said: said.join('\n') };
  };

  it('gives the parsed values of a good command line', () => {
    const { result, said } = parse(['--size', '3']);
    expect(typeof result === 'number' ? result : result.values).toEqual({ size: '3' });
    expect(said).toBe('');
  });

  it('prints the usage for --help and gives exit code 0', () => {
    expect(parse(['--help'])).toEqual({ result: EXIT.ok, said: 'usage: thing [--size N]' });
  });

  it('names an unknown option, prints the usage and gives exit code 2', () => {
    const { result, said } = parse(['--sise', '3']);
    expect(result).toBe(EXIT.usage);
    expect(said).toMatch(/Unknown option '--sise'[\s\S]*usage: thing/);
  });
});
