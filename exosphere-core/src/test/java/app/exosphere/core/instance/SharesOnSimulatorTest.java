package app.exosphere.core.instance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.exosphere.core.error.InsufficientQuotaException;
import app.exosphere.core.error.InvalidShareRequestException;
import app.exosphere.core.error.OpenStackClientException;
import app.exosphere.core.rules.ExosphereMetadata;
import app.exosphere.core.rules.ShareMount;
import app.exosphere.core.share.AccessLevel;
import app.exosphere.core.share.AccessRule;
import app.exosphere.core.share.AccessRuleState;
import app.exosphere.core.share.Share;
import app.exosphere.core.share.ShareCreateRequest;
import app.exosphere.testkit.CloudSimulator;
import app.exosphere.testkit.Fault;
import app.exosphere.testkit.Scenario;
import app.exosphere.testkit.Service;
import app.exosphere.testkit.SimulatedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Shares the web app's way on the simulated Manila: what was created is counted in the simulator's state,
 * under lost and late answers.
 */
class SharesOnSimulatorTest {
    private final CloudSimulator cloud = CloudSimulator.builder()
            .scenario(Scenario.jetstream2())
            .clock(SimulatedClock.accelerated(Instant.parse("2026-12-05T00:00:00Z"), 60))
            .seed(18)
            .start();

    @AfterEach
    void close() {
        cloud.close();
    }

    private long posts(String pathRegex) {
        return cloud.journal().count(Service.SHARE, "POST", pathRegex);
    }

