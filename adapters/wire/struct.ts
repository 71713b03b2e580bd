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

/**
 * A decoder that returns the decoded value itself, or FAILED after pushing its failures to `sink`:
 * the Right/Left wrapper io-ts allocates per value is left out between these combinators.
 */
export type Raw = (u: unknown, c: t.Context, sink: t.ValidationError[]) => unknown
export const FAILED: unique symbol = Symbol('FAILED')
const raws = new WeakMap<t.Mixed, Raw>()

/** Registers `raw` as the unwrapped form of `codec`, which must decode exactly as `codec.validate` does. */
export function withRaw<C extends t.Mixed>(codec: C, raw: Raw): C {
  raws.set(codec, raw)
  return codec
}

const isScalar = (codec: t.Mixed): boolean =>
  codec instanceof t.StringType || codec instanceof t.NumberType || codec instanceof t.BooleanType || codec instanceof t.KeyofType

/** The unwrapped decoder of any codec: registered, a scalar's guard, or `validate` unwrapped. */
function rawOf(codec: t.Mixed): Raw {
  const registered = raws.get(codec)
  if (registered !== undefined) return registered
  const unwrapped: Raw = (u, c, sink) => {
    const r = codec.validate(u, c)
    return r._tag === 'Right' ? r.right : pushAll(sink, r.left)
  }
  // A scalar's validate is `is(u) ? success(u) : failure(...)`: its guard alone decides a good value.
  return isScalar(codec) ? (u, c, sink) => (codec.is(u) ? u : unwrapped(u, c, sink)) : unwrapped
}

function pushAll(sink: t.ValidationError[], errors: t.Errors): typeof FAILED {
  for (const e of errors) sink.push(e)
  return FAILED
}

/** Failures a child pushed (from `from` on) were made against its parent's context `c`: add the entry io-ts would have added. */
function addEntry(sink: t.ValidationError[], from: number, c: t.Context, key: string, type: t.Decoder<unknown, unknown>, actual: unknown): void {
  const entry: t.ContextEntry = { key, type, actual }
  for (let i = from; i < sink.length; i++) {
    const e = sink[i] as t.ValidationError
    sink[i] = { ...e, context: [...c, entry, ...e.context.slice(c.length)] }
  }
}

/** Wraps a raw decoder back into io-ts's Validation. */
function validation<A>(raw: Raw): (u: unknown, c: t.Context) => t.Validation<A> {
  return (u, c) => {
    const sink: t.ValidationError[] = []
    const value = raw(u, c, sink)
    // A raw decoder returns a value only when it pushed no failure: the value has the codec's type.
    return sink.length === 0 ? t.success(value as A) : t.failures(sink)
  }
}

interface Field {
  readonly key: string
  readonly codec: t.Mixed
  readonly required: boolean
  readonly raw: Raw
}

const fieldsOf = (required: t.Props, optional: t.Props): readonly Field[] => [
  ...Object.keys(required).map((key) => ({ key, codec: required[key] as t.Mixed, required: true, raw: rawOf(required[key] as t.Mixed) })),
  ...Object.keys(optional).map((key) => ({ key, codec: optional[key] as t.Mixed, required: false, raw: rawOf(optional[key] as t.Mixed) })),
]

/**
 * The one pass of `struct`: each known field decoded by its codec, `undefined` left out, into a
 * fresh object. (io-ts's own `type` returns its input when nothing changed; telling that needs a
 * count of the input's keys, and that `for...in` cost more on a cold process than the object it
 * saves.)
 *
 * The loop over the fields is unrolled into a function built once per struct (field names come from
 * our codec definitions, never from input): each field then has its own property-load site, which
 * stays monomorphic, where one `u[f.key]` site for every field goes megamorphic; on a cold process
 * (every Lambda invocation after a cold start) that load is most of the decoding time. Each field
 * is one line: V8 compiles this function on its first call, inside the first invocation, so its
 * size is paid there. What a good value never needs (a failing guard, a nested decoder's failure)
 * is in `field`, shared by every struct and compiled only when some input is bad.
 */
/**
 * The guard of io-ts's own scalar codecs written in line (the very test their `is` makes: `t.string`,
 * `t.number`, `t.boolean`, `t.keyof`), so a cold process pays no call per field; any other codec asks
 * its own `is`. Returns an expression over `v`, or undefined when the field has no scalar guard.
 */
function inlineGuard(codec: t.Mixed, i: number): string | undefined {
  if (codec === t.string) return `typeof v==='string'`
  if (codec === t.number) return `typeof v==='number'`
  if (codec === t.boolean) return `typeof v==='boolean'`
  if (codec instanceof t.KeyofType) return `typeof v==='string'&&H.call(C${i}.keys,v)`
  return isScalar(codec) ? `C${i}.is(v)` : undefined
}

