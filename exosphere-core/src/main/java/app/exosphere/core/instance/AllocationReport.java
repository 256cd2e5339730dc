package app.exosphere.core.instance;

import app.exosphere.core.accounting.Allocation;
import app.exosphere.core.accounting.AllocationResource;
import app.exosphere.core.rules.AllocationChoice;
import app.exosphere.core.rules.BurnRate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What Exosphere's project overview shows about a Jetstream2 allocation, plus how long it will last: the
 * allocations, the one shown per resource with its meter, the project's burn rate and a forecast per
 * shown allocation. From {@code exosphere.allocations().fetchReport()}.
 *
 * <pre>{@code
 * AllocationReport r = exosphere.allocations().fetchReport().execute();
 * r.shown().forEach((resource, meter) -> System.out.println(meter.title() + ": " + meter.subtitle()));
 * System.out.println(r.burnRate().display());
 * r.forecasts().forEach(f -> f.warning().ifPresent(log::warn));
 * }</pre>
 *
 * @param accountingAvailable whether the cloud's catalog has an {@code accounting} service (the web app
 *     shows the allocation section only then)
 * @param allocations every allocation, in the service's order (empty without the service)
 * @param shown the allocation meter per resource, CPU, GPU, Large Memory order
 * @param burnRate the project's burn rate over every server of every user
 * @param burnRateShownByWebApp whether the web app shows the burn rate (Keystone host
 *     {@code js2.jetstream-cloud.org})
 * @param forecasts per shown allocation, how long it lasts at the burn rate drawn from its resource
 * @param at when the report was computed (the injected clock)
 */
public record AllocationReport(
        boolean accountingAvailable,
        List<Allocation> allocations,
        Map<AllocationResource, AllocationChoice.Display> shown,
        BurnRate burnRate,
        boolean burnRateShownByWebApp,
        List<AllocationChoice.Forecast> forecasts,
        Instant at) {

    /** Copies the collections. */
    public AllocationReport {
        allocations = List.copyOf(allocations);
        shown = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(shown));
        forecasts = List.copyOf(forecasts);
    }

    /** The forecast of one resource's shown allocation. */
    public Optional<AllocationChoice.Forecast> forecast(AllocationResource resource) {
        return forecasts.stream().filter(f -> f.resource() == resource).findFirst();
    }
}
