package app.exosphere.cloudinit;

import java.util.OptionalInt;

/**
 * The rendered user data is larger than Nova accepts: the Base64 text sent as {@code server.user_data}
 * may be at most {@value RenderedUserData#NOVA_LIMIT} bytes. When gzip compression would make it fit,
 * {@link #gzipEncodedSize()} says how large it would be; render again with {@link Compression#GZIP} or
 * {@link Compression#AUTO}. Example:
 *
 * <pre>{@code
 * RenderedUserData ud;
 * try {
 *     ud = options.render();
 * } catch (UserDataTooLargeException e) {
 *     ud = e.gzipWouldFit() ? options.render(Compression.GZIP) : null;
 * }
 * }</pre>
 */
public final class UserDataTooLargeException extends UserDataException {

    private static final long serialVersionUID = 1L;

    private final int encodedSize;
    private final int limit;
    private final Integer gzipEncodedSize;

    /**
     * @param encodedSize the Base64 size of the payload as rendered
     * @param limit the limit
     * @param gzipEncodedSize the Base64 size with gzip, when gzip was not already used, else empty
     */
    public UserDataTooLargeException(int encodedSize, int limit, OptionalInt gzipEncodedSize) {
        super(message(encodedSize, limit, gzipEncodedSize));
        this.encodedSize = encodedSize;
        this.limit = limit;
        this.gzipEncodedSize = gzipEncodedSize.isPresent() ? gzipEncodedSize.getAsInt() : null;
    }

    private static String message(int size, int limit, OptionalInt gzip) {
        String base = "User data is " + size + " bytes in Base64, over Nova's limit of " + limit + " bytes";
        if (gzip.isEmpty()) {
            return base + "; reduce the extra cloud-config or scripts.";
        }
        if (gzip.getAsInt() <= limit) {
            return base + "; gzip-compressed it would be " + gzip.getAsInt()
                    + " bytes and fit: render with Compression.GZIP or Compression.AUTO.";
        }
        return base + "; even gzip-compressed it would be " + gzip.getAsInt()
                + " bytes: reduce the extra cloud-config or scripts.";
    }

    /** The Base64 size that was too large. */
    public int encodedSize() {
        return encodedSize;
    }

    /** The limit ({@value RenderedUserData#NOVA_LIMIT}). */
    public int limit() {
        return limit;
    }

    /** The Base64 size gzip would give, if compression was not used for this attempt. */
    public OptionalInt gzipEncodedSize() {
        return gzipEncodedSize == null ? OptionalInt.empty() : OptionalInt.of(gzipEncodedSize);
    }

    /** Whether rendering with gzip would fit under the limit. */
    public boolean gzipWouldFit() {
        return gzipEncodedSize != null && gzipEncodedSize <= limit;
    }
}
