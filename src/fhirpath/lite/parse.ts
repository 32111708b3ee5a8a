/**
 * A parser for the part of FHIRPath that profile invariants mostly use: paths, indexers,
 * `$this`, `%resource`/`%rootResource`, string/integer/boolean literals, the existence,
 * filtering and terminology functions listed in FUNCTIONS, and the operators `+ - > < >= <= = !=
 * and or xor implies`. Anything else — another function, a decimal or date literal, `|`, `is`,
 * `in`, a type name as a path — throws {@link Unsupported}, and the caller hands the expression
 * to fhirpath.js instead. Precedence and associativity follow the FHIRPath grammar.
 */

export type Ast =
  | { k: 'this' }
  | { k: 'env'; name: 'resource' | 'rootResource' }
  | { k: 'lit'; value: string | number | boolean }
  /** A member name; `from` undefined means the input of the (sub)expression. */
  | { k: 'member'; from: Ast | undefined; name: string }
  | { k: 'call'; from: Ast | undefined; name: string; args: Ast[] }
  | { k: 'index'; from: Ast; index: number }
  | { k: 'op'; op: Operator; left: Ast; right: Ast }
  /** `ofType(T)`: a type specifier, not an expression. */
  | { k: 'ofType'; from: Ast | undefined; type: string };

export type Operator = '+' | '-' | '>' | '<' | '>=' | '<=' | '=' | '!=' | 'and' | 'or' | 'xor' | 'implies';

/** The expression uses FHIRPath the lite evaluator does not implement. */
export class Unsupported extends Error {}

/** Function name → allowed argument counts; criteria arguments are evaluated per item. */
const FUNCTIONS: Record<string, readonly number[]> = {
  exists: [0, 1],
  empty: [0],
  count: [0],
  not: [0],
  first: [0],
  where: [1],
  select: [1],
  all: [1],
  matches: [1],
  toString: [0],
  intersect: [1],
  resolve: [0],
  memberOf: [1],
  conformsTo: [1],
  extension: [1],
};

/** Operator precedence, loosest first (FHIRPath §Operator precedence). */
const LEVELS: readonly (readonly Operator[])[] = [['implies'], ['or', 'xor'], ['and'], ['=', '!='], ['>', '<', '>=', '<='], ['+', '-']];

type Token =
  | { t: 'id'; v: string; quoted: boolean }
  | { t: 'str'; v: string }
  | { t: 'num'; v: number }
  | { t: 'sym'; v: string }
  | { t: 'this' }
  | { t: 'env'; v: string }
  | { t: 'end' };

const ESCAPES: Record<string, string> = { "'": "'", '"': '"', '`': '`', '\\': '\\', '/': '/', f: '\f', n: '\n', r: '\r', t: '\t' };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const n = src.length;
  const quoted = (q: string): string => {
    let s = '';
    i++;
    for (;;) {
      if (i >= n) throw new Unsupported('unterminated literal');
      const c = src[i]!;
      if (c === q) {
        i++;
        return s;
      }
      if (c === '\\') {
        const e = src[i + 1];
        if (e === 'u') {
          const hex = src.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new Unsupported('bad escape');
          s += String.fromCharCode(parseInt(hex, 16));
          i += 6;
          continue;
        }
        const r = e === undefined ? undefined : ESCAPES[e];
        if (r === undefined) throw new Unsupported('bad escape');
        s += r;
        i += 2;
        continue;
      }
      s += c;
      i++;
    }
  };
  while (i < n) {
    const c = src[i]!;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      i++;
      continue;
    }
    if (c === '/' && (src[i + 1] === '/' || src[i + 1] === '*')) throw new Unsupported('comment');
    if (c === "'") {
      out.push({ t: 'str', v: quoted("'") });
      continue;
    }
    if (c === '`') {
      out.push({ t: 'id', v: quoted('`'), quoted: true });
      continue;
    }
    if (c >= '0' && c <= '9') {
      const m = /^[0-9]+(\.[0-9]+)?/.exec(src.slice(i))!;
      if (m[1] !== undefined) throw new Unsupported('decimal literal');
      const v = Number(m[0]);
      if (!Number.isSafeInteger(v)) throw new Unsupported('integer out of range');
      out.push({ t: 'num', v });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))!;
      out.push({ t: 'id', v: m[0], quoted: false });
      i += m[0].length;
      continue;
    }
    if (c === '$') {
      const m = /^\$[A-Za-z]+/.exec(src.slice(i));
      if (m?.[0] !== '$this') throw new Unsupported(`${m?.[0] ?? '$'}`);
      out.push({ t: 'this' });
      i += 5;
      continue;
    }
    if (c === '%') {
      const m = /^%[A-Za-z][A-Za-z0-9_]*/.exec(src.slice(i));
      if (!m) throw new Unsupported('%');
      out.push({ t: 'env', v: m[0].slice(1) });
      i += m[0].length;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '>=' || two === '<=' || two === '!=') {
      out.push({ t: 'sym', v: two });
      i += 2;
      continue;
    }
    if ('.()[],=<>+-'.includes(c)) {
      out.push({ t: 'sym', v: c });
      i++;
      continue;
    }
    throw new Unsupported(`'${c}'`);
  }
  out.push({ t: 'end' });
  return out;
}

