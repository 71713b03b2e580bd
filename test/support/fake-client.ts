/**
 * One `LambdaClient` stand-in for every fake execution: handlers are built once (at module load, with
 * `withDurableExecution(fn, { client })` or `durable(wf, { client })`) while each run gets a fresh fake
 * service, so `send` routes each command to the service that owns its `DurableExecutionArn`, as the real
 * endpoint does. An ARN no live service owns gets the 404 the AWS SDK would raise.
 */
import { ResourceNotFoundException, type LambdaClient } from '@aws-sdk/client-lambda'

interface Routable {
  readonly arn: string
  send(command: unknown): Promise<unknown>
}

const services = new Map<string, Routable>()

export const registerService = (service: Routable): void => {
  services.set(service.arn, service)
}

export const unregisterService = (service: Routable): void => {
  services.delete(service.arn)
}

const send = async (command: unknown): Promise<unknown> => {
  const arn = (command as { input?: { DurableExecutionArn?: string } })?.input?.DurableExecutionArn
  const service = arn === undefined ? undefined : services.get(arn)
  if (!service) {
    throw new ResourceNotFoundException({
      message: `Durable execution not found: ${arn}`,
      $metadata: { httpStatusCode: 404 },
    })
  }
  return service.send(command)
}

/** Pass as `client` to the official SDK or ours; typed as the AWS client both expect. */
export const fakeClient = { send } as unknown as LambdaClient
