import { ValidationError } from '@flowmap/shared';
import { describe, expect, it } from 'vitest';
import { runCommand } from './runCommand.ts';

describe('runCommand', () => {
  it("hands back the command's result", () => {
    expect(runCommand(() => 'n1')).toEqual({ ok: true, value: 'n1' });
  });

  it("reports a refusal with its first problem's message", () => {
    const refused = () => {
      throw new ValidationError([
        { path: 'stateId', message: 'there is no state “s9”' },
        { path: 'name', message: 'must be text' },
      ]);
    };
    expect(runCommand(refused)).toEqual({ ok: false, error: 'there is no state “s9”' });
  });

  it('throws anything that is not a refusal on', () => {
    expect(() =>
      runCommand(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
  });
});
