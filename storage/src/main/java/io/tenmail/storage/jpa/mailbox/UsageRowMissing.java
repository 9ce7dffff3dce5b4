package io.tenmail.storage.jpa.mailbox;

/**
 * Thrown inside a transaction that needs the account's usage row before it exists; the store then
 * creates the row in a transaction of its own and runs the work again. Creating it in the same
 * transaction would turn a concurrent first use into a unique-key failure.
 */
final class UsageRowMissing extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageRowMissing() {
        super("account usage row missing", null, false, false);
    }
}
