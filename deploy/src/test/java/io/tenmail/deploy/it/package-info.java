/**
 * Tests of the distribution as operators run it: {@code target/tenmail/bin/tenmail} started as a
 * real process (failsafe, after {@code package}).
 */
package io.tenmail.deploy.it;
