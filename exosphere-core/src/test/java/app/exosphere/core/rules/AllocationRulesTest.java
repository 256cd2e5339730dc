package app.exosphere.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.accounting.Allocation;
import app.exosphere.core.accounting.AllocationResource;
import app.exosphere.core.compute.Flavor;
import app.exosphere.core.compute.Server;
import app.exosphere.core.compute.ServerFlavor;
import app.exosphere.core.compute.ServerStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Jetstream2 allocation rules: which allocation is shown per resource, its meter values
 * ({@code Types.Jetstream2Accounting}, {@code Page.Jetstream2Allocation}) and the burn rate
 * ({@code Helpers.Jetstream2}, upstream's {@code tests/Tests/Helpers/Jetstream2.elm}).
 */
class AllocationRulesTest {
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    static Allocation alloc(String resource, String start, String end, boolean active, double allocated, Double used) {
        return new Allocation(
                "d " + start + " " + end,
                "a",
                allocated,
                used == null ? OptionalDouble.empty() : OptionalDouble.of(used),
                Instant.parse(start + "T00:00:00Z"),
                Instant.parse(end + "T00:00:00Z"),
                resource,
                active);
    }

    static final String CPU = "jetstream2.indiana.xsede.org";
    static final String GPU = "jetstream2-gpu.indiana.xsede.org";
    static final String LM = "jetstream2-lm.indiana.xsede.org";
    static final String STORAGE = "jetstream2-storage.indiana.xsede.org";

    @Test
    void showsTheFirstActiveCurrentAllocationPerResourceInCpuGpuLargeMemoryOrderNeverStorage() {
        Allocation oldCpu = alloc(CPU, "2025-01-01", "2026-01-01", false, 10, 10.0);
        Allocation cpu = alloc(CPU, "2026-01-01", "2027-01-01", true, 100, 1.0);
        Allocation cpu2 = alloc(CPU, "2026-02-01", "2027-02-01", true, 100, 1.0);
        Allocation lm = alloc(LM, "2026-01-01", "2027-01-01", true, 5, null);
        Allocation storage = alloc(STORAGE, "2026-01-01", "2027-01-01", true, 5, null);

        var shown = AllocationChoice.shown(List.of(storage, lm, oldCpu, cpu, cpu2), NOW);

        assertThat(shown.keySet()).containsExactly(AllocationResource.CPU, AllocationResource.LARGE_MEMORY);
        assertThat(shown.get(AllocationResource.CPU)).isSameAs(cpu);
    }

    @Test
    void withoutACurrentActiveAllocationTheLatestEndingOneIsShownTheLastOfEqualEndsWinning() {
        Allocation inactiveCurrent = alloc(GPU, "2026-01-01", "2027-01-01", false, 1, null);
        Allocation expiredA = alloc(GPU, "2025-01-01", "2027-01-01", true, 2, null);
        Allocation future = alloc(GPU, "2026-07-01", "2026-12-01", true, 3, null);

        assertThat(AllocationChoice.shown(List.of(inactiveCurrent, expiredA, future), NOW)
                        .get(AllocationResource.GPU))
                .isSameAs(expiredA);
        assertThat(AllocationChoice.shown(List.of(expiredA, inactiveCurrent), NOW)
                        .get(AllocationResource.GPU))
                .as("expiredA is active and current, so it wins over the later tie")
                .isSameAs(expiredA);
        Allocation a = alloc(GPU, "2024-01-01", "2025-01-01", true, 4, null);
        Allocation b = alloc(GPU, "2024-06-01", "2025-01-01", false, 5, null);
        assertThat(AllocationChoice.shown(List.of(a, b), NOW).get(AllocationResource.GPU))
                .isSameAs(b);
        assertThat(AllocationChoice.shown(List.of(b, a), NOW).get(AllocationResource.GPU))
                .isSameAs(a);
    }

    @Test
    void theValidityIsStrictAtBothEnds() {
        Allocation startsNow = alloc(CPU, "2026-06-01", "2027-01-01", true, 1, null);
        Allocation endsLater = alloc(CPU, "2025-06-01", "2027-06-01", false, 2, null);
        assertThat(AllocationChoice.shown(List.of(startsNow, endsLater), NOW).get(AllocationResource.CPU))
                .isSameAs(endsLater);
    }

    @ParameterizedTest(name = "{0} of {1} → {4}")
    @CsvSource(
            nullValues = "null",
            value = {
                "81234.56, 200000, 81235, 200000, '118,765 SUs remaining'",
                "null, 50000, 0, 50000, '50,000 SUs remaining'",
                "10500.5, 10000, 10501, 10000, '0 SUs remaining'",
                "0.5, 0.4, 1, 0, '0 SUs remaining'"
            })
    void theMeterRoundsUsedAndAllocatedAndNeverShowsANegativeRemainder(
            Double used, double allocated, long shownUsed, long shownAllocated, String subtitle) {
        AllocationChoice.Display d =
                AllocationChoice.display(alloc(CPU, "2026-01-01", "2027-01-01", true, allocated, used), "instance");
        assertThat(d.used()).isEqualTo(shownUsed);
        assertThat(d.allocated()).isEqualTo(shownAllocated);
        assertThat(d.subtitle()).isEqualTo(subtitle);
        assertThat(d.title()).isEqualTo("CPU instance");
    }

    @Test
    void titlesFollowTheResource() {
        assertThat(AllocationChoice.display(alloc(LM, "2026-01-01", "2027-01-01", true, 1, null), "instance")
                        .title())
                .isEqualTo("Lrg Mem instance");
        assertThat(AllocationChoice.display(alloc(STORAGE, "2026-01-01", "2027-01-01", true, 1234567, null), "x"))
                .satisfies(d -> {
                    assertThat(d.title()).isEqualTo("Storage");
                    assertThat(d.originalAllocation()).isEqualTo("Original Allocation: 1,234,567 SUs");
                });
    }

    // ---- burn rate: tests/Tests/Helpers/Jetstream2.elm totalAllocationBurnRateSuite

    static Flavor flavor(String id, String name, int vcpus) {
        return Flavor.builder()
                .id(id)
                .name(name)
                .vcpus(vcpus)
                .ramMb(1024)
                .diskGb(20)
                .build();
    }

    static Server server(String name, String status, String flavorId) {
        return Server.builder()
                .id("id-" + name)
                .name(name)
                .status(ServerStatus.of(status))
                .flavor(ServerFlavor.builder().id(flavorId).build())
                .build();
    }

    static final List<Flavor> FLAVORS =
            List.of(flavor("known-1", "m3.small", 4), flavor("unsupported-1", "x3.large", 8));

    @Test
    void upstreamsVectorSumsKnownRatesAndListsEachCaveatOnce() {
        BurnRate rate = BurnRate.estimate(
                List.of(
                        server("active-server", "ACTIVE", "known-1"),
                        server("paused-server", "PAUSED", "known-1"),
                        server("unsupported-a", "ACTIVE", "unsupported-1"),
                        server("unsupported-b", "ACTIVE", "unsupported-1"),
                        server("missing-server", "ACTIVE", "missing-1")),
                FLAVORS,
                "flavor",
                "server");

        assertThat(rate.suPerHour()).isEqualTo(7.0);
        assertThat(rate.caveats())
                .containsExactly(
                        "Missing burn rate for flavor x3.large (unsupported-1)",
                        "Missing flavor missing-1 for server missing-server");
        assertThat(rate.display()).isEqualTo("Burn rate 7.00 SUs/hour*");
    }

    @Test
    void serversOnTheSameMissingFlavorEachGetTheirOwnCaveat() {
        BurnRate rate = BurnRate.estimate(
                List.of(server("one", "ACTIVE", "missing-1"), server("two", "SHUTOFF", "missing-1")),
                FLAVORS,
                "flavor",
                "server");
        assertThat(rate.caveats())
                .containsExactly("Missing flavor missing-1 for server one", "Missing flavor missing-1 for server two");
        assertThat(rate.suPerHour()).isZero();
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource({
        "m3.quad, ACTIVE, 4.0",
        "g3.large, ACTIVE, 16.0",
        "g4.large, PAUSED, 42.0",
        "g5.large, SUSPENDED, 38.4",
        "r3.large, SHUTOFF, 8.0",
        "m3.quad, STOPPED, 2.0",
        "m3.quad, SHELVED, 0.0",
        "m3.quad, SHELVED_OFFLOADED, 0.0",
        "m3.quad, ERROR, 0.0",
        "m3.quad, BUILD, 0.0",
        "m3.quad, SOFT_DELETED, 0.0",
        "m3.quad, DELETED, 0.0",
        "m3.quad, RESIZE, 4.0",
        "m3.quad, VERIFY_RESIZE, 4.0",
        "m3.quad, REBOOT, 4.0",
        "m3.quad, RESCUE, 4.0",
        "m3.quad, UNKNOWN, 4.0"
    })
    void theRateIsTheFlavorMultiplierTimesTheStatusFactorTimesTheVcpus(String flavorName, String status, double rate) {
        List<Flavor> flavors = List.of(flavor("f", flavorName, flavorName.startsWith("m3") ? 4 : 8));
        assertThat(BurnRate.estimate(List.of(server("s", status, "f")), flavors).suPerHour())
                .isCloseTo(rate, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void serversListedWithAnEmbeddedFlavorAreMatchedByItsName() {
        Server embedded = server("s", "ACTIVE", "x").toBuilder()
                .flavor(ServerFlavor.builder().originalName("m3.small").vcpus(4).build())
                .build();
        assertThat(BurnRate.estimate(List.of(embedded), FLAVORS).suPerHour()).isEqualTo(4.0);
    }

    @Test
    void theDisplayHasExactlyTwoDecimalsInTheLocaleAndOnlyJetstream2ShowsIt() {
        BurnRate rate = new BurnRate(1234.5, List.of());
        assertThat(rate.display()).isEqualTo("Burn rate 1,234.50 SUs/hour");
        assertThat(rate.display(Locale.GERMANY)).isEqualTo("Burn rate 1.234,50 SUs/hour");
        assertThat(BurnRate.isJetstream2("https://js2.jetstream-cloud.org:5000/identity/v3"))
                .isTrue();
        assertThat(BurnRate.isJetstream2("https://js2.jetstream-cloud.org.evil.example/v3"))
                .isFalse();
        assertThat(BurnRate.isJetstream2("https://keystone.example.org:5000/v3"))
                .isFalse();
        assertThat(BurnRate.isJetstream2("not a url")).isFalse();
    }
}
