package io.tenmail.smtp.mailet;

import io.tenmail.storage.MailQueue;
import jakarta.mail.MessagingException;
import org.apache.james.core.MailAddress;
import org.apache.mailet.AttributeName;
import org.apache.mailet.Mail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The mailet container: named processors, each an ordered list of matcher/mailet pairs (built by
 * {@link MailetContainerLoader}). A mail enters the processor named by its state and meets each
 * pair in turn, with James's semantics:
 * <ul>
 *   <li>a matcher returns the recipients it matches; none: the pair is skipped; all: the mailet
 *       gets the mail; some: the mail is split, the mailet gets a copy for the matched recipients
 *       and the rest go on without it;
 *   <li>a mailet that sets another state sends the mail to the start of that processor; GHOST or
 *       an empty recipient list ends its processing (the recipients were delivered or reported);
 *   <li>a matcher or mailet that throws sends the mail to "error" (or per onMatchException /
 *       onMailetException), with the error message set; nothing is ever dropped: a mail that runs
 *       off the end of a processor is parked too.
 * </ul>
 * Deferral (MAILET-CONTRACT): a mailet that sets {@link QueueAttributes#NEXT_ATTEMPT} ends the
 * mail's pass; {@link QueueAttributes#PARK} (ToErrorRepository) parks it. Thread-safe once built:
 * mailets are stateless after init.
 */
public final class MailetContainer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MailetContainer.class);
    /** Processor changes one mail may make in a pass before it is taken for a loop. */
    static final int MAX_HOPS = 64;

    private final Map<String, List<ProcessorStep>> processors;
    private final List<AutoCloseable> instances;

    MailetContainer(Map<String, List<ProcessorStep>> processors, List<AutoCloseable> instances) {
        this.processors = Map.copyOf(processors);
        this.instances = List.copyOf(instances);
    }

    /** The names of the processors. */
    public Set<String> processorNames() {
        return processors.keySet();
    }

    /**
     * Runs a mail (and whatever it is split into) through the processors, from the start of the
     * processor its state names, until every part is done, deferred or parked.
     *
     * @throws TemporaryFailure a mailet hit a passing failure; the whole entry is to be tried again
     */
    public ProcessingResult process(Mail mail) throws TemporaryFailure {
        ProcessingResult result = new ProcessingResult();
        try (PassMemo.Pass pass = PassMemo.open()) {
            run(mail, 0, result, 0);
        }
        return result;
    }

    /**
     * Runs the steps of {@code processor} over {@code mail} as a screen (ADR 0015), for the end of
     * SMTP DATA: each step whose matcher picks any recipient gets the whole mail (one message, one
     * answer: no split), until a mailet sets {@link DataRefusal#ATTRIBUTE}. State changes are
     * ignored and a matcher or mailet that throws is logged and passed over: a check that cannot
     * judge does not decide. Changes to the message are not kept (the stored bytes are queued).
     *
     * @return false when there is no such processor (nothing ran)
     */
    public boolean screen(Mail mail, String processor) {
        List<ProcessorStep> steps = processors.get(processor);
        if (steps == null) return false;
        String state = mail.getState();
        try (PassMemo.Pass pass = PassMemo.open()) {
            screen(mail, steps, state);
        }
        return true;
    }

    private static void screen(Mail mail, List<ProcessorStep> steps, String state) {
        for (ProcessorStep step : steps) {
            if (DataRefusal.of(mail).isPresent()) break;
            try {
                Collection<MailAddress> matched = step.matcher().match(mail);
                if (matched == null || matched.isEmpty()) continue;
                step.mailet().service(mail);
            } catch (MessagingException | RuntimeException e) {
                log.warn("{} failed while screening {}; passed over: {}", step.origin(), mail.getName(), e.toString());
                log.debug("screen failure", e);
            }
            mail.setState(state);
        }
    }

    /** Runs {@code mail} in the processor its state names, from step {@code from}. */
    private void run(Mail mail, int from, ProcessingResult result, int hops) throws TemporaryFailure {
        String processor = mail.getState();
        List<ProcessorStep> steps = processors.get(processor);
        if (steps == null) {
            park(mail, "no processor named \"" + processor + "\"", result);
            return;
        }
        if (hops > MAX_HOPS) {
            park(mail, "moved between processors more than " + MAX_HOPS + " times, last to \"" + processor + "\"", result);
            return;
        }
        for (int i = from; i < steps.size(); i++) {
            ProcessorStep step = steps.get(i);
            Collection<MailAddress> matched = match(step, mail);
            if (!mail.getState().equals(processor)) {   // onMatchException sent it elsewhere
                run(mail, 0, result, hops + 1);
                return;
            }
            if (matched == null || matched.isEmpty()) continue;
            Set<MailAddress> all = new LinkedHashSet<>(mail.getRecipients());
            Set<MailAddress> chosen = new LinkedHashSet<>(matched);
            chosen.retainAll(all);
            if (chosen.isEmpty()) continue;
            if (chosen.size() < all.size()) {
                Mail part = split(mail, chosen, all);
                if (serviceAndFollow(step, part, processor, i, result, hops)) run(part, i + 1, result, hops);
                continue;
            }
            if (!serviceAndFollow(step, mail, processor, i, result, hops)) return;
        }
        park(mail, "reached the end of processor \"" + processor + "\" undelivered", result);
    }

    /**
     * Runs the step's mailet and settles what it did.
     *
     * @return true if the mail stays in this processor and goes on to the next step
     */
    private boolean serviceAndFollow(ProcessorStep step, Mail mail, String processor, int index, ProcessingResult result, int hops)
            throws TemporaryFailure {
        if (!ReplaySafeMailets.contains(step.mailet())) result.ranMailetWithEffects();
        service(step, mail);
        if (settled(mail, result)) return false;
        if (!mail.getState().equals(processor)) {
            run(mail, 0, result, hops + 1);
            return false;
        }
        return true;
    }

    /** Whether the mail's pass is over: done, ghosted, deferred or parked. */
    private static boolean settled(Mail mail, ProcessingResult result) {
        Optional<String> park = QueueMails.stringAttribute(mail, QueueAttributes.PARK);
        if (park.isPresent()) {
            mail.removeAttribute(AttributeName.of(QueueAttributes.PARK));
            if (!mail.getRecipients().isEmpty()) {
                result.park(new ProcessingResult.Parked(park.get(), List.copyOf(mail.getRecipients()), mail.dsnParameters()));
            }
            return true;
        }
        if (Mail.GHOST.equals(mail.getState()) || mail.getRecipients().isEmpty()) return true;
        Optional<String> next = QueueMails.stringAttribute(mail, QueueAttributes.NEXT_ATTEMPT);
        if (next.isEmpty()) return false;
        mail.removeAttribute(AttributeName.of(QueueAttributes.NEXT_ATTEMPT));
        Optional<String> error = QueueMails.stringAttribute(mail, QueueAttributes.LAST_ERROR);
        mail.removeAttribute(AttributeName.of(QueueAttributes.LAST_ERROR));
        Instant at;
        try {
            at = Instant.parse(next.get());
        } catch (DateTimeParseException e) {
            park(mail, QueueAttributes.NEXT_ATTEMPT + " is not an ISO-8601 instant: " + next.get(), result);
            return true;
        }
        result.defer(new ProcessingResult.Deferral(mail.getState(), at, error, List.copyOf(mail.getRecipients()), mail.dsnParameters()));
        return true;
    }

    private Collection<MailAddress> match(ProcessorStep step, Mail mail) throws TemporaryFailure {
        try {
            return step.matcher().match(mail);
        } catch (MessagingException | RuntimeException e) {
            if (TemporaryFailure.isCauseOf(e)) throw temporary(step, e);
            log.warn("matcher of {} failed on {}: {}", step.origin(), mail.getName(), e.toString());
            log.debug("matcher failure", e);
            return switch (step.onMatchException()) {
                case ProcessorStep.NO_MATCH -> List.of();
                case ProcessorStep.MATCH_ALL -> List.copyOf(mail.getRecipients());
                default -> {
                    fail(mail, step.onMatchException(), "matcher of " + step.origin() + " failed: " + e);
                    yield List.of();
                }
            };
        }
    }

    private void service(ProcessorStep step, Mail mail) throws TemporaryFailure {
        try {
            step.mailet().service(mail);
        } catch (MessagingException | RuntimeException e) {
            if (TemporaryFailure.isCauseOf(e)) throw temporary(step, e);
            log.warn("mailet {} failed on {}: {}", step.origin(), mail.getName(), e.toString());
            log.debug("mailet failure", e);
            if (!ProcessorStep.IGNORE.equals(step.onMailetException())) {
                fail(mail, step.onMailetException(), "mailet " + step.origin() + " failed: " + e);
            }
        }
    }

    /** James onMailetException: the mail goes to "error" (or the named processor) with the error message set. */
    private static void fail(Mail mail, String target, String reason) {
        mail.setErrorMessage(reason);
        mail.setState(target);
    }

    private static TemporaryFailure temporary(ProcessorStep step, Exception e) {
        if (e instanceof TemporaryFailure t) return t;
        return new TemporaryFailure(step.origin() + ": " + e.getMessage(), e);
    }

    /** Splits off a copy of {@code mail} for {@code chosen}; {@code mail} keeps the others. */
    private static Mail split(Mail mail, Set<MailAddress> chosen, Set<MailAddress> all) throws TemporaryFailure {
        Mail part;
        try {
            part = mail.duplicate();
        } catch (MessagingException e) {
            throw new TemporaryFailure("cannot split " + mail.getName() + ": " + e.getMessage(), e);
        }
        part.setName(mail.getName() + "-" + Integer.toHexString(chosen.hashCode()));
        part.setRecipients(List.copyOf(chosen));
        List<MailAddress> rest = new ArrayList<>(all);
        rest.removeAll(chosen);
        mail.setRecipients(rest);
        return part;
    }

    private static void park(Mail mail, String reason, ProcessingResult result) {
        if (mail.getRecipients().isEmpty()) return;
        String why = mail.getErrorMessage() != null && !reason.contains(mail.getErrorMessage()) ? reason + "; " + mail.getErrorMessage() : reason;
        log.warn("{} parked in the error repository: {}", mail.getName(), why);
        result.park(new ProcessingResult.Parked(why, List.copyOf(mail.getRecipients()), mail.dsnParameters()));
    }

    /** Destroys the mailets and matchers and lets CDI release them. */
    @Override
    public void close() {
        for (List<ProcessorStep> steps : processors.values()) {
            for (ProcessorStep step : steps) {
                destroy(() -> step.mailet().destroy(), step.origin());
                destroy(() -> step.matcher().destroy(), step.origin());
            }
        }
        for (AutoCloseable instance : instances) destroy(instance::close, "instance");
    }

    private static void destroy(ThrowingRunnable action, String origin) {
        try {
            action.run();
        } catch (Exception | LinkageError e) {
            log.warn("destroying {} failed: {}", origin, e.toString());
        }
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** The error repository's name, for the loader's checks. */
    static final String ERROR = MailQueue.ERROR;
}
