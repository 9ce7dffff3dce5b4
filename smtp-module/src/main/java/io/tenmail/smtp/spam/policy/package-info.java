/**
 * Per-domain spam policy in the mail path (issue 7, docs/adr/0015-spam-verdicts-at-data.md): the
 * {@link io.tenmail.smtp.spam.policy.SpamCheckEnabled} matcher switches each check per recipient
 * domain, {@link io.tenmail.smtp.spam.policy.Greylisting} and
 * {@link io.tenmail.smtp.spam.policy.DataVerdict} refuse at the end of DATA (451 / 550), and
 * {@link io.tenmail.smtp.spam.policy.IsJunk} picks the recipients whose copy goes to Junk, with
 * each domain's threshold and each recipient's allow and block lists.
 */
package io.tenmail.smtp.spam.policy;
