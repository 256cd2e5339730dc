package app.exosphere.core.rules;

import app.exosphere.core.config.FlavorGroup;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Exosphere's flavor-group rules over the configured {@link FlavorGroup}s of a cloud: which group a flavor
 * belongs to and whether a group's {@code disallowedActions} forbids an action.
 *
 * <pre>{@code
 * FlavorGroups.matches("g3.\\d?xl", "g3.2xl");                           // true (unanchored search)
 * FlavorGroups.disallows(List.of("Suspend", "Resize"), "Suspend", "suspend"); // true
 * FlavorGroups.disallows(List.of("os-start"), "Start", "os-start");       // true
 * FlavorGroups.groupOf(exosphere.instances().settings().flavorGroupsInEffect(), "g3.xl");             // Optional[the GPU group]
 * }</pre>
 */
public final class FlavorGroups {

    private FlavorGroups() {}

    /**
     * Whether a flavor name matches a group's {@code matchOn} regular expression, searched anywhere in the
     * name like JavaScript's {@code RegExp.test}. An invalid expression never matches.
     */
    // Exosphere's `docs/flavor-groups.md`
    public static boolean matches(String matchOn, String flavorName) {
        if (matchOn == null || flavorName == null) {
            return false;
        }
        try {
            return Pattern.compile(matchOn).matcher(flavorName).find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    /** The first group whose {@code matchOn} matches the flavor name (Exosphere's {@code docs/flavor-groups.md}), if any. */
    public static Optional<FlavorGroup> groupOf(List<FlavorGroup> groups, String flavorName) {
        return groups.stream().filter(g -> matches(g.matchOn(), flavorName)).findFirst();
    }

    /**
     * Whether a group's {@code disallowedActions} forbids an action, comparing case-insensitively against
     * both the action's display name ({@code "Suspend"}) and its Nova API name ({@code "suspend"},
     * {@code "os-start"}, {@code "createImage"}), so both documented and current Exosphere spellings work.
     */
    // Exosphere's `docs/flavor-groups.md`: match display and API names case-insensitively (fixes upstream's quirk)
    public static boolean disallows(Collection<String> disallowedActions, String displayName, String apiName) {
        if (disallowedActions == null) {
            return false;
        }
        for (String entry : disallowedActions) {
            if (entry == null) {
                continue;
            }
            String e = entry.trim().toLowerCase(Locale.ROOT);
            if ((displayName != null && e.equals(displayName.toLowerCase(Locale.ROOT)))
                    || (apiName != null && e.equals(apiName.toLowerCase(Locale.ROOT)))) {
                return true;
            }
        }
        return false;
    }
}
