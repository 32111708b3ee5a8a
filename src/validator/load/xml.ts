import type { FhirModel } from '../model.js';
import { InputError, pathsOf, type PathStep, type Position, type SourceDoc } from './source.js';
import { convert } from './xml/convert.js';
import { checkEncoding } from './xml/decode.js';
import { viewOf } from './xml/model-view.js';
import { XmlText } from './xml/positions.js';
import { checkText, checkWellFormed, parseTree, rootOf } from './xml/syntax.js';

/**
 * FHIR XML (R4, http://hl7.org/fhir/xml.html) read into the FHIR JSON form, keeping where every
 * element starts so issues can point at the source. The steps, each in `xml/`:
 * - syntax.ts: checks on the raw text (DOCTYPE refused), well-formedness, fast-xml-parser's
 *   ordered tree with the offsets of every element;
 * - decode.ts: UTF-8 only, the five predefined entities and numeric character references;
 * - namespaces.ts: prefix scopes; model-view.ts: the base R4 model as the reader needs it;
 * - convert.ts (with members.ts, narrative.ts): the FHIR XML → JSON rules;
 * - positions.ts: offsets → line/column, and from JSON paths back to offsets.
 *
 * Security: a DOCTYPE (and so any entity declaration) is rejected before parsing, entity processing
 * in the parser is switched off, and the only references decoded are the five predefined XML
 * entities and numeric character references. Nothing but the given text is ever read.
 */

export { FHIR_NS, XHTML_NS } from './xml/namespaces.js';

export interface XmlReadOptions {
  /**
   * Deeper nesting of the resulting JSON value is rejected (default 512, as for JSON input; FHIR
   * resources are never nearly that deep). Counted conservatively: a repeating element counts two
   * levels (array and object).
   */
  maxDepth?: number;
}

/** Something in the XML that the JSON form cannot show by itself (e.g. an element in a foreign namespace). */
export interface XmlNote {
  message: string;
  position: Position;
  /** The JSON path of the value the note is about, when it is in the JSON value. */
  path?: PathStep[];
}

export interface XmlDoc extends SourceDoc {
  format: 'xml';
  notes: XmlNote[];
}

/**
 * Read FHIR XML. Throws `InputError` (with file, reason and position when known) for anything
 * that is not well-formed FHIR XML; unknown elements and attributes are kept in the value (so the
 * validator reports them): unknown elements under their name, unknown attributes as `@name`
 * properties, text inside FHIR elements as `#text`.
 */
export function readXml(file: string, text: string, model: FhirModel, options: XmlReadOptions = {}): XmlDoc {
  const maxDepth = options.maxDepth ?? 512;
  if (text.length === 0) throw new InputError(file, 'the file is empty');
  checkEncoding(file, text);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const src = new XmlText(file, text);
  checkText(src);
  checkWellFormed(src);
  const root = rootOf(src, parseTree(src, maxDepth));
  const { value, rootAt, positions, notes: pending } = convert(src, viewOf(model), root, maxDepth);

  const paths = pending.length ? pathsOf(value, new Set(pending.map((n) => n.container))) : new Map<object, PathStep[]>();
  const notes: XmlNote[] = pending.map((n) => {
    const note: XmlNote = { message: n.message, position: src.position(n.at) };
    const p = paths.get(n.container);
    if (p) note.path = [...p, n.key];
    return note;
  });

  return {
    file,
    format: 'xml',
    value,
    notes,
    locate(path) {
      return src.position(positions.locate(value, rootAt, path));
    },
    numberText(path) {
      return positions.numberText(value, path);
    },
  };
}
