package app.exosphere.core.rules;

import app.exosphere.core.compute.InstanceAction;
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
 * boolean recent = RecentServerEvent.isRecent(compute.servers().instanceActions(serverId).list().toList(), server.createdAt().orElseThrow(), clock.instant());
 * }</pre>
 */
public final class RecentServerEvent {

    /** How recent "recent" is. */
    public static final Duration WINDOW = Duration.ofMinutes(40);

    private static final Set<String> IGNORED = Set.of("lock", "unlock", "image");

    private RecentServerEvent() {}

    /** Applies the rule. */
    // Exosphere's `Interaction.hasRecentServerEvent`
    public static boolean isRecent(Collection<InstanceAction> actions, Instant created, Instant now) {
        Instant threshold = now.minus(WINDOW);
        Optional<Instant> newest = actions.stream()
                .filter(a -> !IGNORED.contains(a.action()))
                .map(InstanceAction::startedAt)
                .flatMap(Optional::stream)
                .max(Comparator.naturalOrder());
        if (newest.isPresent()) {
            return newest.get().isAfter(threshold);
        }
        return created != null && created.isAfter(threshold);
    }
}
