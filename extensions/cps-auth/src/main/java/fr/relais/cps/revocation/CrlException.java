package fr.relais.cps.revocation;

/** A CRL that must not be used: unreadable, from another authority, or badly signed. */
public final class CrlException extends Exception {

    public CrlException(String message) {
        super(message);
    }

    public CrlException(String message, Throwable cause) {
        super(message, cause);
    }
}
