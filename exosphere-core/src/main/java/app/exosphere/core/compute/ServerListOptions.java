package app.exosphere.core.compute;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Filters of {@code GET /servers/detail}.
 *
 * <pre>{@code
 * ServerListOptions o = ServerListOptions.builder().name("^exo-").status("ACTIVE").build();
 * compute.servers().list(o).forEach(s -> System.out.println(s.name()));
 * }</pre>
 */
@Value.Immutable
public abstract class ServerListOptions {
    /** {@code name}: a regular expression matched against server names. */
    public abstract Optional<String> name();

    /** {@code status}, e.g. {@code ACTIVE}. */
    public abstract Optional<String> status();

    /** {@code tags}: servers carrying all of these (2.26+). */
    @Value.Redacted // may filter on an exoPw:<passphrase> tag
    public abstract List<String> tags();

    /** {@code tags-any}: servers carrying any of these (2.26+). */
    @Value.Redacted // may filter on an exoPw:<passphrase> tag
    public abstract List<String> tagsAny();

    /** {@code not-tags} (2.26+). */
    @Value.Redacted // may filter on an exoPw:<passphrase> tag
    public abstract List<String> notTags();

    /** {@code changes-since}: servers changed since then, including deleted ones. */
    public abstract Optional<Instant> changesSince();

    /** {@code image}: an image id. */
    public abstract Optional<String> image();

    /** {@code flavor}: a flavor id. */
    public abstract Optional<String> flavor();

    /** {@code ip}: a regular expression on IPv4 addresses. */
    public abstract Optional<String> ip();

    /** Page size ({@code limit}); the paginator follows {@code servers_links} either way. */
    public abstract Optional<Integer> pageSize();

    /** No filters. */
    public static ServerListOptions none() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Whether a tag filter is used (needs 2.26, which the server reads pin anyway). */
    boolean usesTags() {
        return !tags().isEmpty() || !tagsAny().isEmpty() || !notTags().isEmpty();
    }

    Map<String, String> query() {
        Map<String, String> q = new LinkedHashMap<>();
        name().ifPresent(v -> q.put("name", v));
        status().ifPresent(v -> q.put("status", v));
        if (!tags().isEmpty()) {
            q.put("tags", String.join(",", tags()));
        }
        if (!tagsAny().isEmpty()) {
            q.put("tags-any", String.join(",", tagsAny()));
        }
        if (!notTags().isEmpty()) {
            q.put("not-tags", String.join(",", notTags()));
        }
        changesSince().ifPresent(v -> q.put("changes-since", v.toString()));
        image().ifPresent(v -> q.put("image", v));
        flavor().ifPresent(v -> q.put("flavor", v));
        ip().ifPresent(v -> q.put("ip", v));
        return q;
    }

    /** A builder initialised from this value, for a modified copy. */
    public Builder toBuilder() {
        return builder().from(this);
    }

    /** Builds a {@link ServerListOptions}; start one with {@link ServerListOptions#builder()} or {@link ServerListOptions#toBuilder()}. */
    public static final class Builder extends ImmutableServerListOptions.Builder {
        Builder() {}
    }
}
