/**
 * Invoke (`POST /2015-03-31/functions/{FunctionName}/invocations`) of a durable function: starts an
 * execution and answers with its ARN in `X-Amz-Durable-Execution-Arn`. `Event` answers 202 at once;
 * `RequestResponse` holds the request until the execution ends and returns its result as the
 * payload, or the error with `X-Amz-Function-Error: Unhandled` as Lambda does for a failed function;
 * `DryRun` only validates the request and that the function exists (204), and starts nothing. A named execution is idempotent: the same name with the same input
 * returns the existing execution, with another input it is a DurableExecutionAlreadyStartedException.
 */
import type { Engine } from '../engine.js'
import * as H from '../../wire/http-codecs.js'
import type { RouteInput, Route } from './execution-routes.js'
import { functionNameOf, listExecutions } from './list-executions.js'
import { decodeOrRefuse, parseJson } from './request.js'
import { HttpError, type Reply } from './responses.js'
import { functionNotFound } from '../errors.js'

const NAME = /^[a-zA-Z0-9_-]{1,64}$/

function existingArn(engine: Engine, functionName: string, name: string, input: string | undefined): string | undefined {
  const found = listExecutions(engine, functionName, { DurableExecutionName: name }).DurableExecutions[0]
  if (!found) return undefined
  const previous = engine.getExecution({ DurableExecutionArn: found.DurableExecutionArn }).InputPayload
  if (previous !== input) {
    throw new HttpError(
      409,
      'DurableExecutionAlreadyStartedException',
      `A durable execution named ${name} already exists for ${functionName} with a different input; choose another name.`,
    )
  }
  return found.DurableExecutionArn
}

function resultReply(arn: string, view: ReturnType<Engine['getExecution']>): Reply {
  const headers = { 'x-amz-durable-execution-arn': arn, 'x-amz-executed-version': '$LATEST' }
  if (view.Status === 'SUCCEEDED') return { status: 200, headers, raw: view.Result ?? 'null' }
  const error = { errorType: view.Error?.ErrorType ?? view.Status, errorMessage: view.Error?.ErrorMessage ?? `Execution ${view.Status}` }
  return { status: 200, headers: { ...headers, 'x-amz-function-error': 'Unhandled' }, raw: JSON.stringify(error) }
}

async function invoke(input: RouteInput): Promise<Reply> {
  const functionName = functionNameOf(input.labels['FunctionName'] ?? '')
  const headers = decodeOrRefuse(H.InvokeHeadersC, input.headers, 'Invoke headers')
  const type = headers['x-amz-invocation-type'] ?? 'RequestResponse'
  const name = headers['x-amz-durable-execution-name']
  if (name !== undefined && !NAME.test(name)) {
    throw new HttpError(400, 'InvalidParameterValueException', 'X-Amz-Durable-Execution-Name must be 1-64 characters of [a-zA-Z0-9_-].')
  }
  // Lambda requires a JSON payload; parseJson refuses anything else before the engine is touched.
  const payload = parseJson(input.body, 'Invoke payload')
  const inputPayload = payload === undefined ? undefined : input.body.toString('utf8')
  if (type === 'DryRun') {
    if (!input.engine.hasFunction(functionName)) throw functionNotFound(functionName)
    return { status: 204 }
  }
  const arn =
    (name !== undefined ? existingArn(input.engine, functionName, name, inputPayload) : undefined) ??
    input.engine.startExecution({
      functionName,
      ...(name !== undefined ? { name } : {}),
      ...(inputPayload !== undefined ? { inputPayload } : {}),
    }).DurableExecutionArn
  if (type === 'Event') return { status: 202, headers: { 'x-amz-durable-execution-arn': arn }, raw: '' }
  return resultReply(arn, await input.engine.waitForExecution(arn))
}

export const INVOKE_ROUTE: Route = { method: 'POST', path: ['2015-03-31', 'functions', '{FunctionName}', 'invocations'], serve: invoke }
