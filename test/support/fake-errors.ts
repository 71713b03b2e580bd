/**
 * The fake service's rejections, shaped like what `@aws-sdk/client-lambda` throws for a 400: the real
 * `InvalidParameterValueException` class, `name`, `$fault: 'client'` and `$metadata.httpStatusCode`.
 * The official SDK classifies checkpoint failures from exactly these fields (PROTOCOL.md §7.6), so a
 * stale token (`Invalid Checkpoint Token`) is an invocation-level error and anything else here is an
 * execution-level one.
 */
import { InvalidParameterValueException } from '@aws-sdk/client-lambda'

export const INVALID_TOKEN_MESSAGE = 'Invalid Checkpoint Token'

export const invalidParameter = (message: string): InvalidParameterValueException =>
  new InvalidParameterValueException({
    message,
    $metadata: { httpStatusCode: 400, requestId: 'fake-request', attempts: 1, totalRetryDelay: 0 },
  })

export const invalidToken = (): InvalidParameterValueException => invalidParameter(INVALID_TOKEN_MESSAGE)
