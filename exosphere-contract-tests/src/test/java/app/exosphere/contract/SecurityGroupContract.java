package app.exosphere.contract;

import static org.assertj.core.api.Assertions.assertThat;

import app.exosphere.core.OpenStack;
import app.exosphere.core.auth.Credentials;
import app.exosphere.core.auth.DomainRef;
import app.exosphere.core.auth.UserRef;
import app.exosphere.core.network.SecurityGroup;
import app.exosphere.core.network.SecurityGroupApi;
import app.exosphere.core.network.SecurityGroupRule;
import app.exosphere.core.rules.Connectivity;
import app.exosphere.core.rules.SecurityGroupRules;
import app.exosphere.core.rules.SecurityGroupTags;
import app.exosphere.core.rules.SecurityGroupTemplates;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Exosphere's security-group handling against a real Neutron: a group is created, tagged with
 * {@code exo:preset} and {@code exo:creatorUsername::}, reconciled to Exosphere's template by the
 * rule-list diff (Neutron's undescribed default egress rules replaced), checked for connectivity, and
 * untagged and deleted.
 */
abstract class SecurityGroupContract extends CloudContract {

    @Test
    void aGroupIsTaggedReconciledToTheTemplateByTheDiffAndPassesTheConnectivityChecks() {
        Rest.Login m = cloud.member();
        try (OpenStack os = OpenStack.builder()
                .authUrl(cloud.authUrl())
                .credentials(Credentials.password(UserRef.name(m.user(), DomainRef.name(m.domain())), m.password()))
                .project(m.project(), DomainRef.name(m.domain()))
                .region(cloud.region())
                .build()) {
            SecurityGroupApi groups = os.network().securityGroups();
            SecurityGroup g = groups.create(prefix + "-sg", "").execute();
            try {
                groups.addTag(g.id(), SecurityGroupTags.PRESET).execute();
                groups.addTag(g.id(), SecurityGroupTags.creatorTag(m.user())).execute();
                SecurityGroup tagged = groups.get(g.id()).execute();
                assertThat(SecurityGroupTags.isPreset(tagged)).isTrue();
                assertThat(SecurityGroupTags.creator(tagged)).hasValue(m.user());

                SecurityGroupTemplates.Plan plan =
                        SecurityGroupTemplates.reconcile(SecurityGroupTemplates.exosphereDefault(), tagged.rules());
                plan.toDelete().forEach(id -> groups.deleteRule(id).execute());
                plan.toCreate()
                        .forEach(r -> groups.createRule(SecurityGroupTemplates.toCreateRequest(r, g.id()))
                                .execute());

                List<SecurityGroupRule> rules = groups.get(g.id()).execute().rules();
                List<SecurityGroupRule> wanted = SecurityGroupTemplates.exosphereDefault().rules().stream()
                        .map(t -> SecurityGroupRules.fromTemplate(t, g.id()))
                        .toList();
                assertThat(SecurityGroupRules.diff(rules, wanted).isEmpty()).isTrue();
                assertThat(Connectivity.blockedConnections(rules, true, true)).isEmpty();

                groups.removeTag(g.id(), SecurityGroupTags.PRESET).execute();
                assertThat(groups.get(g.id()).execute().tags()).doesNotContain(SecurityGroupTags.PRESET);
            } finally {
                groups.delete(g.id()).execute();
            }
        }
    }
}
