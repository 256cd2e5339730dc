package app.exosphere.core.instance;

import app.exosphere.core.accounting.Allocation;
import app.exosphere.core.accounting.AllocationResource;
import app.exosphere.core.compute.Flavor;
import app.exosphere.core.compute.Server;
import app.exosphere.core.error.EndpointNotFoundException;
import app.exosphere.core.http.Call;
import app.exosphere.core.rules.AllocationChoice;
import app.exosphere.core.rules.BurnRate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jetstream2 allocation operations the web app's way (Exosphere's {@code Page.Jetstream2Allocation} and
 * {@code Helpers.Jetstream2}): the allocation balance from the catalog's {@code accounting} service and
 * the burn rate of the project's servers. Obtain it from {@code exosphere.allocations()}.
 *
 * <pre>{@code
 * AllocationReport report = exosphere.allocations().fetchReport().execute();
 * }</pre>
 */
public final class Allocations {
    private static final Logger LOG = LoggerFactory.getLogger(Allocations.class);

    private final EngineContext ctx;

    Allocations(EngineContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Fetches the allocations (when the catalog has the accounting service), every server of the project
     * (all users, every status) and the flavor list, and applies the rules of {@link AllocationChoice} and
     * {@link BurnRate} at the injected clock's time. A cloud without the accounting service gives a report
     * with {@code accountingAvailable() == false} and a DEBUG line, as the web app then hides the section.
     */
    public Call<AllocationReport> fetchReport() {
        return ctx.operation(this::report);
    }

    private AllocationReport report() {
        Instant now = ctx.clock.instant();
        boolean available = true;
        List<Allocation> allocations;
        try {
            allocations = ctx.os.accounting().fetchAllocations().execute();
        } catch (EndpointNotFoundException e) {
            LOG.debug("no accounting service in the catalog: {}", e.getMessage());
            available = false;
            allocations = List.of();
        }
        // Nova lists every user's servers of the project, in every status
        List<Server> servers = ctx.os.compute().servers().list().all().execute();
        List<Flavor> flavors = ctx.os.compute().flavors().listDetail().all().execute();
        String word = "instance"; // Exosphere's default localization of virtualComputer
        Map<AllocationResource, Allocation> shownAllocations = AllocationChoice.shown(allocations, now);
        Map<AllocationResource, AllocationChoice.Display> shown = new LinkedHashMap<>();
        List<AllocationChoice.Forecast> forecasts = new ArrayList<>();
        shownAllocations.forEach((resource, a) -> {
            shown.put(resource, AllocationChoice.display(a, word));
            double rate = BurnRate.estimate(servers, flavors, resource).suPerHour();
            AllocationChoice.Forecast f = AllocationChoice.forecast(a, rate, now);
            f.warning().ifPresent(w -> LOG.warn("allocation: {}", w));
            forecasts.add(f);
        });
        BurnRate total = BurnRate.estimate(servers, flavors, "flavor", word);
        return new AllocationReport(
                available, allocations, shown, total, BurnRate.isJetstream2(ctx.os.authUrl()), forecasts, now);
    }
}
