package io.tenmail.smtp.mailet;

import org.apache.mailet.Mailet;
import org.apache.mailet.Matcher;

/**
 * One matcher/mailet pair of a processor, with what to do when either throws (James's
 * onMatchException / onMailetException) and where it was configured.
 *
 * @param onMatchException  "error", "nomatch", "matchall" or a processor name
 * @param onMailetException "error", "ignore" or a processor name
 * @param origin            e.g. "line 12 LocalDelivery", for logs and error reasons
 */
record ProcessorStep(Matcher matcher, Mailet mailet, String onMatchException, String onMailetException, String origin) {
    static final String ERROR = "error";
    static final String NO_MATCH = "nomatch";
    static final String MATCH_ALL = "matchall";
    static final String IGNORE = "ignore";
}
