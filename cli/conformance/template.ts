/**
 * Reads a SAM-style template and decides which function covers each requirement id. Every
 * `AWS::Serverless::Function` may carry a resource-level `TestingMetadata` block (a sibling of
 * `Type`/`Properties`) with `TestDescription: [ids]` and `NotImplemented: [{id, reason}]`; a
 * top-level `TestingMetadata.NotImplemented` is read too, as the official runner does. The handler
 * is `Properties.Handler` (or `Globals.Function.Handler`), e.g. `handlers.requirement_4_1`.
 * CloudFormation short tags (`!Ref`, `!GetAtt`, `!Sub`…) become their long form so any deployable
 * template loads. A mapped function wins over a NotImplemented declaration of the same id.
 */
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import * as E from 'fp-ts/lib/Either.js'
import * as t from 'io-ts'
import { parseDocument, type Tags } from 'yaml'
import { decodePath } from './decode-path.js'
import { isRecord, showValue } from './json-values.js'

export interface FunctionMapping {
  readonly functionLogicalId: string
  /** `module.export` as SAM writes it, e.g. `handlers.requirement_4_1`. */
  readonly handler: string
  /** Absolute folder the handler module is found in (`CodeUri` when it is a local path). */
  readonly codeDir: string
  readonly runtime?: string | undefined
  /** `Properties.FunctionName`, else the logical id: the name chained invokes address it by. */
  readonly functionName?: string | undefined
}

export type Coverage =
  | ({ readonly _tag: 'Covered' } & FunctionMapping)
  | { readonly _tag: 'NotImplemented'; readonly reason: string }
  | { readonly _tag: 'Uncovered' }

export interface TemplateMapping {
  readonly templatePath: string
  readonly functions: ReadonlyMap<string, FunctionMapping>
  /** Every function with a handler, mapped or not (chained-invoke targets are usually unmapped). */
  readonly allFunctions: readonly FunctionMapping[]
  readonly notImplemented: ReadonlyMap<string, string>
  readonly warnings: readonly string[]
}

export interface TemplateError {
  readonly _tag: 'TemplateError'
  readonly message: string
}

const INTRINSICS = ['Ref', 'Condition', 'GetAtt', 'Sub', 'Join', 'Select', 'Split', 'If', 'Equals', 'Not', 'And', 'Or', 'FindInMap', 'Base64', 'Cidr', 'GetAZs', 'ImportValue', 'Transform', 'ToJsonString', 'Length']

const cloudFormationTags: Tags = INTRINSICS.flatMap((name) => {
  const key = name === 'Ref' || name === 'Condition' ? name : `Fn::${name}`
  const toJs = (node: unknown) => (isRecord(node) && typeof node.toJSON === 'function' ? node.toJSON() : node)
  return [
    { tag: `!${name}`, identify: () => false, resolve: (text: string) => ({ [key]: text }) },
    { tag: `!${name}`, identify: () => false, collection: 'seq' as const, resolve: (seq: unknown) => ({ [key]: toJs(seq) }) },
    { tag: `!${name}`, identify: () => false, collection: 'map' as const, resolve: (map: unknown) => ({ [key]: toJs(map) }) },
  ]
})

const RequirementId = t.union([t.string, t.number])
const FunctionProperties = t.partial({ Handler: t.string, CodeUri: t.unknown, Runtime: t.string, FunctionName: t.unknown })
const TestingMetadataCodec = t.partial({
  TestDescription: t.union([t.array(RequirementId), t.null]),
  NotImplemented: t.union([t.array(t.intersection([t.type({ id: RequirementId }), t.partial({ reason: t.union([t.string, t.null]) })])), t.null]),
})
const TemplateCodec = t.partial({
  Globals: t.union([t.partial({ Function: t.union([FunctionProperties, t.null]) }), t.null]),
  TestingMetadata: t.union([TestingMetadataCodec, t.null]),
  Resources: t.record(t.string, t.union([t.partial({ Type: t.string, Properties: t.union([FunctionProperties, t.null]), TestingMetadata: t.union([TestingMetadataCodec, t.null]) }), t.null])),
})

