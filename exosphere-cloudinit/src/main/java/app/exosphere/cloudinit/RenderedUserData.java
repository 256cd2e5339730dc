package app.exosphere.cloudinit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * User data ready for Nova: the MIME text, the payload bytes (gzip-compressed when {@link #isCompressed()})
 * and their Base64 form for {@code server.user_data}, whose size Nova limits to {@value #NOVA_LIMIT} bytes.
 * {@code toString()} shows sizes only: user data can hold credentials. Example:
 *
 * <pre>{@code
 * RenderedUserData ud = options.render();
 * Map<String, Object> body = Map.of("user_data", ud.base64());   // ud.encodedSize() <= 65535
 * }</pre>
 */
public final class RenderedUserData {

    /** Nova's limit on the Base64 {@code user_data} string, in bytes. */
    public static final int NOVA_LIMIT = 65_535;

    private final String text;
    private final byte[] payload;
    private final boolean compressed;

    private RenderedUserData(String text, byte[] payload, boolean compressed) {
        this.text = text;
        this.payload = payload;
        this.compressed = compressed;
    }

    /**
     * For renderers: the MIME text and the payload sent (the text's UTF-8 bytes, or their gzip).
     *
     * @param text the uncompressed MIME document
     * @param payload the bytes to Base64-encode for Nova
     * @param compressed whether {@code payload} is gzip
     */
    public static RenderedUserData of(String text, byte[] payload, boolean compressed) {
        return new RenderedUserData(
                Objects.requireNonNull(text, "text"),
                Objects.requireNonNull(payload, "payload").clone(),
                compressed);
    }

    /** The Base64 length of {@code n} bytes (standard alphabet, padding, no line breaks). */
    public static int base64Length(int n) {
        return 4 * ((n + 2) / 3);
    }

    /** The MIME document (uncompressed), LF line ends. */
    public String text() {
        return text;
    }

    /** The payload bytes (a copy): UTF-8 of {@link #text()}, or its gzip when compressed. */
    public byte[] bytes() {
        return payload.clone();
    }

    /** The payload in standard Base64 without line breaks: the value of {@code server.user_data}. */
    public String base64() {
        return Base64.getEncoder().encodeToString(payload);
    }

    /** The length of {@link #base64()} in bytes, which Nova limits to {@value #NOVA_LIMIT}. */
    public int encodedSize() {
        return base64Length(payload.length);
    }

    /** The size of the uncompressed text in UTF-8 bytes. */
    public int textSize() {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Whether the payload is gzip-compressed. */
    public boolean isCompressed() {
        return compressed;
    }

    /** Parses this user data back into its parts. */
    public ParsedUserData parse() {
        return UserData.parse(payload);
    }

    /** Sizes only. */
    @Override
    public String toString() {
        return "RenderedUserData[textSize=" + textSize() + ", encodedSize=" + encodedSize() + ", compressed="
                + compressed + "]";
    }
}
