package app.exosphere.testkit.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Jetstream2's allocation accounting service: {@code GET <accounting URL>/} answers the project's
 * allocations as a bare JSON array (Exosphere's {@code Rest.Jetstream2Accounting}). The allocations live
 * in {@link World#allocations} and can be replaced by tests.
 */
public final class Accounting {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(ZoneOffset.UTC);

    private final World w;
    private final Keystone keystone;

    public Accounting(World w, Keystone keystone) {
        this.w = w;
        this.keystone = keystone;
    }

    public Reply handle(Exchange ex) {
        keystone.requireToken(ex);
        boolean root = ex.size() == 0 || (ex.size() == 1 && ex.seg(0).isEmpty());
        if (!root) {
            throw new ApiException(404, "The resource could not be found.");
        }
        if (!ex.method().equals("GET")) {
            throw new ApiException(405, "The method is not allowed for the requested URL.");
        }
        ArrayNode out = Json.array();
        synchronized (w.allocations) {
            w.allocations.forEach(out::add);
        }
        return Reply.ok(out);
    }

    /**
     * A Jetstream2-like set: a current CPU allocation partly used, a current GPU allocation not yet used
     * ({@code service_units_used: null}), an expired Large Memory allocation, a storage allocation, and an
     * older expired CPU allocation.
     */
    static List<ObjectNode> seed(Instant now) {
        Instant start = now.minus(Duration.ofDays(120));
        Instant end = now.plus(Duration.ofDays(245));
        List<ObjectNode> out = new ArrayList<>();
        out.add(allocation(
                "Exploring cloud-native genomics pipelines",
                "jetstream2.indiana.xsede.org",
                200_000,
                81_234.56,
                start,
                end,
                1));
        out.add(allocation(
                "Exploring cloud-native genomics pipelines",
                "jetstream2-gpu.indiana.xsede.org",
                50_000,
                null,
                start,
                end,
                1));
        out.add(allocation(
                "Exploring cloud-native genomics pipelines",
                "jetstream2-lm.indiana.xsede.org",
                10_000,
                10_500.0,
                now.minus(Duration.ofDays(500)),
                now.minus(Duration.ofDays(135)),
                0));
        out.add(allocation(
                "Exploring cloud-native genomics pipelines",
                "jetstream2-storage.indiana.xsede.org",
                1_000,
                120.0,
                start,
                end,
                1));
        out.add(allocation(
                "Exploring cloud-native genomics pipelines (2024)",
                "jetstream2.indiana.xsede.org",
                100_000,
                99_999.4,
                now.minus(Duration.ofDays(485)),
                start,
                0));
        return out;
    }

    static ObjectNode allocation(
            String description,
            String resource,
            double allocated,
            Double used,
            Instant start,
            Instant end,
            int active) {
        ObjectNode a = Json.object();
        a.put("description", description);
        a.put("abstract", "Simulated allocation for " + description + ".");
        a.put("service_units_allocated", allocated);
        if (used == null) {
            a.putNull("service_units_used");
        } else {
            a.put("service_units_used", used);
        }
        a.put("start_date", ISO.format(start));
        a.put("end_date", ISO.format(end));
        a.put("resource", resource);
        a.put("active", active);
        return a;
    }
}
