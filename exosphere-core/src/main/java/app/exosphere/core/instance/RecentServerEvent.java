package app.exosphere.core.instance;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;

/**
 * Exosphere's "recent server event" test, used by the interaction rules to say "still booting, check back
 * in a few minutes" instead of an error: the newest instance action other than lock, unlock and image
 * started less than 40 minutes ago, or, with no such action, the server was created less than 40 minutes
 * ago.
 *
 * <pre>{@code
 * boolean recent = RecentServerEvent.isRecent(actions, server.createdAt().orElseThrow(), clock.instant());
 * }</pre>
 */
public final class RecentServerEvent {

    /** How recent "recent" is. */
    public static final Duration WINDOW = Duration.ofMinutes(40);

    private static final Set<String> IGNORED = Set.of("lock", "unlock", "image");

    /** One instance action ({@code os-instance-actions}): its name and start time. */
    public record Action(String action, Instant startTime) {}

    private RecentServerEvent() {}

    /** Applies the rule. */
    // exosphere-spec §4.6 hasRecentServerEvent
    public static boolean isRecent(Collection<Action> actions, Instant created, Instant now) {
        Instant threshold = now.minus(WINDOW);
        Optional<Action> newest = actions.stream()
                .filter(a -> a.action() != null && !IGNORED.contains(a.action()))
                .filter(a -> a.startTime() != null)
                .max(Comparator.comparing(Action::startTime));
        if (newest.isPresent()) {
            return newest.get().startTime().isAfter(threshold);
        }
        return created != null && created.isAfter(threshold);
    }
}
