/**
 * Inputs for the input benchmark (scripts/bench-input.ts) and the security tests: one element with
 * many attributes (XML) or one object with many properties (JSON), and a large collection Bundle
 * written both as FHIR JSON and as FHIR XML with the same content.
 */

const FHIR = 'http://hl7.org/fhir';
const XHTML = 'http://www.w3.org/1999/xhtml';

/** A Patient whose start tag carries `n` attributes FHIR does not define: `a0="x" a1="x" …`. */
export function manyAttributesXml(n: number): string {
  const parts: string[] = [`<Patient xmlns="${FHIR}"`];
  for (let k = 0; k < n; k++) parts.push(` a${k}="x"`);
  parts.push('><id value="p1"/></Patient>');
  return parts.join('');
}

/** The JSON counterpart: a Patient with `n` properties FHIR does not define (`@a0` … as the XML reader names attributes). */
export function manyPropertiesJson(n: number): string {
  const parts: string[] = ['{"resourceType":"Patient","id":"p1"'];
  for (let k = 0; k < n; k++) parts.push(`,"@a${k}":"x"`);
  parts.push('}');
  return parts.join('');
}

/** One Patient and one Observation per pair, as FHIR JSON entries. */
function jsonPair(k: number): string {
  const patient = {
    fullUrl: `urn:uuid:00000000-0000-4000-8000-${String(2 * k).padStart(12, '0')}`,
    resource: {
      resourceType: 'Patient',
      id: `p${k}`,
      text: { status: 'generated', div: `<div xmlns="${XHTML}">Patient ${k}</div>` },
      identifier: [{ system: 'urn:oid:1.2.208.176.1.2', value: String(1000000000 + k) }],
      name: [{ use: 'official', family: `Hansen${k}`, given: ['Anna', 'Marie'] }],
      gender: 'female',
      birthDate: '1980-05-17',
      address: [{ line: [`Vejen ${k}`], city: 'Odense', postalCode: '5000', country: 'DK' }],
    },
  };
  const observation = {
    fullUrl: `urn:uuid:00000000-0000-4000-8000-${String(2 * k + 1).padStart(12, '0')}`,
    resource: {
      resourceType: 'Observation',
      id: `o${k}`,
      text: { status: 'generated', div: `<div xmlns="${XHTML}">Weight of patient ${k}</div>` },
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '29463-7', display: 'Body weight' }] },
      subject: { reference: `urn:uuid:00000000-0000-4000-8000-${String(2 * k).padStart(12, '0')}` },
      effectiveDateTime: '2024-03-01T10:15:00+01:00',
      valueQuantity: { value: 70.5, unit: 'kg', system: 'http://unitsofmeasure.org', code: 'kg' },
    },
  };
  return `${JSON.stringify(patient, null, 2)},\n${JSON.stringify(observation, null, 2)}`;
}

function xmlPair(k: number): string {
  const pUrl = `urn:uuid:00000000-0000-4000-8000-${String(2 * k).padStart(12, '0')}`;
  const oUrl = `urn:uuid:00000000-0000-4000-8000-${String(2 * k + 1).padStart(12, '0')}`;
  return `  <entry>
    <fullUrl value="${pUrl}"/>
    <resource>
      <Patient>
        <id value="p${k}"/>
        <text><status value="generated"/><div xmlns="${XHTML}">Patient ${k}</div></text>
        <identifier><system value="urn:oid:1.2.208.176.1.2"/><value value="${1000000000 + k}"/></identifier>
        <name><use value="official"/><family value="Hansen${k}"/><given value="Anna"/><given value="Marie"/></name>
        <gender value="female"/>
        <birthDate value="1980-05-17"/>
        <address><line value="Vejen ${k}"/><city value="Odense"/><postalCode value="5000"/><country value="DK"/></address>
      </Patient>
    </resource>
  </entry>
  <entry>
    <fullUrl value="${oUrl}"/>
    <resource>
      <Observation>
        <id value="o${k}"/>
        <text><status value="generated"/><div xmlns="${XHTML}">Weight of patient ${k}</div></text>
        <status value="final"/>
        <code><coding><system value="http://loinc.org"/><code value="29463-7"/><display value="Body weight"/></coding></code>
        <subject><reference value="${pUrl}"/></subject>
        <effectiveDateTime value="2024-03-01T10:15:00+01:00"/>
        <valueQuantity><value value="70.5"/><unit value="kg"/><system value="http://unitsofmeasure.org"/><code value="kg"/></valueQuantity>
      </Observation>
    </resource>
  </entry>
`;
}

/** A collection Bundle of Patient/Observation pairs, at least `bytes` long, as FHIR JSON. */
export function bigBundleJson(bytes: number): string {
  const parts: string[] = ['{\n"resourceType": "Bundle",\n"id": "big",\n"type": "collection",\n"entry": [\n'];
  let size = parts[0]!.length;
  for (let k = 0; size < bytes; k++) {
    const p = (k > 0 ? ',\n' : '') + jsonPair(k);
    parts.push(p);
    size += p.length;
  }
  parts.push('\n]\n}\n');
  return parts.join('');
}

/** The same Bundle as FHIR XML (the same entries, so about 1.3 times as many bytes for as many pairs). */
export function bigBundleXml(bytes: number): string {
  const parts: string[] = [`<Bundle xmlns="${FHIR}">\n  <id value="big"/>\n  <type value="collection"/>\n`];
  let size = parts[0]!.length;
  for (let k = 0; size < bytes; k++) {
    const p = xmlPair(k);
    parts.push(p);
    size += p.length;
  }
  parts.push('</Bundle>\n');
  return parts.join('');
}
