package app.exosphere.core.instance;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.network.SecurityGroup;
import app.exosphere.core.network.SecurityGroupApi;
import app.exosphere.core.network.SecurityGroupRule;
import app.exosphere.core.rules.Connectivity;
import app.exosphere.core.rules.SecurityGroupRules;
import app.exosphere.core.rules.SecurityGroupTags;
import app.exosphere.core.rules.SecurityGroupTemplates;
import app.exosphere.testkit.CloudSimulator;
import app.exosphere.testkit.Scenario;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The launch's security-group step the web app's way: the template group is created, tagged with its
 * creator, and reconciled by the rule-list diff ({@code SecurityGroupRule.compareSecurityGroupRuleLists}).
 */
class SecurityGroupReconcileTest {
    private final CloudSimulator cloud = CloudSimulator.start(Scenario.jetstream2());

    @AfterEach
    void close() {
        cloud.close();
    }

    private static SecurityGroup exosphereGroup(Exosphere exo) {
        return exo.openStack()
                .network()
                .securityGroups()
                .list(Map.of("name", "exosphere"))
                .all()
                .execute()
                .get(0);
    }

    private static List<SecurityGroupRule> templateRules(String groupId) {
        return SecurityGroupTemplates.exosphereDefault().rules().stream()
                .map(t -> SecurityGroupRules.fromTemplate(t, groupId))
                .toList();
    }

    @Test
    void theGroupALaunchCreatesHasTheTemplatesRulesAndItsCreatorTag() {
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            exo.launch(SimulatedGateway.small("i18d-sg").build()).execute();

            SecurityGroup g = exosphereGroup(exo);
            assertThat(SecurityGroupRules.diff(g.rules(), templateRules(g.id())).isEmpty())
                    .isTrue();
            assertThat(g.rules()).hasSize(8);
            assertThat(SecurityGroupTags.creator(g)).hasValue(cloud.scenario().username());
            assertThat(SecurityGroupTags.isPreset(g)).isFalse();
            assertThat(Connectivity.warning(g.rules(), true, true)).isEmpty();
        }
    }

    @Test
    void aRuleWhoseDescriptionWasChangedIsReplacedByTheNextLaunch() {
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            exo.launch(SimulatedGateway.small("i18d-sg-1").build()).execute();
            SecurityGroupApi groups = exo.openStack().network().securityGroups();
            SecurityGroup g = exosphereGroup(exo);
            SecurityGroupRule ssh = g.rules().stream()
                    .filter(r -> r.description().orElse("").equals("SSH"))
                    .findFirst()
                    .orElseThrow();
            groups.deleteRule(ssh.id()).execute();
            groups.createRule(SecurityGroupTemplates.toCreateRequest(
                            SecurityGroupTemplates.asTemplate(
                                    ssh.toBuilder().description("ssh").build()),
                            g.id()))
                    .execute();
            assertThat(SecurityGroupRules.diff(exosphereGroup(exo).rules(), templateRules(g.id()))
                            .extra())
                    .singleElement()
                    .satisfies(r -> assertThat(r.description()).hasValue("ssh"));

            exo.launch(SimulatedGateway.small("i18d-sg-2").build()).execute();

            SecurityGroup after = exosphereGroup(exo);
            assertThat(SecurityGroupRules.diff(after.rules(), templateRules(g.id()))
                            .isEmpty())
                    .isTrue();
            assertThat(after.rules()).hasSize(8);
        }
    }

    @Test
    void tagsAreAddedAndRemovedOneByOne() {
        try (Exosphere exo = SimulatedGateway.connect(cloud)) {
            SecurityGroupApi groups = exo.openStack().network().securityGroups();
            SecurityGroup web = groups.create("i18d-web", "web servers").execute();

            groups.addTag(web.id(), SecurityGroupTags.PRESET).execute();
            groups.addTag(web.id(), SecurityGroupTags.PRESET).execute();
            assertThat(SecurityGroupTags.isPreset(groups.get(web.id()).execute()))
                    .isTrue();
            assertThat(groups.get(web.id()).execute().tags()).containsExactly("exo:preset");

            groups.removeTag(web.id(), SecurityGroupTags.PRESET).execute();
            assertThat(groups.get(web.id()).execute().tags()).isEmpty();

            SecurityGroup renamed = groups.update(web.id(), "i18d-web2", null).execute();
            assertThat(renamed.name()).isEqualTo("i18d-web2");
            assertThat(renamed.description()).isEmpty();
        }
    }
}
