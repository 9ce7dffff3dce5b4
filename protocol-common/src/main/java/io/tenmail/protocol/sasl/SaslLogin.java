package io.tenmail.protocol.sasl;

/**
 * The LOGIN mechanism (draft-murchison-sasl-login-00), still what many clients (Outlook among
 * them) use for SMTP AUTH: the server asks "Username:" and "Password:", the client answers each
 * with a base64 line. Clients may send the user name as the initial response
 * ({@code AUTH LOGIN dXNlcg==}). One instance per exchange; not thread-safe (a session owns it).
 *
 * <pre>
 * SaslLogin login = SaslLogin.start(initialResponse);      // null without one
 * while (!login.isComplete()) { send(login.challenge()); login.respond(readLine()); }
 * SaslCredentials credentials = login.credentials();
 * </pre>
 */
public final class SaslLogin {
    public static final String MECHANISM = "LOGIN";
    /** base64 of "Username:". */
    public static final String USERNAME_CHALLENGE = SaslResponse.encodeBase64("Username:");
    /** base64 of "Password:". */
    public static final String PASSWORD_CHALLENGE = SaslResponse.encodeBase64("Password:");
    static final int MAX_OCTETS = SaslPlain.MAX_OCTETS;

    private String username;
    private String password;

    private SaslLogin() {
    }

    /** Starts an exchange; {@code initialResponse} (base64 user name) may be null. */
    public static SaslLogin start(String initialResponse) throws SaslResponseException {
        SaslLogin login = new SaslLogin();
        if (initialResponse != null) login.respond(initialResponse);
        return login;
    }

    /** The base64 challenge to send next; only while not {@link #isComplete()}. */
    public String challenge() {
        if (isComplete()) throw new IllegalStateException("the LOGIN exchange is complete");
        return username == null ? USERNAME_CHALLENGE : PASSWORD_CHALLENGE;
    }

    /** Takes the client's answer to the current challenge. */
    public void respond(String base64Line) throws SaslResponseException {
        if (isComplete()) throw new IllegalStateException("the LOGIN exchange is complete");
        byte[] bytes = SaslResponse.decodeBase64(base64Line, MECHANISM);
        String part = username == null ? "user name" : "password";
        if (bytes.length == 0) throw new SaslResponseException("LOGIN response has an empty " + part);
        if (bytes.length > MAX_OCTETS) throw new SaslResponseException("LOGIN response has a " + part + " longer than " + MAX_OCTETS + " octets");
        for (byte b : bytes) if (b == 0) throw new SaslResponseException("LOGIN response contains NUL");
        String value = SaslResponse.utf8(bytes, 0, bytes.length, MECHANISM);
        if (username == null) username = value;
        else password = value;
    }

    public boolean isComplete() {
        return password != null;
    }

    public SaslCredentials credentials() {
        if (!isComplete()) throw new IllegalStateException("the LOGIN exchange is not complete");
        return new SaslCredentials("", username, password);
    }
}
