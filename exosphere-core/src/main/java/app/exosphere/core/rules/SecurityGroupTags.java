package app.exosphere.core.rules;

import app.exosphere.core.network.SecurityGroup;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Exosphere's Neutron tags on security groups and what they mean (Exosphere's
 * {@code OpenStack.Types.securityGroupExoTags}): {@code exo:preset} marks a group offered on the create
 * page and protected from deletion, and {@code exo:creatorUsername::<user>} records who created it through
 * Exosphere.
 *
 * <pre>{@code
 * SecurityGroup g = network.securityGroups().get(id).execute();
 * SecurityGroupTags.isPreset(g);                         // exo:preset present
 * SecurityGroupTags.creator(g);                          // Optional[alice]
 * SecurityGroupTags.creatorTag("alice");                 // "exo:creatorUsername::alice"
 * }</pre>
 */
public final class SecurityGroupTags {
    /** Marks a group as a preset. */
    public static final String PRESET = "exo:preset";

    /** The prefix of the creator tag; the Keystone user name follows. */
    public static final String CREATOR_PREFIX = "exo:creatorUsername::";

    private SecurityGroupTags() {}

    /** The tag Exosphere adds right after it creates a group (default groups included). */
    public static String creatorTag(String keystoneUserName) {
        if (keystoneUserName == null || keystoneUserName.isBlank()) {
            throw new IllegalArgumentException("the creator tag needs the Keystone user name");
        }
        return CREATOR_PREFIX + keystoneUserName;
    }

    /** Whether the group carries {@code exo:preset}. */
    public static boolean isPreset(SecurityGroup group) {
        return group.tags().contains(PRESET);
    }

    /** The user name in the group's {@code exo:creatorUsername::} tag, if any. */
    public static Optional<String> creator(SecurityGroup group) {
        return group.tags().stream()
                .filter(t -> t.startsWith(CREATOR_PREFIX))
                .map(t -> t.substring(CREATOR_PREFIX.length()))
                .findFirst();
    }

    /**
     * Whether the web app refuses to delete the group: a preset, or the project's default group (the
     * template's name for the region, e.g. {@code exosphere}).
     */
    public static boolean isProtectedFromDeletion(SecurityGroup group, String defaultGroupName) {
        return isPreset(group) || group.name().equals(defaultGroupName);
    }

    /**
     * Group names used by more than one group, compared case-insensitively, each reported once: launches
     * reference groups by name, so the web app warns "Please ask your administrator to rename or remove
     * duplicates of: …".
     */
    // Exosphere's `Page.ServerCreate` duplicate warning (`Helpers.List.duplicatedValuesBy`)
    public static List<String> duplicateNames(Collection<SecurityGroup> groups) {
        Map<String, Long> counts = groups.stream()
                .map(g -> g.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.groupingBy(
                        Function.identity(), java.util.LinkedHashMap::new, Collectors.counting()));
        return groups.stream()
                .map(SecurityGroup::name)
                .filter(n -> counts.get(n.toLowerCase(Locale.ROOT)) > 1)
                .map(n -> n.toLowerCase(Locale.ROOT))
                .distinct()
                .toList();
    }
}
