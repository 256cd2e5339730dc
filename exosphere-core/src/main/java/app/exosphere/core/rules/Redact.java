package app.exosphere.core.rules;

/** Masks secrets in strings meant for logs and {@code toString()}. */
final class Redact {
    private Redact() {}

    /** Replaces every {@code token=} query value of a URL with {@code ***}. */
    public static String tokens(String url) {
        return url == null ? null : url.replaceAll("([?&#]token=)[^&#]*", "$1***");
    }
}
