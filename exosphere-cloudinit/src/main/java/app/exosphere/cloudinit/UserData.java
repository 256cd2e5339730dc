package app.exosphere.cloudinit;

import app.exosphere.cloudinit.internal.MimeReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * Entry point for reading existing user data (to inspect it, recognise Exosphere's, or merge a gateway's
 * cloud-config into a new launch). Building user data starts at {@link UserDataOptions#builder()}.
 * Example:
 *
 * <pre>{@code
 * ParsedUserData parsed = UserData.parseBase64(userData);
 * parsed.recogniseExosphere().ifPresent(r -> System.out.println("guacamole: " + r.guacamole()));
 * }</pre>
 */
public final class UserData {

    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    private UserData() {}

    /**
     * Parses raw user data bytes: gzip is decompressed; a MIME document (starting with
     * {@code Content-Type:} or {@code MIME-Version:}) is split into parts; otherwise the text is one part
     * typed by its first line as cloud-init does ({@code #cloud-config}, {@code #!}, {@code #cloud-boothook},
     * {@code #include}, ...; anything else is {@code text/plain}).
     *
     * @throws UserDataParseException on broken gzip or multipart structure
     */
    public static ParsedUserData parse(byte[] userData) {
        return MimeReader.parse(Objects.requireNonNull(userData, "userData"));
    }

    /** Parses user data text (see {@link #parse(byte[])}). */
    public static ParsedUserData parse(String userData) {
        return parse(Objects.requireNonNull(userData, "userData").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Parses the Base64 form Nova stores and returns ({@code server.user_data},
     * {@code OS-EXT-SRV-ATTR:user_data}); line breaks are tolerated.
     *
     * @throws UserDataParseException when the text is not Base64
     */
    public static ParsedUserData parseBase64(String base64) {
        Objects.requireNonNull(base64, "base64");
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(WHITESPACE.matcher(base64).replaceAll(""));
        } catch (IllegalArgumentException e) {
            throw new UserDataParseException("user data is not valid Base64", e);
        }
        return parse(bytes);
    }
}
