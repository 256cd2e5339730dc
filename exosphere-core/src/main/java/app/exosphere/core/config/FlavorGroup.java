package app.exosphere.core.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A group of flavors shown together, matched by a JavaScript regular expression on the flavor name,
 * with server actions to hide for servers in the group (Exosphere's {@code docs/flavor-groups.md}).
 *
 * <pre>{@code
 * FlavorGroup gpu = new FlavorGroup("g3.\\d?xl", "Full GPU", null, List.of("Suspend", "Resize"));
 * gpu.matches("g3.xl");          // true
 * gpu.disallows("resize");       // true (display or API name, any case)
 * }</pre>
 *
 * @param matchOn the regex, searched unanchored in the flavor name
 * @param title display title
 * @param description description, or null
 * @param disallowedActions action names to hide
 */
public record FlavorGroup(String matchOn, String title, String description, List<String> disallowedActions) {
    // Exosphere's `OpenStack.ServerActions`: display names and the API action names they stand for
    private static final Map<String, String> API_NAMES = Map.ofEntries(
            Map.entry("confirm", "confirmresize"),
            Map.entry("revert", "revertresize"),
            Map.entry("start", "os-start"),
            Map.entry("stop", "os-stop"),
            Map.entry("image", "createimage"));

    public FlavorGroup {
        disallowedActions = List.copyOf(disallowedActions);
    }

    public Optional<String> descriptionValue() {
        return Optional.ofNullable(description);
    }

    /** Unanchored search of {@link #matchOn()} in the name; an invalid regex never matches. */
    public boolean matches(String flavorName) {
        try {
            return Pattern.compile(matchOn).matcher(flavorName).find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }

    /**
     * True if {@code action} (display name such as {@code Suspend}, or API name such as
     * {@code suspend}/{@code os-start}) is disallowed, compared case-insensitively (Exosphere's {@code docs/flavor-groups.md}).
     */
    public boolean disallows(String action) {
        String a = action.toLowerCase(Locale.ROOT);
        for (String d : disallowedActions) {
            String lower = d.toLowerCase(Locale.ROOT);
            if (lower.equals(a) || API_NAMES.getOrDefault(lower, lower).equals(a)) {
                return true;
            }
        }
        return false;
    }
}