function templateError(path: string, message: string): E.Either<TemplateError, never> {
  return E.left({ _tag: 'TemplateError', message: `${path}: ${message}` })
}

function readTemplateDocument(path: string): E.Either<TemplateError, unknown> {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    return templateError(path, `cannot be read (${error instanceof Error ? error.message : String(error)}); pass an existing SAM template with --template.`)
  }
  const document = parseDocument(text, { customTags: cloudFormationTags, version: '1.1', logLevel: 'error' })
  const problem = document.errors[0]
  if (problem) return templateError(path, `not valid YAML: ${problem.message.split('\n')[0]}. Fix the syntax.`)
  return E.right(document.toJS())
}

/** Loads the template and maps every requirement id it mentions. */
export function loadTemplate(templatePath: string): E.Either<TemplateError, TemplateMapping> {
  const path = resolve(templatePath)
  const document = readTemplateDocument(path)
  if (E.isLeft(document)) return document
  const decoded = TemplateCodec.decode(document.right)
  if (E.isLeft(decoded)) {
    const first = decoded.left[0]
    return templateError(path, `${first ? decodePath(first.context) : 'document'}: unexpected ${showValue(first?.value)}; fix the template (see conformance/README.md, "Mapping handlers to requirements").`)
  }
  const template = decoded.right
  const functions = new Map<string, FunctionMapping>()
  const allFunctions: FunctionMapping[] = []
  const notImplemented = new Map<string, string>()
  const warnings: string[] = []
  const declareNotImplemented = (metadata: t.TypeOf<typeof TestingMetadataCodec> | null | undefined) => {
    for (const entry of metadata?.NotImplemented ?? []) if (!notImplemented.has(String(entry.id))) notImplemented.set(String(entry.id), entry.reason ?? '')
  }
  declareNotImplemented(template.TestingMetadata)
  const globals = template.Globals?.Function ?? {}
  for (const [logicalId, resource] of Object.entries(template.Resources ?? {})) {
    if (resource?.Type !== 'AWS::Serverless::Function') continue
    declareNotImplemented(resource.TestingMetadata)
    const ids = (resource.TestingMetadata?.TestDescription ?? []).map(String)
    const handler = resource.Properties?.Handler ?? globals.Handler
    if (handler === undefined && ids.length === 0) continue
    if (handler === undefined) return templateError(path, `Resources.${logicalId}.Properties.Handler is missing; set it to module.export (e.g. handlers.requirement_1_1).`)
    const codeUri = resource.Properties?.CodeUri ?? globals.CodeUri
    const runtime = resource.Properties?.Runtime ?? globals.Runtime
    const name = resource.Properties?.FunctionName
    const functionName = typeof name === 'string' ? name : logicalId
    const mapping: FunctionMapping = { functionLogicalId: logicalId, handler, codeDir: resolve(dirname(path), typeof codeUri === 'string' ? codeUri : '.'), runtime, functionName }
    allFunctions.push(mapping)
    for (const id of ids) {
      const previous = functions.get(id)
      if (previous) warnings.push(`Requirement ${id} is listed by ${previous.functionLogicalId} and ${logicalId}; using ${previous.functionLogicalId}.`)
      else functions.set(id, mapping)
    }
  }
  for (const id of notImplemented.keys()) if (functions.has(id)) warnings.push(`Requirement ${id} is both mapped to ${functions.get(id)?.functionLogicalId} and declared NotImplemented; it is run.`)
  return E.right({ templatePath: path, functions, allFunctions, notImplemented, warnings })
}

export function coverageOf(mapping: TemplateMapping, requirementId: string): Coverage {
  const covered = mapping.functions.get(requirementId)
  if (covered) return { _tag: 'Covered', ...covered }
  const reason = mapping.notImplemented.get(requirementId)
  return reason === undefined ? { _tag: 'Uncovered' } : { _tag: 'NotImplemented', reason }
}
