package app.exosphere.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.examples.SimulatedSession;
import app.exosphere.testkit.CloudSimulator;
import app.exosphere.testkit.Fault;
import app.exosphere.testkit.Service;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code exosphere volume list|create|rename|delete} against one simulated cloud, in order, counted in the
 * simulator's Cinder: create exactly once under a lost answer, list, rename, a delete refused while the
 * volume is attached, then deleted.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VolumeCommandsTest {
    @RegisterExtension
    static final SimulatedSession simulated = new SimulatedSession();

    private static CloudSimulator cloud() {
        return simulated.session().simulator().orElseThrow();
    }

    @Test
    @Order(1)
    void createMakesExactlyOneVolumeEvenWhenTheAnswerIsLost() {
        cloud().faults()
                .add(Fault.on(Service.VOLUME)
                        .method("POST")
                        .path("/volumes$")
                        .dropResponseAfterProcessing()
                        .times(1)
                        .build());

        CliRun create = CliRun.on(simulated.session(), "volume", "create", "--size", "10", "s21-data");

        assertThat(create.err()).isEmpty();
        assertThat(create.out()).matches("volume s21-data \\([0-9a-f-]{36}\\), 10 GB, available\n");
        assertThat(cloud().volumesNamed("s21-data")).hasSize(1);
    }

    @Test
    @Order(2)
    void createNeedsTheNameOnceAndASizeOfAtLeastOneGb() {
        CliRun both = CliRun.on(simulated.session(), "volume", "create", "--size", "10", "--name", "a", "b");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("give the volume name once");
        CliRun zero = CliRun.on(simulated.session(), "volume", "create", "--size", "0", "s21-zero");
        assertThat(zero.exitCode()).isEqualTo(2);
        assertThat(zero.err()).contains("--size must be at least 1 GB");
        assertThat(cloud().volumesNamed("s21-zero")).isEmpty();
    }

    @Test
    @Order(3)
    void listShowsTheVolumeAsTextAndJson() {
        CliRun list = CliRun.on(simulated.session(), "volume", "list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out())
                .startsWith(
                        "ID                                    NAME                         SIZE  STATUS      ATTACHED TO\n")
                .containsPattern("[0-9a-f-]{36}  s21-data                    10 GB  available   -\n");
        CliRun json = CliRun.on(simulated.session(), "--json", "volume", "list");
        assertThat(json.out())
                .contains("\"name\":\"s21-data\"")
                .contains("\"sizeGb\":10")
                .contains("\"attachedTo\":[]");
    }

    @Test
    @Order(4)
    void renameChangesTheNameInCinder() {
        CliRun rename = CliRun.on(simulated.session(), "volume", "rename", "s21-data", "s21-results");

        assertThat(rename.out()).matches("volume s21-data \\([0-9a-f-]{36}\\) renamed to s21-results\n");
        assertThat(cloud().volumesNamed("s21-results")).hasSize(1);
        assertThat(cloud().volumesNamed("s21-data")).isEmpty();
    }

    @Test
    @Order(5)
    void deleteIsRefusedWhileTheVolumeIsAttachedAndSaysWhy() {
        assertThat(CliRun.on(simulated.session(), "launch", "--name", "s21-vm", "--no-guacamole", "--wait")
                        .exitCode())
                .isZero();
        assertThat(CliRun.on(simulated.session(), "volume", "attach", "s21-vm", "s21-results")
                        .exitCode())
                .isZero();

        CliRun refused = CliRun.on(simulated.session(), "volume", "delete", "s21-results");

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.out()).isEmpty();
        assertThat(refused.err())
                .startsWith("delete: Volume \"s21-results\" (")
                .contains("is attached to instance")
                .contains("It cannot be deleted before the instance is deleted.");
        CliRun json = CliRun.on(simulated.session(), "--json", "volume", "delete", "s21-results");
        assertThat(json.exitCode()).isEqualTo(1);
        assertThat(json.err()).contains("\"kind\":\"volume-in-use\"");
        assertThat(cloud().volumesNamed("s21-results")).hasSize(1);
    }

    @Test
    @Order(6)
    void deleteRemovesADetachedVolumeAndAnUnknownOneIsNotFound() {
        assertThat(CliRun.on(simulated.session(), "volume", "detach", "s21-vm", "s21-results")
                        .exitCode())
                .isZero();
        cloud().advance(Duration.ofSeconds(30));

        CliRun delete = CliRun.on(simulated.session(), "volume", "delete", "s21-results");

        assertThat(delete.out()).matches("volume s21-results \\([0-9a-f-]{36}\\) deleted\n");
        cloud().advance(Duration.ofSeconds(30));
        assertThat(cloud().volumesNamed("s21-results")).isEmpty();
        CliRun missing = CliRun.on(simulated.session(), "volume", "delete", "s21-results");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("no volume named or with id 's21-results'");
    }
}
