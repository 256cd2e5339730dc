package app.exosphere.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.accounting.AllocationResource;
import app.exosphere.core.image.Image;
import app.exosphere.core.instance.AllocationReport;
import app.exosphere.core.instance.LaunchRequest;
import app.exosphere.core.network.SecurityGroup;
import app.exosphere.examples.CloudSession;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The snippets of {@code docs/accounting-and-rules.md}, run against the simulated cloud, do what the guide says. */
class AccountingAndRulesSnippetsTest {
    static CloudSession session;

    @BeforeAll
    static void start() {
        session = CloudSession.simulated();
    }

    @AfterAll
    static void stop() {
        session.close();
    }

    @Test
    void theImageSnippetDetectsUbuntuItsUserAndRefusesAPrivateKey() {
        Image ubuntu = session.openStack().image().list().all().execute().stream()
                .filter(i -> i.name().equals("Featured-Ubuntu24"))
                .findFirst()
                .orElseThrow();
        AccountingAndRulesSnippets guide = new AccountingAndRulesSnippets();

        assertThat(guide.imageAndKey(ubuntu, "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5 me@laptop"))
                .isNotNull();
        assertThat(guide.imageAndKey(ubuntu, "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjE=\n"))
                .isNull();
        assertThat(guide.shown)
                .contains(
                        "Exosphere supports launching Ubuntu 24.04 instances",
                        "ssh ubuntu@<floating IP>",
                        "Private key detected! Enter a public key instead. Public keys are usually found in a .pub"
                                + " file");
    }

    @Test
    void theSecurityGroupSnippetFindsNothingWrongWithExospheresGroup() {
        session.exosphere()
                .launch(LaunchRequest.builder().name("i18d-doc").build())
                .execute();
        SecurityGroup exo = session.openStack()
                .network()
                .securityGroups()
                .list(Map.of("name", "exosphere"))
                .all()
                .execute()
                .get(0);
        AccountingAndRulesSnippets guide = new AccountingAndRulesSnippets();

        guide.securityGroup(session.openStack(), exo.id());

        // Exosphere's own template: "Expose all incoming ports" (IPv4 TCP) covers its "SSH" rule
        assertThat(guide.shown)
                .containsExactly(
                        "redundant: SSH",
                        "created by "
                                + session.simulator().orElseThrow().scenario().username());
    }

    @Test
    void theAccountingSnippetsShowTheMetersBurnRateAndForecasts() {
        AccountingAndRulesSnippets guide = new AccountingAndRulesSnippets();

        AllocationReport report = guide.report(session.exosphere());
        var shown = guide.pure(session.openStack(), session.clock());

        assertThat(report.shown().keySet())
                .containsExactly(AllocationResource.CPU, AllocationResource.GPU, AllocationResource.LARGE_MEMORY);
        assertThat(shown).containsOnlyKeys(report.shown().keySet());
        assertThat(guide.shown)
                .contains("CPU instance: 81235 of 200000 SUs, 118,765 SUs remaining")
                .anyMatch(l -> l.startsWith("Burn rate "))
                .anyMatch(l -> l.startsWith("The Lrg Mem allocation is not active"));
    }
}
