package app.exosphere.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.testkit.internal.Ids;
import app.exosphere.testkit.internal.Passphrases;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class ValuesTest {

    @Test
    void passphraseWordListIsExospheresRfc1760Dictionary() throws Exception {
        // Exosphere's ansible/roles/passphrase/files/words: SHA-256 of the words joined with \n plus a final \n
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest((String.join("\n", Passphrases.WORDS) + "\n").getBytes(StandardCharsets.US_ASCII));
        assertThat(HexFormat.of().formatHex(digest))
                .isEqualTo("8305c66c4dee7f2d923b7ea1cab11b7b6fa832f6a99b8b3f74fdb7fb5c8fe980");
        assertThat(Passphrases.WORDS)
                .hasSize(2048)
                .startsWith("A", "ABE", "ACE")
                .endsWith("YELL", "YOGA", "YOKE");
    }

    @Test
    void passphraseHasElevenDistinctWordsAndAtMost54Characters() {
        String p = Passphrases.generate(new Ids(1));
        assertThat(p.split(" ")).hasSize(11).doesNotHaveDuplicates();
        assertThat(p.length()).isLessThanOrEqualTo(54);
        assertThat(Passphrases.WORDS).contains(p.split(" "));
    }

    @Test
    void manualClockMovesOnlyWhenAdvanced() {
        SimulatedClock clock = SimulatedClock.manual(Instant.EPOCH);
        assertThat(clock.now()).isEqualTo(Instant.EPOCH);
        clock.advance(Duration.ofMinutes(3));
        assertThat(clock.now()).isEqualTo(Instant.EPOCH.plusSeconds(180));
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.wallTimeFor(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void asClockFollowsTheSimulatedTime() {
        SimulatedClock clock = SimulatedClock.manual(Instant.EPOCH);
        java.time.Clock javaClock = clock.asClock();
        clock.advance(Duration.ofHours(1));
        assertThat(javaClock.instant()).isEqualTo(Instant.EPOCH.plusSeconds(3600));
        assertThat(javaClock.getZone()).isEqualTo(java.time.ZoneOffset.UTC);
    }

    @Test
    void acceleratedClockRunsFasterThanWallTime() throws InterruptedException {
        SimulatedClock clock = SimulatedClock.accelerated(Instant.EPOCH, 1000);
        Thread.sleep(20);
        assertThat(clock.now()).isAfterOrEqualTo(Instant.EPOCH.plusSeconds(20));
        assertThat(clock.wallTimeFor(Duration.ofSeconds(10))).isEqualTo(Duration.ofMillis(10));
        assertThatThrownBy(() -> SimulatedClock.accelerated(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scenarioRejectsBadValuesWithMessagesThatSayWhatToFix() {
        assertThatThrownBy(() -> Scenario.builder().build()).hasMessageContaining("at least one region");
        assertThatThrownBy(() -> new Scenario.Region("X", null, "10.0", true))
                .hasMessageContaining("three IPv4 octets");
        assertThatThrownBy(() ->
                        Scenario.jetstream2().toBuilder().addRegion(new Scenario.Region("IU", null, "10.0.0", true)))
                .hasMessageContaining("duplicate region id IU");
        assertThatThrownBy(() -> Scenario.jetstream2().toBuilder()
                        .buildTime(Duration.ZERO)
                        .build())
                .hasMessageContaining("buildTime must be positive");
    }

    @Test
    void presetsNameTheirScenarios() {
        assertThat(Scenario.Preset.NEAR_QUOTA.scenario().existingServers()).isEqualTo(2);
        assertThat(Scenario.Preset.NO_UAP.scenario().regions().get(0).uap()).isEmpty();
        assertThat(Scenario.Preset.NO_AUTO_ALLOCATION
                        .scenario()
                        .regions()
                        .get(0)
                        .autoAllocation())
                .isFalse();
        assertThat(Scenario.Preset.JETSTREAM2.scenario().regions())
                .extracting(Scenario.Region::id)
                .containsExactly("IU", "TACC");
    }

    @Test
    void faultNeedsAnEffectAndValidNumbers() {
        assertThatThrownBy(() -> Fault.on(Service.COMPUTE).build()).hasMessageContaining("choose an effect");
        assertThatThrownBy(() -> Fault.on(Service.COMPUTE).respondWith(200)).hasMessageContaining("4xx or 5xx");
        assertThatThrownBy(() -> Fault.on(Service.COMPUTE).probability(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Fault.on(Service.COMPUTE).times(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void faultSkipsThenHitsTheGivenNumberOfTimes() {
        Faults faults = new Faults();
        faults.add(Fault.on(Service.COMPUTE)
                .method("POST")
                .path("^/servers$")
                .respondWith(500)
                .skip(1)
                .times(1)
                .build());
        assertThat(faults.pick(Service.COMPUTE, "GET", "/servers")).isEmpty();
        assertThat(faults.pick(Service.NETWORK, "POST", "/servers")).isEmpty();
        assertThat(faults.pick(Service.COMPUTE, "POST", "/servers"))
                .as("skipped")
                .isEmpty();
        assertThat(faults.pick(Service.COMPUTE, "POST", "/servers")).isPresent();
        assertThat(faults.pick(Service.COMPUTE, "POST", "/servers"))
                .as("used up")
                .isEmpty();
        assertThat(faults.active()).isEmpty();
    }
}
