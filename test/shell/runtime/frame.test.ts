import { test } from 'uvu'
import * as assert from 'uvu/assert'
import { top } from '../../core/fixtures.js'
import { childBudget, childFrame, preservesChildren, rootFrame } from '../../../shell/runtime/frame.js'
import type { ChildOptionsData } from '../../../shell/effect.js'

const options = (virtual: boolean): ChildOptionsData => ({ subType: 'RunInChildContext', virtual })

test('should spend one level per recorded context, never below 0, and none for Infinity', () => {
  assert.is(childBudget(3, false), 2)
  assert.is(childBudget(1, false), 0)
  assert.is(childBudget(0, false), 0)
  assert.is(childBudget(Infinity, false), Infinity)
})

test('should pass the budget through a virtual context unchanged', () => {
  assert.is(childBudget(2, true), 2)
  assert.is(childBudget(0, true), 0)
})

test('should keep the children of a context opened under a root with budget 2, but not of its child', () => {
  const root = rootFrame(false, 2)
  const child = childFrame(root, top(1), 'Execution', 'a', options(false))
  const virtual = childFrame(child, top(2), 'Execution', 'v', options(true))
  const grandchild = childFrame(virtual, top(3), 'Execution', 'b', options(false))
  assert.equal([child.preserveDepth, virtual.preserveDepth, grandchild.preserveDepth], [1, 1, 0])
  assert.equal([preservesChildren(child), preservesChildren(virtual), preservesChildren(grandchild)], [true, true, false])
  assert.is(rootFrame(true).preserveDepth, 0)
})

test.run()
