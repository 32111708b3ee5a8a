/**
 * dom-3 on resources with contained resources (issue 16, a mutation-testing gap): R4's expression applies
 * `as(canonical)` to a collection, which fhirpath.js refuses; the native check decides it as the HL7 validator
 * does — a contained resource must be referenced from its container (or a sibling), or refer to the container.
 */
import { describe, expect, it } from 'vitest';
import { issuesOf, validate } from '../../helpers/validate.js';

const div = { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml">x</div>' };
const org = (id: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  resourceType: 'Organization',
  id,
  name: 'A',
  ...extra,
});

async function dom3(resource: Record<string, unknown>): Promise<{ failed: number; notEvaluated: number }> {
  const r = await validate(resource);
  return {
    failed: issuesOf(r, 'invariants/failed').filter((i) => i.constraintKey === 'dom-3').length,
    notEvaluated: issuesOf(r, 'invariants/not-evaluated').filter((i) => i.constraintKey === 'dom-3').length,
  };
}

describe('dom-3 with contained resources', () => {
  it('passes when the container refers to the contained resource (#id)', async () => {
    expect(
      await dom3({ resourceType: 'Patient', id: 'p', text: div, contained: [org('org1')], managingOrganization: { reference: '#org1' } }),
    ).toEqual({ failed: 0, notEvaluated: 0 });
  });

  it('fails (an error at the resource) when nothing refers to it', async () => {
    expect(await dom3({ resourceType: 'Patient', id: 'p', text: div, contained: [org('org1')] })).toEqual({ failed: 1, notEvaluated: 0 });
    expect(
      await dom3({ resourceType: 'Patient', id: 'p', text: div, contained: [org('org1')], managingOrganization: { reference: '#org2' } }),
    ).toEqual({ failed: 1, notEvaluated: 0 });
  });

  it('passes when the narrative links to it or shows it (href/src="#id")', async () => {
    const shown = { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml"><img src="#img1" alt="x"/></div>' };
    const binary = { resourceType: 'Binary', id: 'img1', contentType: 'image/png', data: 'iVBORw0KGgo=' };
    expect(await dom3({ resourceType: 'Patient', id: 'p', text: shown, contained: [binary] })).toEqual({ failed: 0, notEvaluated: 0 });
  });

  it('passes when a sibling refers to it, or when it refers to its container (#)', async () => {
    const sibling = {
      resourceType: 'Patient',
      id: 'p',
      text: div,
      contained: [org('org1', { partOf: { reference: '#org2' } }), org('org2')],
      managingOrganization: { reference: '#org1' },
    };
    expect(await dom3(sibling)).toEqual({ failed: 0, notEvaluated: 0 });
    const toContainer = { resourceType: 'Patient', id: 'p', text: div, contained: [org('org1', { endpoint: [{ reference: '#' }] })] };
    expect(await dom3(toContainer)).toEqual({ failed: 0, notEvaluated: 0 });
  });
});
