export {
  createDemoGateway,
  createPaymentProvider,
  PaymentProviderUnavailableError,
} from "./create-payment-provider.js";
export { DemoPaymentGateway } from "./demo-gateway.js";
export { registerDemoGatewayRoutes } from "./demo-gateway-routes.js";
export type {
  Payment,
  PaymentCurrency,
  PaymentProvider,
  PaymentRequest,
  PaymentResult,
  PaymentStatus,
  StartedPayment,
} from "./payment-provider.js";
export { paymentStatuses } from "./payment-provider.js";
