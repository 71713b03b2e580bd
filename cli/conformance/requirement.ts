/**
 * Loads one requirement file (the official YAML format, see conformance/README.md) and decodes it
 * with io-ts into a typed `Requirement`, once, at the edge. YAML is read as YAML 1.1, as PyYAML (the
 * official runner) reads it. Unknown keys are tolerated (newer upstream files add some); known keys
 * must have the right shape, and failure callback payloads must carry only string error fields.
 * A bad file yields one error naming the file and the path inside it (`CallbackActions[0].Operation`).
 * The requirement id is the file stem; its suite is the folder it sits in.
 */
import { readFileSync } from 'node:fs'
import { basename, dirname, extname } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { parse, type Tags } from 'yaml'
import { decodePath } from './decode-path.js'
import { hasKey, isRecord, showValue } from './json-values.js'
import type { ExpectedLogEntry } from './match-logs.js'
import type { ExpectedResult } from './match-result.js'
import { pythonStr } from './python-text.js'

const FailurePayloadCodec = t.partial({ ErrorType: t.string, ErrorMessage: t.string, ErrorData: t.string, StackTrace: t.array(t.string) })
export type CallbackFailurePayload = t.TypeOf<typeof FailurePayloadCodec>

const NonNegative = t.refinement(t.number, (value) => value >= 0, 'non-negative number')
const ActionCommon = t.intersection([t.type({ CallbackName: t.string }), t.partial({ Delay: NonNegative })])
const CallbackActionCodec = t.union([
  t.intersection([ActionCommon, t.type({ Operation: t.literal('failure') }), t.partial({ Payload: t.union([FailurePayloadCodec, t.null]) })]),
  t.intersection([ActionCommon, t.type({ Operation: t.union([t.literal('success'), t.literal('heartbeat')]) }), t.partial({ Payload: t.unknown })]),
])
export type CallbackAction = t.TypeOf<typeof CallbackActionCodec>

const LogValue = t.union([t.string, t.number, t.boolean, t.null])
const LogMatcherCodec = t.record(t.string, LogValue)
const Anchors = t.union([LogMatcherCodec, t.array(LogMatcherCodec)])
const ExpectedLogCodec = t.intersection([
  t.type({ match: LogMatcherCodec }),
  t.partial({ count: NonNegative, min_count: NonNegative, max_count: NonNegative, after: Anchors, before: Anchors }),
])

const ExpectedEventCodec = t.intersection([t.type({ EventId: t.number }), t.UnknownRecord])
const orNone = <C extends t.Mixed>(codec: C) => t.union([codec, t.null])

const RequirementCodec = t.partial({
  description: t.string,
  handler: t.string,
  invocations: t.string,
  async: t.boolean,
  optional: orNone(t.boolean),
  AsyncInvoke: orNone(t.boolean),
  Variables: orNone(t.record(t.string, t.union([t.string, t.number, t.boolean]))),
  Input: t.unknown,
  ExpectedResult: orNone(t.intersection([t.partial({ ExecutionStatus: t.string }), t.UnknownRecord])),
  CallbackActions: orNone(t.array(t.unknown)),
  ExpectedExecutionHistory: orNone(t.array(ExpectedEventCodec)),
  ExpectedLogs: orNone(t.array(ExpectedLogCodec)),
  DefaultRetryParameters: orNone(t.UnknownRecord),
  AsyncConfig: orNone(t.partial({ PollIntervalSeconds: NonNegative, NoProgressTimeoutSeconds: NonNegative })),
})

export interface Requirement {
  readonly id: string
  readonly suite: string
  readonly file: string
  readonly description: string
  readonly optional: boolean
  readonly asyncInvoke: boolean
  readonly variables: Readonly<Record<string, string>>
  readonly input: unknown
  readonly expectedResult?: ExpectedResult | undefined
  readonly callbackActions: readonly CallbackAction[]
  readonly expectedHistory: readonly t.TypeOf<typeof ExpectedEventCodec>[]
  readonly expectedLogs?: readonly ExpectedLogEntry[] | undefined
  readonly pollIntervalSeconds?: number | undefined
  readonly noProgressTimeoutSeconds?: number | undefined
}

export interface RequirementError {
  readonly _tag: 'RequirementError'
  readonly file: string
  readonly path: string
  readonly message: string
}

function decodeError(file: string, errors: t.Errors, prefix = ''): RequirementError {
  // Unions report one error per member; the deepest one is the member the author meant.
  const deepest = [...errors].sort((left, right) => right.context.length - left.context.length)[0]
  const inner = deepest ? decodePath(deepest.context) : ''
  const path = prefix + (prefix !== '' && inner !== '' && !inner.startsWith('[') ? '.' : '') + inner
  const expected = deepest?.message ?? `expected ${deepest?.context[deepest.context.length - 1]?.type.name ?? 'a valid value'}`
  const message = `${file}: ${path === '' ? 'the document' : path}: ${expected}, got ${showValue(deepest?.value)}. Fix the file so it follows conformance/README.md.`
  return { _tag: 'RequirementError', file, path, message }
}

