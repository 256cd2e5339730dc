package app.exosphere.core.accounting;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One allocation of the project as Jetstream2's accounting service returns it (Exosphere's
 * {@code Rest.Jetstream2Accounting} decoder): service units allocated and used, its validity period, the
 * resource it is for and whether it is active.
 *
 * <pre>{@code
 * Allocation a = openStack.accounting().fetchAllocations().execute().get(0);
 * double remaining = a.serviceUnitsAllocated() - a.serviceUnitsUsed().orElse(0);
 * }</pre>
 *
 * @param description the allocation's title (e.g. the ACCESS project title)
 * @param abstractText the allocation's abstract ({@code abstract} in the API)
 * @param serviceUnitsAllocated SUs allocated
 * @param serviceUnitsUsed SUs used, when the service reports it ({@code null} in the API means unknown)
 * @param startDate start of validity
 * @param endDate end of validity
 * @param resource the API's {@code resource} string, e.g. {@code jetstream2.indiana.xsede.org}
 * @param active whether the allocation is active ({@code active: 1})
 */
public record Allocation(
        String description,
        String abstractText,
        double serviceUnitsAllocated,
        OptionalDouble serviceUnitsUsed,
        Instant startDate,
        Instant endDate,
        String resource,
        boolean active) {

    /** Checks that nothing is null. */
    public Allocation {
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(abstractText, "abstractText");
        Objects.requireNonNull(serviceUnitsUsed, "serviceUnitsUsed");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(endDate, "endDate");
        Objects.requireNonNull(resource, "resource");
    }

    /** The resource kind; empty when the service names one this SDK does not know. */
    public Optional<AllocationResource> resourceKind() {
        return AllocationResource.fromApiName(resource);
    }
}
