package app.exosphere.core.rules;

import app.exosphere.core.auth.SecretUrl;
import java.util.Optional;

/**
 * The status of one {@link Interaction} for one server, with Exosphere's exact reasons:
 * {@link Unavailable}, {@link Loading}, {@link Ready}, {@link Warn}, {@link Error}, {@link Hidden}.
 *
 * <pre>{@code
 * InteractionStatus status = instance.fetchInteractions().execute().status(Interaction.WEB_SHELL);
 * switch (status.kind()) {
 *     case READY, WARN -> System.out.println("open " + status.value().orElseThrow().toUriString());
 *     default -> System.out.println(status.reason().orElse(""));
 * }
 * }</pre>
 *
 * <p>A ready web shell or desktop URL contains a Guacamole token, a console URL a Nova console token and a
 * workflow URL a Jupyter token: they grant access to the instance, so every value is a {@link SecretUrl}
 * whose {@code toString()} masks them; {@link SecretUrl#toUriString()} is the link to open.
 */
public sealed interface InteractionStatus {

    /** The six kinds, with Exosphere's colour words. */
    enum Kind {
        UNAVAILABLE,
        LOADING,
        READY,
        WARN,
        ERROR,
        HIDDEN
    }

    /** The kind. */
    Kind kind();

    /** The URL or text to use, for {@link Ready} and {@link Warn} (printed with its tokens masked). */
    default Optional<SecretUrl> value() {
        return Optional.empty();
    }

    /** Why the interaction is not (fully) usable, for {@link Unavailable}, {@link Warn} and {@link Error}. */
    default Optional<String> reason() {
        return Optional.empty();
    }

    /** Whether the user can use it now (ready, or usable with a warning). */
    default boolean isUsable() {
        return kind() == Kind.READY || kind() == Kind.WARN;
    }

    /** Not usable now, for the given reason. */
    record Unavailable(String why) implements InteractionStatus {
        @Override
        public Kind kind() {
            return Kind.UNAVAILABLE;
        }

        @Override
        public Optional<String> reason() {
            return Optional.of(why);
        }
    }

    /** Being prepared (e.g. a Guacamole token is being requested). */
    record Loading() implements InteractionStatus {
        @Override
        public Kind kind() {
            return Kind.LOADING;
        }
    }

    /** Usable: open the URL or use the text. */
    record Ready(SecretUrl url) implements InteractionStatus {
        @Override
        public Kind kind() {
            return Kind.READY;
        }

        @Override
        public Optional<SecretUrl> value() {
            return Optional.of(url);
        }
    }

    /** Usable with a caveat. */
    record Warn(SecretUrl url, String why) implements InteractionStatus {
        @Override
        public Kind kind() {
            return Kind.WARN;
        }

        @Override
        public Optional<SecretUrl> value() {
            return Optional.of(url);
        }

        @Override
        public Optional<String> reason() {
            return Optional.of(why);
        }
    }

    /** Should be usable but something failed; the reason says what. */
    record Error(String why) implements InteractionStatus {
        @Override
        public Kind kind() {
            return Kind.ERROR;
        }

        @Override
        public Optional<String> reason() {
            return Optional.of(why);
        }
    }

    /** Not applicable to this server; do not show it. */
    record Hidden() implements InteractionStatus {
        @Override
        public Kind kind() {
            return Kind.HIDDEN;
        }
    }
}
