package app.exosphere.core.internal;

import java.util.concurrent.CompletableFuture;

/** Supplies the token for one scope and renews it after a 401. */
public interface AuthBinding {
    /** The current valid token, refreshed first when it is about to expire. */
    CompletableFuture<String> token();

    /** A new token after {@code rejected} was refused (single-flight), or a failed future. */
    CompletableFuture<String> reauthenticate(String rejected);
}
