/**
 * The span attribute names the OpenTelemetry plugin writes, in one place so that dashboards and
 * tests can rely on them. All live under the `durable.` namespace.
 */
export const Attr = {
  EXECUTION_ARN: 'durable.execution.arn',
  REQUEST_ID: 'durable.invocation.request_id',
  FIRST_INVOCATION: 'durable.invocation.first',
  UPDATED_OPERATIONS: 'durable.invocation.updated_operations',
  INVOCATION_STATUS: 'durable.invocation.status',
  OPERATION_ID: 'durable.operation.id',
  OPERATION_PARENT_ID: 'durable.operation.parent_id',
  OPERATION_TYPE: 'durable.operation.type',
  OPERATION_SUB_TYPE: 'durable.operation.sub_type',
  OPERATION_NAME: 'durable.operation.name',
  OPERATION_STATUS: 'durable.operation.status',
  OPERATION_ATTEMPT: 'durable.operation.attempt',
  OPERATION_REPLAY: 'durable.operation.replay',
  OPERATION_SUSPENDED: 'durable.operation.suspended',
  ATTEMPT_OUTCOME: 'durable.attempt.outcome',
} as const
