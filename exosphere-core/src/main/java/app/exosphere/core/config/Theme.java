package app.exosphere.core.config;

/**
 * Config {@code palette}: primary and secondary colours for light and dark mode (Exosphere's {@code Flags.flagsDecoder}).
 *
 * <pre>{@code
 * Theme.Rgb primary = config.paletteValue().orElseThrow().light().primary();
 * }</pre>
 *
 * @param light light-mode palette
 * @param dark dark-mode palette
 */
public record Theme(Palette light, Palette dark) {
    /**
     * Two colours.
     *
     * @param primary primary colour
     * @param secondary secondary colour
     */
    public record Palette(Rgb primary, Rgb secondary) {}

    /**
     * A colour.
     *
     * @param r red 0-255
     * @param g green 0-255
     * @param b blue 0-255
     */
    public record Rgb(int r, int g, int b) {}
}