const KEYWORD_OPERATORS = new Set(['and', 'or', 'xor', 'implies']);
const RESERVED = new Set(['and', 'or', 'xor', 'implies', 'is', 'as', 'in', 'contains', 'div', 'mod', 'true', 'false']);

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.pos]!;
  }
  private next(): Token {
    return this.tokens[this.pos++]!;
  }
  private isSym(v: string): boolean {
    const t = this.peek();
    return t.t === 'sym' && t.v === v;
  }
  private expect(v: string): void {
    if (!this.isSym(v)) throw new Unsupported(`expected '${v}'`);
    this.pos++;
  }

  parse(): Ast {
    const ast = this.binary(0);
    if (this.peek().t !== 'end') throw new Unsupported('trailing input');
    return ast;
  }

  private operatorAt(): Operator | undefined {
    const t = this.peek();
    if (t.t === 'sym' && ['+', '-', '>', '<', '>=', '<=', '=', '!='].includes(t.v)) return t.v as Operator;
    if (t.t === 'id' && !t.quoted && KEYWORD_OPERATORS.has(t.v)) return t.v as Operator;
    if (t.t === 'id' && !t.quoted && RESERVED.has(t.v) && t.v !== 'true' && t.v !== 'false') throw new Unsupported(`operator ${t.v}`);
    return undefined;
  }

  private binary(level: number): Ast {
    if (level === LEVELS.length) return this.postfix(this.term());
    let left = this.binary(level + 1);
    for (;;) {
      const op = this.operatorAt();
      if (!op || !LEVELS[level]!.includes(op)) return left;
      this.pos++;
      left = { k: 'op', op, left, right: this.binary(level + 1) };
    }
  }

  private term(): Ast {
    const t = this.next();
    switch (t.t) {
      case 'str':
        return { k: 'lit', value: t.v };
      case 'num':
        return { k: 'lit', value: t.v };
      case 'this':
        return { k: 'this' };
      case 'env':
        if (t.v !== 'resource' && t.v !== 'rootResource') throw new Unsupported(`%${t.v}`);
        return { k: 'env', name: t.v };
      case 'sym':
        if (t.v === '(') {
          const inner = this.binary(0);
          this.expect(')');
          return inner;
        }
        throw new Unsupported(`'${t.v}'`);
      case 'id':
        if (!t.quoted && (t.v === 'true' || t.v === 'false')) return { k: 'lit', value: t.v === 'true' };
        return this.invocation(undefined, t);
      default:
        throw new Unsupported('unexpected end');
    }
  }

  private postfix(ast: Ast): Ast {
    for (;;) {
      if (this.isSym('.')) {
        this.pos++;
        const t = this.next();
        if (t.t !== 'id') throw new Unsupported('expected a name after .');
        ast = this.invocation(ast, t);
      } else if (this.isSym('[')) {
        this.pos++;
        const t = this.next();
        if (t.t !== 'num') throw new Unsupported('non-literal index');
        this.expect(']');
        ast = { k: 'index', from: ast, index: t.v };
      } else {
        return ast;
      }
    }
  }

  private invocation(from: Ast | undefined, t: { v: string; quoted: boolean }): Ast {
    if (this.isSym('(')) {
      if (t.quoted) throw new Unsupported('quoted function name');
      this.pos++;
      if (t.v === 'ofType') {
        const type = this.next();
        if (type.t !== 'id' || type.quoted || this.isSym('.')) throw new Unsupported('ofType() argument');
        this.expect(')');
        return { k: 'ofType', from, type: type.v };
      }
      const arities = FUNCTIONS[t.v];
      if (!arities) throw new Unsupported(`function ${t.v}()`);
      const args: Ast[] = [];
      if (!this.isSym(')')) {
        for (;;) {
          args.push(this.binary(0));
          if (!this.isSym(',')) break;
          this.pos++;
        }
      }
      this.expect(')');
      if (!arities.includes(args.length)) throw new Unsupported(`${t.v}() with ${args.length} arguments`);
      return { k: 'call', from, name: t.v, args };
    }
    if (!t.quoted && RESERVED.has(t.v)) throw new Unsupported(`keyword ${t.v}`);
    // A capitalised first name may be a type (`Observation.code`): fhirpath.js filters by type there.
    if (from === undefined && /^[A-Z]/.test(t.v)) throw new Unsupported(`type name ${t.v}`);
    return { k: 'member', from, name: t.v };
  }
}

/** Parse an expression for the lite evaluator; throws {@link Unsupported} outside its subset. */
export function parseLite(expression: string): Ast {
  return new Parser(tokenize(expression)).parse();
}
