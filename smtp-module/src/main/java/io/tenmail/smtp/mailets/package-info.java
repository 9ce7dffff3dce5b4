/**
 * Tenmail's built-in mailets and matchers, found by their short names in mailetcontainer.xml
 * before the James standard library: {@link io.tenmail.smtp.mailets.RecipientRewrite},
 * {@link io.tenmail.smtp.mailets.LocalDelivery}, {@link io.tenmail.smtp.mailets.Bounce},
 * {@link io.tenmail.smtp.mailets.ToErrorRepository}, and the matchers
 * {@link io.tenmail.smtp.mailets.RecipientIsLocal} and {@link io.tenmail.smtp.mailets.IsSpam}.
 * Mailets are created through CDI and {@code @Inject} the storage ports; they are stateless and
 * concurrency-safe after init. Store failures that will pass become
 * {@link io.tenmail.smtp.mailet.TemporaryFailure}, so the mail is retried rather than parked.
 */
package io.tenmail.smtp.mailets;
