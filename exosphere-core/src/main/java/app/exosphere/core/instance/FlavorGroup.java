package app.exosphere.core.instance;

import java.util.List;

/**
 * One entry of a cloud's {@code flavorGroups} configuration (exosphere-spec §8.7).
 *
 * <pre>{@code
 * new FlavorGroup("g3.\\d?xl", "Full GPU A100", List.of("Suspend", "Resize"));
 * }</pre>
 *
 * @param matchOn JavaScript-style regular expression searched in the flavor name
 * @param title the group's display title
 * @param disallowedActions actions hidden for servers of this group (display or API names)
 */
public record FlavorGroup(String matchOn, String title, List<String> disallowedActions) {
    /** Copies the list. */
    public FlavorGroup {
        disallowedActions = List.copyOf(disallowedActions);
    }

    /** The first group whose regex matches the flavor name. */
    public static java.util.Optional<FlavorGroup> of(List<FlavorGroup> groups, String flavorName) {
        return groups.stream()
                .filter(g -> FlavorGroups.matches(g.matchOn(), flavorName))
                .findFirst();
    }
}
