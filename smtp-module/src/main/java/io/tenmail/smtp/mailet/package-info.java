/**
 * The mailet container (Apache James Mailet API 3.9): {@link io.tenmail.smtp.mailet.MailSpooler}
 * leases queue entries and runs each as a {@link io.tenmail.smtp.mailet.QueueMail} through the
 * {@link io.tenmail.smtp.mailet.MailetContainer}'s processors, loaded from
 * {@code conf/mailetcontainer.xml} by {@link io.tenmail.smtp.mailet.MailetContainerLoader};
 * {@link io.tenmail.smtp.mailet.QueueUpdates} records the outcome (complete, deferred, parked),
 * {@link io.tenmail.smtp.mailet.BatchedCompletions} removes finished replay-safe entries in batches,
 * and {@link io.tenmail.smtp.mailet.LeaseSchedule} decides when the workers look at the database
 * (ADR 0020).
 * Mailets talk to the queue through {@link io.tenmail.smtp.mailet.QueueAttributes}. No MINA and no
 * JPA here: the storage ports only.
 */
package io.tenmail.smtp.mailet;
