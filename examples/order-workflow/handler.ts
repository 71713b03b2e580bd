/**
 * Example: an order workflow written with durable-yield. Reserves stock, charges the card, waits out
 * a cancellation window, packs and ships inside a child context, then notifies every recipient with
 * a map. Run it locally with:
 *   npx durable-yield run examples/order-workflow/handler.ts --input @examples/order-workflow/input.json --skip-time
 */
import { childContext, durable, map, step, wait } from '../../shell/index.js'

export interface OrderLine {
  readonly sku: string
  readonly quantity: number
  readonly unitPrice: number
}

export interface Order {
  readonly orderId: string
  readonly customer: string
  readonly lines: readonly OrderLine[]
  readonly notify: readonly string[]
}

// Stand-ins for real services: deterministic so the example's output is stable.
const reserveStock = async (order: Order) => ({ reservationId: `res-${order.orderId}`, items: order.lines.length })
const chargeCard = async (customer: string, amount: number) => ({ paymentId: `pay-${customer}`, amount })
const packParcel = async (order: Order) => ({ parcelId: `parcel-${order.orderId}`, weightKg: order.lines.reduce((n, l) => n + l.quantity * 0.5, 0) })
const bookCarrier = async (parcelId: string) => ({ trackingNumber: `TRK-${parcelId.toUpperCase()}` })
const sendEmail = async (to: string, orderId: string) => ({ to, subject: `Order ${orderId} shipped` })

export const handler = durable(function* (order: Order, ctx) {
  const total = order.lines.reduce((sum, l) => sum + l.quantity * l.unitPrice, 0)
  const reservation = yield* step('reserve-stock', () => reserveStock(order))
  const payment = yield* step('charge-card', () => chargeCard(order.customer, total))

  yield* wait('cancellation-window', { hours: 24 })

  const shipment = yield* childContext('ship', function* () {
    const parcel = yield* step('pack', () => packParcel(order))
    const booking = yield* step('book-carrier', () => bookCarrier(parcel.parcelId))
    return { ...parcel, ...booking }
  })

  const notified = yield* map('notify', order.notify, function* (recipient, i) {
    return yield* step(`email-${i}`, () => sendEmail(recipient, order.orderId))
  }, { maxConcurrency: 5 })

  ctx.logger.info('order complete', { orderId: order.orderId })
  return {
    orderId: order.orderId,
    reservationId: reservation.reservationId,
    paymentId: payment.paymentId,
    charged: payment.amount,
    trackingNumber: shipment.trackingNumber,
    notified: notified.successCount,
  }
})
