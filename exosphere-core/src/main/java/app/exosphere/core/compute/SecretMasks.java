package app.exosphere.core.compute;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How server tags and metadata print: the exouser passphrase that Exosphere stores as the tag
 * {@code exoPw:<passphrase>} (and, on old servers, the metadata {@code exouserPassword}, Exosphere's
 * {@code Helpers.GetterSetters.getServerExouserPassphrase}) is masked, as is any
 * metadata value under a secret-looking key.
 */
final class SecretMasks {
    static final String PASSPHRASE_TAG_PREFIX = "exoPw:";
    static final String LEGACY_PASSPHRASE_KEY = "exouserPassword";
    private static final String MASK = "<redacted>";
    private static final String[] SECRET_KEY_PARTS = {"password", "passwd", "secret", "token", "passphrase", "exopw"};

    private SecretMasks() {}

    static List<String> tags(List<String> tags) {
        return tags.stream().map(SecretMasks::tag).toList();
    }

    static String tag(String tag) {
        return isPassphraseTag(tag) ? PASSPHRASE_TAG_PREFIX + MASK : tag;
    }

    /** An {@code exoPw:} tag in any letter case, although only {@code exoPw:} is read back. */
    static boolean isPassphraseTag(String tag) {
        return tag != null && tag.regionMatches(true, 0, PASSPHRASE_TAG_PREFIX, 0, PASSPHRASE_TAG_PREFIX.length());
    }

    /** A metadata key named like the passphrase tag ({@code exoPw…}, any letter case). */
    static boolean isPassphraseKey(String key) {
        return key != null && key.regionMatches(true, 0, "exoPw", 0, 5);
    }

    static Map<String, String> metadata(Map<String, String> metadata) {
        Map<String, String> out = new LinkedHashMap<>();
        metadata.forEach((k, v) -> out.put(k, isSecretKey(k) ? MASK : v));
        return out;
    }

    private static boolean isSecretKey(String key) {
        String lower = key.toLowerCase(Locale.ROOT);
        for (String part : SECRET_KEY_PARTS) {
            if (lower.contains(part)) {
                return true;
            }
        }
        return false;
    }
}