/** A field through its codec's raw decoder: stored when defined, its key added to the failures' paths. */
function field(out: Record<string, unknown>, f: Field, v: unknown, c: t.Context, sink: t.ValidationError[]): void {
  const from = sink.length
  const d = f.raw(v, c, sink)
  if (d === FAILED) addEntry(sink, from, c, f.key, f.codec, v)
  else if (d !== undefined) out[f.key] = d
}

function notObject(u: unknown, c: t.Context, sink: t.ValidationError[]): typeof FAILED {
  return pushAll(sink, [{ value: u, context: c }])
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/**
 * One field's statement, in the decoder's short names (u input, o output, c context, s sink):
 * - a scalar with a guard: `v=u.Id;if(typeof v==='string')o.Id=v;else F(o,F0,v,c,s)`, the failing
 *   (or missing, or for an optional field present but bad) value decoded by its codec in `field`;
 * - a struct or list: its raw decoder in line (every recorded step has StepDetails), and on failure
 *   the field's key added to the paths of what it pushed;
 * - anything else goes through `field`.
 */
function fieldSource(f: Field, i: number): string {
  const quoted = JSON.stringify(f.key)
  const at = IDENTIFIER.test(f.key) ? `.${f.key}` : `[${quoted}]`
  const guard = inlineGuard(f.codec, i)
  const present = f.required ? '' : 'if(v!==undefined)'
  if (guard !== undefined) return `v=u${at};if(${guard})o${at}=v;else ${present}F(o,F${i},v,c,s)`
  if (!raws.has(f.codec)) return `v=u${at};${present}F(o,F${i},v,c,s)`
  return `v=u${at};${present}{n=s.length;d=R${i}(v,c,s);if(d===X)E(s,n,c,${quoted},C${i},v);else if(d!==undefined)o${at}=d}`
}

/**
 * Builds the struct's decoder. The source is terse on purpose: V8 compiles this function on its first
 * call, inside the first invocation of a cold process, and what it costs there grows with its length.
 */
function structRaw(fields: readonly Field[]): Raw {
  const names = fields.flatMap((_, i) => [`R${i}`, `C${i}`, `F${i}`])
  const values = fields.flatMap((f) => [f.raw, f.codec, f])
  const source = `return function structRaw(u,c,s){
if(u===null||typeof u!=='object'||Array.isArray(u))return N(u,c,s)
const o={},b=s.length
let v,d,n
${fields.map(fieldSource).join('\n')}
return s.length>b?X:o
}`
  const build = new Function(...names, 'N', 'E', 'F', 'X', 'H', source) as (...args: unknown[]) => Raw
  return build(...values, notObject, addEntry, field, FAILED, Object.prototype.hasOwnProperty)
}

/** An object with `required` and `optional` fields; output keeps only known keys with defined values. */
export function struct<R extends t.Props, O extends t.Props>(name: string, required: R, optional: O): t.Type<StructA<R, O>, StructO<R, O>, unknown> {
  const fields = fieldsOf(required, optional)
  const is = (u: unknown): u is StructA<R, O> =>
    isRecord(u) && fields.every((f) => (!f.required && u[f.key] === undefined) || f.codec.is(u[f.key]))
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
  const raw = structRaw(fields)
  return withRaw(new t.Type(name, is, validation<StructA<R, O>>(raw), encode), raw)
}

/** `t.array(codec)` in one pass, without a context array or a wrapper per element. */
export function list<C extends t.Mixed>(codec: C, name = `Array<${codec.name}>`): t.Type<t.TypeOf<C>[], t.OutputOf<C>[], unknown> {
  const element = rawOf(codec)
  const is = (u: unknown): u is t.TypeOf<C>[] => Array.isArray(u) && u.every((x) => codec.is(x))
  const raw: Raw = (u, c, sink) => {
    if (!Array.isArray(u)) return pushAll(sink, [{ value: u, context: c }])
    const out: Mutable<t.TypeOf<C>[]> = new Array(u.length)
    const before = sink.length
    for (let i = 0; i < u.length; i++) {
      const from = sink.length
      const decoded = element(u[i], c, sink)
      if (decoded === FAILED) addEntry(sink, from, c, String(i), codec, u[i])
      else out[i] = decoded
    }
    return sink.length > before ? FAILED : out
  }
  return withRaw(new t.Type(name, is, validation<t.TypeOf<C>[]>(raw), (a) => a.map((x) => codec.encode(x))), raw)
}
