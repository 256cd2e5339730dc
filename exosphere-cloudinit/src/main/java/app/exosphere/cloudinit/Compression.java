package app.exosphere.cloudinit;

/**
 * Whether rendered user data is gzip-compressed before Base64 encoding. cloud-init detects and
 * decompresses gzip user data itself. Example:
 *
 * <pre>{@code
 * options.render(Compression.AUTO);
 * }</pre>
 */
public enum Compression {
    /** Plain text, like Exosphere (the default): readable in the Nova API and console tools. */
    NONE,
    /** Always gzip. */
    GZIP,
    /** Plain text when it fits under Nova's limit, gzip otherwise. */
    AUTO
}