function decodeActions(file: string, raw: readonly unknown[]): E.Either<RequirementError, CallbackAction[]> {
  const actions: CallbackAction[] = []
  for (const [index, item] of raw.entries()) {
    // The official runner accepts `Operation: Success`; lower-case it before decoding.
    const normalised = isRecord(item) && typeof item.Operation === 'string' ? { ...item, Operation: item.Operation.toLowerCase() } : item
    const operation = isRecord(normalised) ? normalised.Operation : undefined
    if (operation !== 'success' && operation !== 'failure' && operation !== 'heartbeat') {
      const message = `${file}: CallbackActions[${index}].Operation: expected success, failure or heartbeat, got ${showValue(operation)}. Fix the file so it follows conformance/README.md.`
      return E.left({ _tag: 'RequirementError', file, path: `CallbackActions[${index}].Operation`, message })
    }
    const decoded = CallbackActionCodec.decode(normalised)
    if (E.isLeft(decoded)) return E.left(decodeError(file, decoded.left, `CallbackActions[${index}]`))
    actions.push(decoded.right)
  }
  return E.right(actions)
}

function expectedResultOf(raw: Readonly<Record<string, unknown>> | null | undefined): ExpectedResult | undefined {
  if (raw === null || raw === undefined) return undefined
  const status = raw.ExecutionStatus
  return {
    ExecutionStatus: typeof status === 'string' ? status : undefined,
    result: hasKey(raw, 'Result') ? { value: raw.Result ?? null } : undefined,
  }
}

/** Decodes an already-parsed YAML document; `file` is used for the id, the suite and messages. */
export function decodeRequirement(document: unknown, file: string, suite: string): E.Either<RequirementError, Requirement> {
  if (!isRecord(document)) return E.left({ _tag: 'RequirementError', file, path: '', message: `${file}: the document must be a YAML mapping of requirement keys, got ${showValue(document)}. Fix the file so it follows conformance/README.md.` })
  const decoded = RequirementCodec.decode(document)
  if (E.isLeft(decoded)) return E.left(decodeError(file, decoded.left))
  const data = decoded.right
  const actions = decodeActions(file, data.CallbackActions ?? [])
  if (E.isLeft(actions)) return actions
  const variables = Object.fromEntries(Object.entries(data.Variables ?? {}).map(([name, value]) => [name, pythonStr(value)]))
  return E.right({
    id: basename(file, extname(file)),
    suite,
    file,
    description: data.description ?? '',
    optional: data.optional === true,
    asyncInvoke: data.AsyncInvoke === true,
    variables,
    input: data.Input ?? null,
    expectedResult: expectedResultOf(data.ExpectedResult),
    callbackActions: actions.right,
    expectedHistory: data.ExpectedExecutionHistory ?? [],
    expectedLogs: data.ExpectedLogs ?? undefined,
    pollIntervalSeconds: data.AsyncConfig?.PollIntervalSeconds,
    noProgressTimeoutSeconds: data.AsyncConfig?.NoProgressTimeoutSeconds,
  })
}

/**
 * YAML 1.1 as PyYAML resolves it: PyYAML's booleans are yes/no, true/false and on/off (in three
 * casings) but not the 1.1 spec's single letters, so `[x, y]` is two strings there, not `['x', true]`.
 */
const BOOL_TAG = 'tag:yaml.org,2002:bool'
const pyYamlBooleans = (tags: Tags): Tags => [
  ...tags.filter((tag) => typeof tag === 'string' || tag.tag !== BOOL_TAG),
  { identify: (v) => v === true, default: true, tag: BOOL_TAG, test: /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/, resolve: () => true },
  { identify: (v) => v === false, default: true, tag: BOOL_TAG, test: /^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$/, resolve: () => false },
]

export function parseRequirementText(text: string, file: string, suite = basename(dirname(file))): E.Either<RequirementError, Requirement> {
  let document: unknown
  try {
    document = parse(text, { version: '1.1', customTags: pyYamlBooleans })
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    return E.left({ _tag: 'RequirementError', file, path: '', message: `${file}: not valid YAML: ${reason}. Fix the syntax.` })
  }
  return decodeRequirement(document, file, suite)
}

export function loadRequirement(file: string, suite = basename(dirname(file))): E.Either<RequirementError, Requirement> {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    return E.left({ _tag: 'RequirementError', file, path: '', message: `${file}: cannot be read (${error instanceof Error ? error.message : String(error)}); check the --requirements directory.` })
  }
  return parseRequirementText(text, file, suite)
}
