package app.exosphere.core.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.compute.InstanceAction;
import app.exosphere.core.error.InvalidLaunchRequestException;
import app.exosphere.core.rules.RecentServerEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaunchIdAndRecentEventTest {

    @Test
    void launchIdTagFitsNovasTagLimitAndIsUnique() {
        LaunchId a = LaunchId.random();
        assertThat(a.tag())
                .startsWith("exoLaunch:")
                .hasSizeLessThanOrEqualTo(60)
                .doesNotContain("/", ",");
        assertThat(a).isNotEqualTo(LaunchId.random());
        assertThat(LaunchId.of(a.value())).isEqualTo(a);
        assertThat(a.forInstance(2, 3).value()).isEqualTo(a.value() + "-2");
        assertThat(a.forInstance(1, 1)).isEqualTo(a);
    }

    @Test
    void callerChosenLaunchIdMustBeTagSafe() {
        assertThatThrownBy(() -> LaunchId.of("a/b,c-long")).isInstanceOf(InvalidLaunchRequestException.class);
        assertThatThrownBy(() -> LaunchId.of("short")).isInstanceOf(InvalidLaunchRequestException.class);
        assertThat(LaunchId.of("gateway-req-0001").tag()).isEqualTo("exoLaunch:gateway-req-0001");
    }

    private static final Instant NOW = Instant.parse("2024-01-01T12:00:00Z");

    private static InstanceAction action(String name, Instant start) {
        return app.exosphere.core.compute.InstanceAction.builder()
                .action(name)
                .requestId("req-" + name)
                .startTime(start.toString())
                .build();
    }

    @Test
    void recentEventUsesNewestRelevantActionIgnoringLockUnlockImage() {
        Instant created = NOW.minus(Duration.ofDays(3));
        assertThat(RecentServerEvent.isRecent(
                        List.of(action("create", created), action("reboot", NOW.minus(Duration.ofMinutes(39)))),
                        created,
                        NOW))
                .isTrue();
        assertThat(RecentServerEvent.isRecent(
                        List.of(
                                action("reboot", NOW.minus(Duration.ofMinutes(41))),
                                action("lock", NOW.minusSeconds(5))),
                        created,
                        NOW))
                .isFalse();
    }

    @Test
    void withoutEventsTheCreationTimeDecidesStrictly() {
        assertThat(RecentServerEvent.isRecent(List.of(), NOW.minus(Duration.ofMinutes(39)), NOW))
                .isTrue();
        assertThat(RecentServerEvent.isRecent(List.of(), NOW.minus(Duration.ofMinutes(40)), NOW))
                .isFalse();
        assertThat(RecentServerEvent.isRecent(List.of(action("image", NOW)), NOW.minus(Duration.ofHours(1)), NOW))
                .isFalse();
    }
}
