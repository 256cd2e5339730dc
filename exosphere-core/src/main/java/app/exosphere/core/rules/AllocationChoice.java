package app.exosphere.core.rules;

import app.exosphere.core.accounting.Allocation;
import app.exosphere.core.accounting.AllocationResource;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which Jetstream2 allocation the web app shows for each resource, and the values of its meter
 * (Exosphere's {@code Types.Jetstream2Accounting.shownAndSortedAllocations} and
 * {@code Page.Jetstream2Allocation}). Pure: the current time is a parameter (take it from the injected
 * {@code Clock}).
 *
 * <pre>{@code
 * List<app.exosphere.core.accounting.Allocation> all = openStack.accounting().fetchAllocations().execute();
 * for (var e : AllocationChoice.shown(all, clock.instant()).entrySet()) {
 *     AllocationChoice.Display d = AllocationChoice.display(e.getValue(), "instance");
 *     System.out.println(d.title() + ": " + d.subtitle());   // CPU instance: 12,345 SUs remaining
 * }
 * }</pre>
 */
public final class AllocationChoice {
    private static final List<AllocationResource> SHOWN =
            List.of(AllocationResource.CPU, AllocationResource.GPU, AllocationResource.LARGE_MEMORY);

    /** The web app's note under "Allocation Usage". */
    public static final String USAGE_NOTE =
            "Allocation usage is updated every 24 hours. Usage displayed here may be" + " up to a day old.";

    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ISO_LOCAL_DATE.withZone(java.time.ZoneOffset.UTC);

    private AllocationChoice() {}

    /**
     * The values of one allocation's meter.
     *
     * @param title {@code CPU instance}, {@code GPU instance}, {@code Lrg Mem instance} (or {@code Storage})
     * @param used SUs used, rounded (unknown counts as 0)
     * @param allocated SUs allocated, rounded
     * @param remaining {@code max(0, allocated − used)} of the rounded values
     * @param subtitle {@code "<remaining> SUs remaining"} with US thousands separators
     * @param start start of validity
     * @param end end of validity
     * @param originalAllocation {@code "Original Allocation: <allocated> SUs"}
     */
    public record Display(
            String title,
            long used,
            long allocated,
            long remaining,
            String subtitle,
            Instant start,
            Instant end,
            String originalAllocation) {}

    /**
     * The allocation shown per resource, in the order CPU, GPU, Large Memory (Storage is never shown):
     * the first active allocation whose validity strictly contains {@code now}; else the one with the latest
     * end date (among equal end dates, the one that comes last in the answer); resources without any
     * allocation are absent.
     */
    // Exosphere's `Types.Jetstream2Accounting.shownAndSortedAllocations`
    public static Map<AllocationResource, Allocation> shown(List<Allocation> allocations, Instant now) {
        Map<AllocationResource, Allocation> out = new LinkedHashMap<>();
        for (AllocationResource resource : SHOWN) {
            List<Allocation> mine = allocations.stream()
                    .filter(a -> a.resourceKind().equals(Optional.of(resource)))
                    .toList();
            Optional<Allocation> current = mine.stream()
                    .filter(a -> a.active() && a.startDate().isBefore(now) && now.isBefore(a.endDate()))
                    .findFirst();
            // upstream sorts ascending by end date (a stable sort) and reverses: the last of equal ends wins
            Optional<Allocation> latest =
                    mine.stream().reduce((best, next) -> next.endDate().compareTo(best.endDate()) >= 0 ? next : best);
            current.or(() -> latest).ifPresent(a -> out.put(resource, a));
        }
        return out;
    }

    /** The meter of one allocation; {@code instanceWord} is the cloud's word for an instance. */
    // Exosphere's `Page.Jetstream2Allocation` meter
    public static Display display(Allocation a, String instanceWord) {
        long used = Math.round(a.serviceUnitsUsed().orElse(0));
        long allocated = Math.round(a.serviceUnitsAllocated());
        long remaining = Math.max(0, allocated - used);
        String title = a.resourceKind()
                .map(r -> r == AllocationResource.STORAGE ? r.shortName() : r.shortName() + " " + instanceWord)
                .orElse(a.resource());
        return new Display(
                title,
                used,
                allocated,
                remaining,
                thousands(remaining) + " SUs remaining",
                a.startDate(),
                a.endDate(),
                "Original Allocation: " + thousands(allocated) + " SUs");
    }

    /**
     * How long an allocation lasts at a burn rate: the SDK's estimate (the web app shows the rate, not
     * this).
     *
     * @param resource the allocation's resource
     * @param suPerHour the burn rate drawn from it
     * @param remaining the SUs remaining (as displayed)
     * @param runsOutAt when the remaining SUs are used up at this rate; empty when the rate is 0
     * @param warning why the allocation needs attention (no SUs left, ended, or running out before its end)
     */
    public record Forecast(
            AllocationResource resource,
            double suPerHour,
            long remaining,
            Optional<Instant> runsOutAt,
            Optional<String> warning) {}

    /**
     * The forecast of one shown allocation at {@code suPerHour} from {@code now}: it runs out after
     * {@code remaining / suPerHour} hours; a warning when it has no SUs left, when it is inactive or
     * outside its validity, or when it runs out before its end date.
     */
    public static Forecast forecast(Allocation a, double suPerHour, Instant now) {
        Display d = display(a, "instance");
        AllocationResource resource = a.resourceKind().orElse(AllocationResource.CPU);
        String name = a.resourceKind().map(AllocationResource::shortName).orElse(a.resource());
        Optional<Instant> runsOut = suPerHour > 0
                ? Optional.of(now.plusSeconds(Math.round(d.remaining() / suPerHour * 3600)))
                : Optional.empty();
        String warning = null;
        if (!a.active() || !now.isBefore(a.endDate())) {
            warning = "The " + name + " allocation is not active (its end date is " + DAY.format(a.endDate())
                    + "); instances drawing from it cannot run";
        } else if (d.remaining() == 0) {
            warning = "The " + name + " allocation has no SUs remaining";
        } else if (runsOut.isPresent() && runsOut.get().isBefore(a.endDate())) {
            warning = "At " + String.format(Locale.US, "%,.2f", suPerHour) + " SUs/hour the " + name
                    + " allocation runs out around " + DAY.format(runsOut.get()) + ", before it ends on "
                    + DAY.format(a.endDate());
        }
        return new Forecast(resource, suPerHour, d.remaining(), runsOut, Optional.ofNullable(warning));
    }

    static String thousands(long n) {
        return String.format(Locale.US, "%,d", n);
    }

    /** Orders allocations by end date, latest first (for listing every allocation, not only the shown ones). */
    public static List<Allocation> byEndDateDescending(List<Allocation> allocations) {
        return allocations.stream()
                .sorted(Comparator.comparing(Allocation::endDate).reversed())
                .toList();
    }
}
