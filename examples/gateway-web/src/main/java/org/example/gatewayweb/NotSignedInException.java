package org.example.gatewayweb;

/** A page that needs a signed-in user was asked for without one: the user is sent to the sign-in page. */
public final class NotSignedInException extends RuntimeException {
    public NotSignedInException() {
        super("Please sign in.");
    }
}
