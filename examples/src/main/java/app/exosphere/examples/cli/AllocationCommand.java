package app.exosphere.examples.cli;

import app.exosphere.core.accounting.AllocationResource;
import app.exosphere.core.instance.AllocationReport;
import app.exosphere.core.rules.AllocationChoice;
import app.exosphere.examples.CloudSession;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code exosphere allocation}: the project's Jetstream2 allocation usage as Exosphere's project overview
 * shows it (Exosphere's {@code Page.Jetstream2Allocation}), the burn rate ({@code Helpers.Jetstream2}) and
 * how long each allocation lasts at that rate.
 *
 * <pre>{@code
 * exosphere allocation --cloud js2
 * exosphere allocation --simulated --json
 * }</pre>
 */
@Command(
        name = "allocation",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        description = {
            "Show the project's Jetstream2 allocation usage, burn rate and forecasts.",
            "Per resource: SUs used and remaining; the burn rate of its servers in SUs/hour; when each",
            "allocation runs out at that rate.",
            "",
            "Examples:",
            "  exosphere allocation --cloud js2",
            "  exosphere allocation --simulated --json"
        })
final class AllocationCommand extends CliCommand {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    @Mixin
    CloudOptions cloud;

    @Mixin
    OutputOptions output;

    @Override
    protected int run() {
        output.format(this);
        try (CloudSession session = cloud.open(cli())) {
            AllocationReport r = session.exosphere().allocations().fetchReport().execute();
            if (!output.text(this)) {
                output.printRecord(this, "allocation", json(r));
                return 0;
            }
            if (!r.accountingAvailable()) {
                out().println(session.description() + " has no accounting service: no allocation to show.");
            } else if (r.shown().isEmpty()) {
                out().println("Allocation Usage: no allocation for CPU, GPU or Large Memory.");
            } else {
                out().println("Allocation Usage");
                for (Map.Entry<AllocationResource, AllocationChoice.Display> e :
                        r.shown().entrySet()) {
                    AllocationChoice.Display d = e.getValue();
                    out().println(String.format(
                            Locale.US,
                            "  %-17s %,d of %,d SUs  %s  (%s to %s)",
                            d.title(),
                            d.used(),
                            d.allocated(),
                            d.subtitle(),
                            DATE.format(d.start()),
                            DATE.format(d.end())));
                }
                out().println("  " + AllocationChoice.USAGE_NOTE);
            }
            out().println(r.burnRate().display());
            for (String caveat : r.burnRate().caveats()) {
                out().println("  * " + caveat);
            }
            for (AllocationChoice.Forecast f : r.forecasts()) {
                String when = f.runsOutAt()
                        .map(t -> "runs out around " + DATE.format(t))
                        .orElse("not being used");
                out().println(String.format(
                        Locale.US, "%s: %,.2f SUs/hour, %s", f.resource().shortName(), f.suPerHour(), when));
                f.warning().ifPresent(w -> out().println("  warning: " + w));
            }
            return 0;
        }
    }

    private static Map<String, Object> json(AllocationReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("accountingAvailable", r.accountingAvailable());
        List<Map<String, Object>> shown = new ArrayList<>();
        r.shown().forEach((resource, d) -> {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("resource", resource.name());
            a.put("title", d.title());
            a.put("used", d.used());
            a.put("allocated", d.allocated());
            a.put("remaining", d.remaining());
            a.put("start", d.start().toString());
            a.put("end", d.end().toString());
            r.forecast(resource).ifPresent(f -> {
                a.put("suPerHour", f.suPerHour());
                a.put("runsOutAt", f.runsOutAt().map(Object::toString).orElse(null));
                a.put("warning", f.warning().orElse(null));
            });
            shown.add(a);
        });
        m.put("allocations", shown);
        m.put("burnRate", r.burnRate().suPerHour());
        m.put("burnRateCaveats", r.burnRate().caveats());
        m.put("burnRateShownByWebApp", r.burnRateShownByWebApp());
        return m;
    }
}
