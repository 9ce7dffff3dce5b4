/**
 * RFC 3464 delivery status notifications: {@link io.tenmail.smtp.dsn.DeliveryReports} (the port
 * mailets report through), {@link io.tenmail.smtp.dsn.QueuedDeliveryReports} (composes with
 * {@link io.tenmail.smtp.dsn.DeliveryStatusReport} and queues with the null reverse path).
 */
package io.tenmail.smtp.dsn;
