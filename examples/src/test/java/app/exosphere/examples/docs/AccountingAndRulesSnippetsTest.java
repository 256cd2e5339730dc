package app.exosphere.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.accounting.AllocationResource;
import app.exosphere.core.image.Image;
import app.exosphere.core.instance.AllocationReport;
import app.exosphere.core.instance.LaunchRequest;
import app.exosphere.core.network.SecurityGroup;
import app.exosphere.examples.SimulatedSession;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The snippets of {@code docs/accounting-and-rules.md}, run against the simulated cloud, do what the guide says. */
class AccountingAndRulesSnippetsTest {
    @RegisterExtension
    static final SimulatedSession simulated = new SimulatedSession();

    @Test
    void theImageSnippetDetectsUbuntuItsUserAndRefusesAPrivateKey() {
        Image ubuntu = simulated.session().openStack().image().list().all().execute().stream()
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
        simulated
                .session()
                .exosphere()
                .launch(LaunchRequest.builder().name("i18d-doc").build())
                .execute();
        SecurityGroup exo = simulated
                .session()
                .openStack()
                .network()
                .securityGroups()
                .list(Map.of("name", "exosphere"))
                .all()
                .execute()
                .get(0);
        AccountingAndRulesSnippets guide = new AccountingAndRulesSnippets();

        guide.securityGroup(simulated.session().openStack(), exo.id());

        // Exosphere's own template: "Expose all incoming ports" (IPv4 TCP) covers its "SSH" rule
        assertThat(guide.shown)
                .containsExactly(
                        "redundant: SSH",
                        "created by "
                                + simulated
                                        .session()
                                        .simulator()
                                        .orElseThrow()
                                        .scenario()
                                        .username());
    }

    @Test
    void theAccountingSnippetsShowTheMetersBurnRateAndForecasts() {
        AccountingAndRulesSnippets guide = new AccountingAndRulesSnippets();

        AllocationReport report = guide.report(simulated.session().exosphere());
        var shown =
                guide.pure(simulated.session().openStack(), simulated.session().clock());

        assertThat(report.shown().keySet())
                .containsExactly(AllocationResource.CPU, AllocationResource.GPU, AllocationResource.LARGE_MEMORY);
        assertThat(shown).containsOnlyKeys(report.shown().keySet());
        assertThat(guide.shown)
                .contains("CPU instance: 81235 of 200000 SUs, 118,765 SUs remaining")
                .anyMatch(l -> l.startsWith("Burn rate "))
                .anyMatch(l -> l.startsWith("The Lrg Mem allocation is not active"));
    }
}