    @Test
    void createsACephfsShareMarkedWithTheClientUuidAndItsTwoAutomaticRulesOnce() {
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            CreatedShare c = exo.shares().create(" i18-lab ", "course data", 10).execute();

            assertThat(c.share().name()).isEqualTo("i18-lab");
            assertThat(c.share().isCephFs()).isTrue();
            assertThat(c.share().shareTypeName()).contains("cephfsnativetype");
            assertThat(c.share().metadata())
                    .containsEntry(
                            ExosphereMetadata.CLIENT_UUID,
                            exo.instances().settings().clientUuid());
            assertThat(c.accessRules()).extracting(AccessRule::accessTo).containsExactly("i18-lab-rw", "i18-lab-ro");
            assertThat(c.accessRules()).allSatisfy(r -> {
                assertThat(r.state()).isEqualTo(AccessRuleState.ACTIVE);
                assertThat(r.accessKey()).isPresent();
            });
            assertThat(cloud.shareCount()).isEqualTo(1);
            assertThat(cloud.shareAccessRules("i18-lab")).containsExactly("i18-lab-rw", "i18-lab-ro");
            assertThat(posts("/shares$")).isEqualTo(1);
        }
    }

    @Test
    void aLostCreateAnswerIsResolvedByLookingTheShareUpNotByCreatingASecond() {
        cloud.faults()
                .add(Fault.on(Service.SHARE)
                        .method("POST")
                        .path("/shares$")
                        .dropResponseAfterProcessing()
                        .times(1)
                        .build());
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            CreatedShare c = exo.shares().create("i18-lost", null, 5).execute();

            assertThat(cloud.shareCount()).isEqualTo(1);
            assertThat(posts("/shares$")).isEqualTo(1);
            assertThat(cloud.shareAccessRules(c.share().id())).containsExactly("i18-lost-rw", "i18-lost-ro");
        }
    }

    @Test
    void lostAndLateAnswersToTheRuleCreatesNeverYieldADuplicateRule() {
        cloud.faults()
                .add(Fault.on(Service.SHARE)
                        .method("POST")
                        .path("/shares/[^/]+/action$")
                        .dropResponseAfterProcessing()
                        .times(1)
                        .build());
        cloud.faults()
                .add(Fault.on(Service.SHARE)
                        .method("POST")
                        .path("/shares/[^/]+/action$")
                        .landLate(Duration.ofSeconds(20))
                        .times(1)
                        .build());
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            CreatedShare c = exo.shares().create("i18-rules", null, 1).execute();
            cloud.advance(Duration.ofMinutes(1));

            assertThat(cloud.shareAccessRules(c.share().id())).containsExactly("i18-rules-rw", "i18-rules-ro");
            assertThat(c.accessRules())
                    .extracting(AccessRule::accessTo)
                    .containsExactly("i18-rules-rw", "i18-rules-ro");
        }
    }

    @Test
    void ensuringTheRulesAgainCreatesNothingMore() {
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            CreatedShare c = exo.shares().create("i18-again", null, 1).execute();
            List<AccessRule> again =
                    exo.shares().ensureAccessRules(c.share().id()).execute();

            assertThat(again)
                    .extracting(AccessRule::id)
                    .containsExactlyElementsOf(
                            c.accessRules().stream().map(AccessRule::id).toList());
            assertThat(cloud.shareAccessRules(c.share().id())).hasSize(2);
        }
    }

    @Test
    void aShareOfAnotherClientGetsNoAutomaticRulesAndTheCallerIsToldWhy() throws Exception {
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            Share foreign = exo.openStack()
                    .share()
                    .shares()
                    .create(ShareCreateRequest.builder()
                            .name("i18-foreign")
                            .sizeGb(1)
                            .putMetadata(ExosphereMetadata.CLIENT_UUID, "another-client")
                            .build())
                    .execute();
            cloud.advance(Duration.ofSeconds(10));

            assertThatThrownBy(
                            () -> exo.shares().ensureAccessRules(foreign.id()).execute())
                    .isInstanceOf(OpenStackClientException.class)
                    .hasMessageContaining("not created by this client");
            assertThat(cloud.shareAccessRules(foreign.id())).isEmpty();
        }
    }

    @Test
    void aShareBeyondTheGigabyteQuotaIsRefusedBeforeAnythingIsCreated() {
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            assertThatThrownBy(() -> exo.shares().create("i18-huge", null, 5000).execute())
                    .isInstanceOf(InsufficientQuotaException.class)
                    .hasMessageContaining("share gigabytes: need 5000");
            assertThat(cloud.shareCount()).isZero();
            assertThat(posts("/shares$")).isZero();
        }
    }

    @Test
    void aNameCephCannotUseForTheRulesIsRefusedWithWhatToUseInstead() {
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            assertThatThrownBy(
                            () -> exo.shares().create("My Shared Data", null, 1).execute())
                    .isInstanceOf(InvalidShareRequestException.class)
                    .hasMessageContaining("letters, digits");
            assertThat(cloud.shareCount()).isZero();
        }
    }

    @Test
    void resizesRevokesAndDeletesIdempotentlyEvenWhenTheDeleteAnswerIsLost() {
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            CreatedShare c = exo.shares().create("i18-ops", null, 2).execute();
            String id = c.share().id();

            Share bigger = exo.shares().resize(id, 4).execute();
            assertThat(bigger.sizeGb()).isEqualTo(4);

            exo.shares().revokeAccess(id, c.accessRules().get(1).id()).execute();
            exo.shares().revokeAccess(id, c.accessRules().get(1).id()).execute();
            cloud.advance(Duration.ofSeconds(5));
            assertThat(cloud.shareAccessRules(id)).containsExactly("i18-ops-rw");

            cloud.faults()
                    .add(Fault.on(Service.SHARE)
                            .method("DELETE")
                            .path("/shares/")
                            .dropResponseAfterProcessing()
                            .times(1)
                            .build());
            exo.shares().delete(id).execute();
            cloud.advance(Duration.ofSeconds(5));
            exo.shares().delete(id).execute();
            assertThat(cloud.shareCount()).isZero();
        }
    }

    @Test
    void mountGivesTheFirstExportLocationAndTheRuleOfTheAskedLevelWithItsKey() {
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            CreatedShare c = exo.shares().create("i18-mount", null, 1).execute();
            ShareMount ro = exo.shares().mount(c.share().id(), AccessLevel.RO).execute();

            assertThat(ro.cephxId()).isEqualTo("i18-mount-ro");
            assertThat(ro.hasAccessKey()).isTrue();
            assertThat(ro.mountPoint()).isEqualTo("/media/share/i18-mount");
            assertThat(ro.exportPath())
                    .contains(":/volumes/_nogroup/" + c.share().id());
            assertThat(ro.cloudConfig().toYaml()).contains("secretfile=/etc/ceph/exosphere-share-i18-mount.secret");
        }
    }
}
