import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ProtocolDefinitionError, ProtocolLibrary, protocolsDir } from '../../src/protocol/load.js';
import { allSteps, type ProtocolDefinition } from '../../src/protocol/model.js';

const library = new ProtocolLibrary();
const raw = (id: string): ProtocolDefinition => JSON.parse(readFileSync(join(protocolsDir(), `${id}.json`), 'utf8')) as ProtocolDefinition;

describe('protocol definitions (test-protocols/*.json)', () => {
  it('finds the protocols', () => {
    expect(library.ids()).toEqual(['conditionlist-receive', 'conditionlist-send', 'hco-receive', 'hco-send', 'notes-send']);
  });

  for (const id of new ProtocolLibrary().ids()) {
    it(`${id} conforms to protocol.schema.json and its cross-references hold`, () => {
      const p = library.get(id);
      expect(p.id).toBe(id);
      expect(allSteps(p).length).toBeGreaterThan(0);
    });
  }

  it('rejects a definition that breaks the schema, naming the place', () => {
    const bad = raw('hco-send') as unknown as { sections: { rows: Record<string, unknown>[] }[] };
    delete bad.sections[1]!.rows[0]!['action'];
    expect(() => library.check(bad, 'bad.json')).toThrow(ProtocolDefinitionError);
    try {
      library.check(bad, 'bad.json');
    } catch (e) {
      expect((e as ProtocolDefinitionError).problems.join('\n')).toMatch(/\/sections\/1\/rows\/0/);
    }
  });

  it('rejects a manual step with checks, and an automated step without', () => {
    const manual = raw('hco-send');
    const s = manual.sections[0]!.rows[0] as unknown as Record<string, unknown>;
    s['checks'] = [{ kind: 'validate', id: 'hco-send.x', description: { en: 'x' } }];
    expect(() => library.check(manual, 'm.json')).toThrow(ProtocolDefinitionError);
    const automated = raw('hco-send');
    delete (automated.sections[1]!.rows[1] as unknown as Record<string, unknown>)['checks'];
    expect(() => library.check(automated, 'a.json')).toThrow(ProtocolDefinitionError);
  });

  it('rejects duplicate step ids and numbers, unknown references, FHIRPath that does not compile, and variables not captured', () => {
    const p = raw('hco-send');
    const rows = p.sections[1]!.rows as unknown as Record<string, unknown>[];
    rows[1]!['id'] = rows[0]!['id'];
    rows[2]!['number'] = rows[0]!['number'];
    rows[3]!['refersTo'] = ['hco-send.nowhere'];
    const checks = rows[4]!['checks'] as Record<string, unknown>[];
    checks[0]!['expression'] = 'Bundle.entry.where(';
    const checks5 = rows[5]!['checks'] as Record<string, unknown>[];
    checks5[0]!['expression'] = 'Bundle.timestamp > %previousTimestamp';
    checks5[0]!['uses'] = ['previousTimestamp'];
    try {
      library.check(p, 'x.json');
      expect.unreachable();
    } catch (e) {
      const text = (e as ProtocolDefinitionError).problems.join('\n');
      expect(text).toMatch(/step id 'hco-send\.s1\.patient' is used twice/);
      expect(text).toMatch(/step number 3\.3\.1\.1 is used twice/);
      expect(text).toMatch(/unknown step 'hco-send\.nowhere'/);
      expect(text).toMatch(/does not compile/);
      expect(text).toMatch(/%previousTimestamp is not captured by an earlier step/);
    }
  });

  it('hco-send has the v1.2.0 layout: 3.2.1, 11 + 12 + 11 + 11 use-case steps, 3.4.1–3.4.6', () => {
    const p = library.get('hco-send');
    const numbers = allSteps(p).map((s) => s.step.number);
    expect(numbers.filter((n) => n.startsWith('3.3.1.'))).toHaveLength(11);
    expect(numbers.filter((n) => n.startsWith('3.3.2.'))).toHaveLength(12);
    expect(numbers.filter((n) => n.startsWith('3.3.3.'))).toHaveLength(11);
    expect(numbers.filter((n) => n.startsWith('3.3.4.'))).toHaveLength(11);
    expect(numbers.filter((n) => /^3\.4\.\d$/.test(n))).toEqual(['3.4.1', '3.4.2', '3.4.3', '3.4.4', '3.4.5', '3.4.6']);
    expect(p.useCases.map((u) => u.id)).toEqual(['S1', 'S1.A1', 'S1.A2', 'S1.A3', 'S1.A4', 'S.CANC', 'S.CORR']);
  });
});
