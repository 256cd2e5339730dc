package app.exosphere.core.network;

import app.exosphere.core.http.Call;
import app.exosphere.core.http.Paginator;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.internal.calls.Decode;
import app.exosphere.core.internal.calls.Operation;
import app.exosphere.core.internal.json.ServiceJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Neutron {@code /v2.0/security-groups} and {@code /v2.0/security-group-rules} (Exosphere's {@code Rest.Neutron} security-group requests).
 *
 * <pre>{@code
 * SecurityGroup g = network.securityGroups().create("exosphere", "Firewall Ruleset for instances launched via Exosphere").execute();
 * network.securityGroups().createRule(SecurityGroupRuleCreateRequest.builder().securityGroupId(g.id())
 *         .ethertype("IPv4").direction("ingress").protocol("tcp").portRangeMin(22).portRangeMax(22).build()).execute();
 * }</pre>
 */
public final class SecurityGroupApi {
    private final ServiceClient neutron;

    SecurityGroupApi(ServiceClient neutron) {
        this.neutron = neutron;
    }

    /** {@code GET /v2.0/security-groups}, with rules, lazily. */
    public Paginator<SecurityGroup> list() {
        return list(Map.of());
    }

    /** {@code GET /v2.0/security-groups?key=value…}. */
    public Paginator<SecurityGroup> list(Map<String, String> filters) {
        return NetworkClient.page(neutron.get("security-groups"), "security_groups", SecurityGroup.class, filters);
    }

    /** {@code GET /v2.0/security-groups/{id}}. */
    public Call<SecurityGroup> get(String id) {
        return Operation.of(
                () -> neutron.get("security-groups/{id}", id), Decode.member("security_group", SecurityGroup.class));
    }

    /** {@code POST /v2.0/security-groups} {@code {"security_group":{"name":…,"description":…}}}. */
    public Call<SecurityGroup> create(String name, String description) {
        ObjectNode body = ServiceJson.object();
        body.putObject("security_group").put("name", name).put("description", description == null ? "" : description);
        return Operation.of(
                () -> neutron.post("security-groups").body(body), Decode.member("security_group", SecurityGroup.class));
    }

    /**
     * {@code PUT /v2.0/security-groups/{id}} {@code {"security_group":{"name":…,"description":…}}}
     * (Exosphere's {@code Rest.Neutron.requestUpdateSecurityGroup}).
     */
    public Call<SecurityGroup> update(String id, String name, String description) {
        ObjectNode body = ServiceJson.object();
        body.putObject("security_group").put("name", name).put("description", description == null ? "" : description);
        return Operation.of(
                () -> neutron.put("security-groups/{id}", id).body(body),
                Decode.member("security_group", SecurityGroup.class));
    }

    /**
     * {@code PUT /v2.0/security-groups/{id}/tags/{tag}}: adds one Neutron tag (idempotent). Exosphere's
     * {@code Rest.Neutron} sends {@code POST …/tags} with a list, which only newer Neutron accepts; adding
     * tags one by one has the same effect on every Neutron that has the {@code standard-attr-tag}
     * extension.
     */
    public Call<Void> addTag(String id, String tag) {
        return Operation.noResult(() -> neutron.put("security-groups/{id}/tags/{tag}", id, tag));
    }

    /** {@code DELETE /v2.0/security-groups/{id}/tags/{tag}}: removes one tag (404 when it is not there). */
    public Call<Void> removeTag(String id, String tag) {
        return Operation.noResult(() -> neutron.delete("security-groups/{id}/tags/{tag}", id, tag));
    }

    /** {@code DELETE /v2.0/security-groups/{id}}. */
    public Call<Void> delete(String id) {
        return Operation.noResult(() -> neutron.delete("security-groups/{id}", id));
    }

    /** {@code GET /v2.0/security-group-rules?key=value…} (e.g. {@code security_group_id}), lazily. */
    public Paginator<SecurityGroupRule> listRules(Map<String, String> filters) {
        return NetworkClient.page(
                neutron.get("security-group-rules"), "security_group_rules", SecurityGroupRule.class, filters);
    }

    /** {@code POST /v2.0/security-group-rules}. */
    public Call<SecurityGroupRule> createRule(SecurityGroupRuleCreateRequest request) {
        ObjectNode body = request.toJson();
        return Operation.of(
                () -> neutron.post("security-group-rules").body(body),
                Decode.member("security_group_rule", SecurityGroupRule.class));
    }

    /** {@code DELETE /v2.0/security-group-rules/{id}}. */
    public Call<Void> deleteRule(String ruleId) {
        return Operation.noResult(() -> neutron.delete("security-group-rules/{id}", ruleId));
    }
}
