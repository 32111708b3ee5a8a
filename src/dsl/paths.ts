/**
 * Type-level element paths. A profile's keys (`'code.coding[ICPC2code].code'`) are walked segment by
 * segment through the generated registry of element maps: first the parent's own snapshot map,
 * then, where the snapshot stops, the map of the element's data type (or type profile). A path that
 * does not exist yields `never`, which `defineProfile` turns into a type error at that key.
 */
import type { PathRegistry, StructureKinds } from './generated/registry.js';

type Reg = PathRegistry;

/** Registry keys we know; any other key means "not generated yet" and is checked loosely. */
export type KnownKey = keyof Reg;

type Join<A extends string, B extends string> = A extends '' ? B : `${A}.${B}`;

type Descend<T, Rest extends string> = T extends keyof Reg ? Walk<Reg[T], '', Rest> : never;

type Walk<M, Prefix extends string, Rest extends string> = Rest extends `${infer Seg}.${infer Tail}`
  ? Join<Prefix, Seg> extends keyof M
    ? Walk<M, Join<Prefix, Seg>, Tail>
    : Prefix extends keyof M
      ? Descend<M[Prefix], Rest>
      : never
  : Join<Prefix, Rest> extends keyof M
    ? M[Join<Prefix, Rest>]
    : Prefix extends keyof M
      ? Descend<M[Prefix], Rest>
      : never;

/** The type (registry key or FHIR type name) at `P` below the structure `K`; `never` if no such path. */
export type TypeAtPath<K extends string, P extends string> = K extends KnownKey ? (P extends '.' ? K : Walk<Reg[K], '', P>) : 'unchecked';

/** Error text that shows in the editor where a path is wrong. */
export type UnknownPath<P extends string, K extends string> = `✗ '${P}' is not an element of ${K}`;

/** The FHIR type a registry key stands for (`Identifier` for an Identifier profile key). */
export type BaseTypeOf<K> = K extends keyof StructureKinds ? StructureKinds[K] : K;
