package app.exosphere.core.accounting;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Jetstream2 resource an allocation is for, as the accounting service names it (Exosphere's
 * {@code Types.Jetstream2Accounting.resourceFromStr}), in the order the web app shows them.
 *
 * <pre>{@code
 * AllocationResource.fromApiName("jetstream2-gpu.indiana.xsede.org");   // Optional[GPU]
 * }</pre>
 */
public enum AllocationResource {
    /** CPU instances ({@code m3} flavors). */
    CPU("jetstream2.indiana.xsede.org", "CPU"),
    /** GPU instances ({@code g3}/{@code g4}/{@code g5} flavors). */
    GPU("jetstream2-gpu.indiana.xsede.org", "GPU"),
    /** Large-memory instances ({@code r3} flavors). */
    LARGE_MEMORY("jetstream2-lm.indiana.xsede.org", "Lrg Mem"),
    /** Storage (never shown by the web app). */
    STORAGE("jetstream2-storage.indiana.xsede.org", "Storage");

    private final String apiName;
    private final String shortName;

    AllocationResource(String apiName, String shortName) {
        this.apiName = apiName;
        this.shortName = shortName;
    }

    /** The {@code resource} string of the accounting API. */
    public String apiName() {
        return apiName;
    }

    /** The web app's short label ({@code CPU}, {@code GPU}, {@code Lrg Mem}, {@code Storage}). */
    public String shortName() {
        return shortName;
    }

    /** The resource of an API {@code resource} string; empty for one this SDK does not know. */
    public static Optional<AllocationResource> fromApiName(String apiName) {
        return Arrays.stream(values()).filter(r -> r.apiName.equals(apiName)).findFirst();
    }
}
