package app.exosphere.testkit;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One round trip recorded by the {@link RequestJournal}. Bodies are kept for assertions;
 * {@link #toString()} never prints them (they may hold passwords or tokens).
 *
 * <pre>{@code
 * JournalEntry e = cloud.journal().entries().get(0);
 * assertThat(e.method() + " " + e.path()).isEqualTo("POST /auth/tokens");
 * }</pre>
 *
 * @param sequence 1-based order of arrival
 * @param simulatedAt the simulated time the request was handled
 * @param service the service reached
 * @param region the region of the endpoint ({@code null} for Keystone and the UAP)
 * @param host the Host the request was sent to (the UAP hostname for {@link Service#UAP})
 * @param method the HTTP method
 * @param path the path relative to the service endpoint, percent-decoded (e.g. {@code /servers/ID/tags/exoPw:a b})
 * @param query the raw query string, or {@code null}
 * @param status the HTTP status answered, or 0 when the connection was closed instead
 * @param fault the fault that hit this request, if any
 * @param requestBody the request body as text
 * @param responseBody the response body as text ({@code ""} when none was sent)
 */
public record JournalEntry(
        long sequence,
        Instant simulatedAt,
        Service service,
        String region,
        String host,
        String method,
        String path,
        String query,
        int status,
        Optional<Fault> fault,
        String requestBody,
        String responseBody) {

    private static final Pattern SECRET_PATH = Pattern.compile("(exoPw:|/api/tokens/)[^/]*");
    private static final Pattern SECRET_QUERY =
            Pattern.compile("((?:^|&)(?:token|password|secret)=)[^&]*", Pattern.CASE_INSENSITIVE);

    /**
     * {@code METHOD path[?query] -> status}, with secrets masked: the passphrase in an {@code exoPw:}
     * tag, Guacamole tokens in paths, and {@code token}/{@code password}/{@code secret} query values.
     */
    public String line() {
        String p = SECRET_PATH.matcher(path).replaceAll("$1<redacted>");
        String q = query == null ? null : SECRET_QUERY.matcher(query).replaceAll("$1<redacted>");
        return method + " " + p + (q == null ? "" : "?" + q) + " -> "
                + (status == 0 ? "(no response)" : String.valueOf(status));
    }

    @Override
    public String toString() {
        return "#" + sequence + " " + service + (region == null ? "" : "[" + region + "]") + " " + line()
                + fault.map(f -> " " + f).orElse("");
    }
}
