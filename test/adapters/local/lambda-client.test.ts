import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { CheckpointDurableExecutionCommand, GetDurableExecutionStateCommand, InvokeCommand } from '@aws-sdk/client-lambda'
import * as Local from '../../../adapters/local/index.js'

test('should answer CheckpointDurableExecution and GetDurableExecutionState commands', async () => {
  let token = ''
  let release: (v: unknown) => void = () => {}
  const handler: Local.Handler = (event) =>
    new Promise((r) => {
      token = (event as { CheckpointToken: string }).CheckpointToken
      release = r
    })
  const engine = Local.createEngine({
    store: Local.createMemoryStore(),
    clock: Local.createVirtualClock(),
    invoker: Local.createRegistryInvoker({ fn: handler }),
  })
  const { DurableExecutionArn } = engine.startExecution({ functionName: 'fn', input: { a: 1 } })
  while (!token) await new Promise((r) => setImmediate(r))
  const state = (await engine.lambdaClient.send(new GetDurableExecutionStateCommand({ DurableExecutionArn, CheckpointToken: token }))) as {
    Operations: Array<{ Type: string; ExecutionDetails?: { InputPayload?: string }; StartTimestamp?: Date }>
  }
  assert.is(state.Operations[0]?.Type, 'EXECUTION')
  assert.is(state.Operations[0]?.ExecutionDetails?.InputPayload, '{"a":1}')
  assert.instance(state.Operations[0]?.StartTimestamp, Date)
  const cp = (await engine.lambdaClient.send(
    new CheckpointDurableExecutionCommand({
      DurableExecutionArn,
      CheckpointToken: token,
      Updates: [{ Id: 'w1', Type: 'WAIT', SubType: 'Wait', Action: 'START', WaitOptions: { WaitSeconds: 5 } }],
    }),
  )) as { CheckpointToken: string; NewExecutionState: { Operations: Array<{ WaitDetails?: { ScheduledEndTimestamp?: Date } }> } }
  assert.ok(cp.CheckpointToken && cp.CheckpointToken !== token)
  assert.instance(cp.NewExecutionState.Operations[0]?.WaitDetails?.ScheduledEndTimestamp, Date)
  const err = await engine.lambdaClient.send(new InvokeCommand({ FunctionName: 'x' })).catch((e: Error) => e)
  assert.is((err as Error).name, 'InvalidParameterValueException')
  release({ Status: 'SUCCEEDED' })
  await engine.waitForExecution(DurableExecutionArn)
  engine.close()
})

test.run()
