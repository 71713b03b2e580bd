/**
 * How the list, history and callback commands reach a running `durable-yield serve`: a real
 * LambdaClient on `--endpoint`, else `AWS_ENDPOINT_URL_LAMBDA`, else the default local address.
 * The local server checks no signature, so dummy credentials are used unless the environment has
 * some. Errors become one line: the service's exception name and message, or "cannot reach".
 */
import { LambdaClient } from '@aws-sdk/client-lambda'

export const DEFAULT_PORT = 9767
export const DEFAULT_ENDPOINT = `http://127.0.0.1:${DEFAULT_PORT}`

export function endpointOf(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return flag ?? env['AWS_ENDPOINT_URL_LAMBDA'] ?? DEFAULT_ENDPOINT
}

export function createClient(endpoint: string, env: NodeJS.ProcessEnv): LambdaClient {
  // The AWS SDK warns about a future Node requirement on every run; a CLI user cannot act on it.
  env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true'
  const accessKeyId = env['AWS_ACCESS_KEY_ID']
  const secretAccessKey = env['AWS_SECRET_ACCESS_KEY']
  return new LambdaClient({
    endpoint,
    region: env['AWS_REGION'] ?? env['AWS_DEFAULT_REGION'] ?? 'us-east-1',
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  })
}

/** One line for a failed call: unreachable server, or the service's error name and message. */
export function describeFailure(error: unknown, endpoint: string): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : ''
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND') {
    return `cannot reach a durable-yield server at ${endpoint}; start one with \`durable-yield serve\` or pass --endpoint`
  }
  const name = error instanceof Error ? error.name : 'Error'
  const message = error instanceof Error ? error.message : String(error)
  return `${name}: ${message.split('\n')[0]}`
}
