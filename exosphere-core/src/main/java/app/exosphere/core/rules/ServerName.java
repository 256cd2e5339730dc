package app.exosphere.core.rules;

import app.exosphere.core.error.InvalidLaunchRequestException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Exosphere's rules for instance names and its naming of multiple instances launched together.
 *
 * <pre>{@code
 * ServerName.problems(" bad-");       // ["Instance name must not start with a space", "Instance name must not end with a hyphen"]
 * ServerName.numbered("web", 2, 3);   // "web 2 of 3"
 * }</pre>
 */
public final class ServerName {

    // Exosphere's `ServerNameValidator.serverNameValidator`: rule 3's character class, ASCII only
    private static final Pattern BAD_CHARACTER = Pattern.compile("[^A-Za-z0-9\\-_ ]");
    private static final String DEFAULT_WORD = "instance";

    private ServerName() {}

    /**
     * The rules {@code name} breaks, in Exosphere's order and wording, using the word "Instance".
     *
     * @return an empty list when the name is valid
     */
    public static List<String> problems(String name) {
        return problems(name, DEFAULT_WORD);
    }

    /**
     * The rules {@code name} breaks, worded with the given noun for a server (Exosphere's localization
     * word {@code virtualComputer}, e.g. "instance"); the noun is title-cased.
     */
    // Exosphere's `ServerNameValidator.serverNameValidator`
    public static List<String> problems(String name, String wordForServer) {
        if (name == null) {
            name = "";
        }
        String word = titleCase(wordForServer == null || wordForServer.isBlank() ? "server" : wordForServer);
        List<String> reasons = new ArrayList<>();
        if (name.isEmpty()) {
            reasons.add("not be empty");
        }
        if (name.length() >= 255) {
            reasons.add("be less than 255 characters long");
        }
        if (BAD_CHARACTER.matcher(name).find()) {
            reasons.add("only include alphanumeric characters, hyphen, underscore and space");
        }
        if (name.startsWith(" ")) {
            reasons.add("not start with a space");
        }
        if (name.endsWith(" ")) {
            reasons.add("not end with a space");
        }
        if (name.endsWith("-")) {
            reasons.add("not end with a hyphen");
        }
        List<String> messages = new ArrayList<>(reasons.size());
        for (String reason : reasons) {
            messages.add(word + " name must " + reason);
        }
        return List.copyOf(messages);
    }

    /** Whether {@code name} passes every rule of {@link #problems(String)}. */
    public static boolean isValid(String name) {
        return problems(name).isEmpty();
    }

    /**
     * Returns {@code name} when valid.
     *
     * @throws InvalidLaunchRequestException listing every broken rule
     */
    public static String requireValid(String name) {
        List<String> problems = problems(name);
        if (!problems.isEmpty()) {
            throw new InvalidLaunchRequestException("Invalid instance name: " + String.join("; ", problems)
                    + ". Use letters, digits, '-', '_' and inner spaces only.");
        }
        return name;
    }

    /**
     * Exosphere's name for instance {@code index} (1-based) of {@code count} launched together:
     * {@code base} alone when {@code count == 1}, else {@code "<base> <index> of <count>"}.
     */
    // Exosphere's `Rest.Naming.generateServerName`
    public static String numbered(String base, int index, int count) {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException(
                    "index must be in 1.." + count + " and count at least 1, got index " + index + " of " + count);
        }
        return count == 1 ? base : base + " " + index + " of " + count;
    }

    static String titleCase(String phrase) {
        StringBuilder out = new StringBuilder(phrase.length());
        boolean startOfWord = true;
        for (int i = 0; i < phrase.length(); i++) {
            char c = phrase.charAt(i);
            if (Character.isWhitespace(c)) {
                startOfWord = true;
                out.append(c);
            } else if (startOfWord) {
                out.append(String.valueOf(c).toUpperCase(Locale.ROOT));
                startOfWord = false;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
