/**
 * Two io-ts combinators for the hot wire shapes, built so that decoding an event with 50,000
 * operations costs one pass: `struct(name, required, optional)` is `compacted(exact(intersection([
 * type(required), partial(optional)])))` in a single loop over the known keys (unknown keys and
 * `undefined` values never reach the output, so no strip or compact pass follows), and
 * `list(codec)` is `array(codec)`. Every field is still decoded by its io-ts codec; what they save
 * is the per-key context array io-ts allocates on success (the context entry is added only to the
 * errors of a failing field, so paths like `Operations[3].Status` read exactly as io-ts gives them)
 * and, for io-ts's scalar types, the Right wrapper: their guard alone decides, as their validate does.
 */
import * as t from 'io-ts'

type Mutable<T> = { -readonly [K in keyof T]: T[K] }
export type StructA<R extends t.Props, O extends t.Props> = { [K in keyof R]: t.TypeOf<R[K]> } & { [K in keyof O]?: t.TypeOf<O[K]> }
export type StructO<R extends t.Props, O extends t.Props> = { [K in keyof R]: t.OutputOf<R[K]> } & { [K in keyof O]?: t.OutputOf<O[K]> }

const isRecord = (u: unknown): u is Record<string, unknown> => t.UnknownRecord.is(u)

/** The errors of a child validated against its parent's context `c`, given the entry io-ts would have added. */
function withEntry(errors: t.Errors, c: t.Context, key: string, type: t.Decoder<unknown, unknown>, actual: unknown): t.Errors {
  const entry: t.ContextEntry = { key, type, actual }
  return errors.map((e) => ({ ...e, context: [...c, entry, ...e.context.slice(c.length)] }))
}

interface Field {
  readonly key: string
  readonly codec: t.Mixed
  readonly required: boolean
  /** The codec decodes a value its guard accepts to that very value: `is` alone decides. */
  readonly plain: boolean
}

/** io-ts's scalar types, whose `validate` is `is(u) ? success(u) : failure(...)`. */
const isPlain = (codec: t.Mixed): boolean =>
  codec instanceof t.StringType || codec instanceof t.NumberType || codec instanceof t.BooleanType || codec instanceof t.KeyofType

const field = (key: string, codec: t.Mixed, required: boolean): Field => ({ key, codec, required, plain: isPlain(codec) })

const fieldsOf = (required: t.Props, optional: t.Props): readonly Field[] => [
  ...Object.keys(required).map((key) => field(key, required[key] as t.Mixed, true)),
  ...Object.keys(optional).map((key) => field(key, optional[key] as t.Mixed, false)),
]

/** An object with `required` and `optional` fields; output keeps only known keys with defined values. */
export function struct<R extends t.Props, O extends t.Props>(name: string, required: R, optional: O): t.Type<StructA<R, O>, StructO<R, O>, unknown> {
  const fields = fieldsOf(required, optional)
  const is = (u: unknown): u is StructA<R, O> =>
    isRecord(u) && fields.every((f) => (!f.required && u[f.key] === undefined) || f.codec.is(u[f.key]))
  const validate = (u: unknown, c: t.Context): t.Validation<StructA<R, O>> => {
    if (!isRecord(u)) return t.failure(u, c)
    const out: Record<string, unknown> = {}
    let errors: t.Errors | undefined
    for (const f of fields) {
      const value = u[f.key]
      if (value === undefined && !f.required) continue
      if (f.plain && f.codec.is(value)) {
        out[f.key] = value
        continue
      }
      const r = f.codec.validate(value, c)
      if (r._tag === 'Left') errors = [...(errors ?? []), ...withEntry(r.left, c, f.key, f.codec, value)]
      else if (r.right !== undefined) out[f.key] = r.right
    }
    // The output is built from the decoded fields alone, so its type is the struct's by construction.
    return errors === undefined ? t.success(out as StructA<R, O>) : t.failures(errors)
  }
  const encode = (a: StructA<R, O>): StructO<R, O> => {
    const source: Record<string, unknown> = a
    const out: Record<string, unknown> = {}
    for (const f of fields) {
      const value = source[f.key]
      if (value === undefined) continue
      const encoded: unknown = f.codec.encode(value)
      if (encoded !== undefined) out[f.key] = encoded
    }
    return out as StructO<R, O>
  }
  return new t.Type(name, is, validate, encode)
}

/** `t.array(codec)` without a context array per element on the success path. */
export function list<C extends t.Mixed>(codec: C, name = `Array<${codec.name}>`): t.Type<t.TypeOf<C>[], t.OutputOf<C>[], unknown> {
  const is = (u: unknown): u is t.TypeOf<C>[] => Array.isArray(u) && u.every((x) => codec.is(x))
  const validate = (u: unknown, c: t.Context): t.Validation<t.TypeOf<C>[]> => {
    if (!Array.isArray(u)) return t.failure(u, c)
    const out: Mutable<t.TypeOf<C>[]> = new Array(u.length)
    let errors: t.Errors | undefined
    for (let i = 0; i < u.length; i++) {
      const r = codec.validate(u[i], c)
      if (r._tag === 'Left') errors = [...(errors ?? []), ...withEntry(r.left, c, String(i), codec, u[i])]
      else out[i] = r.right
    }
    return errors === undefined ? t.success(out) : t.failures(errors)
  }
  return new t.Type(name, is, validate, (a) => a.map((x) => codec.encode(x)))
}
