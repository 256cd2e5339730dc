package app.exosphere.core.share;

import app.exosphere.core.http.Call;
import app.exosphere.core.http.Paginator;
import app.exosphere.core.http.ServiceCall;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.internal.calls.Decode;
import app.exosphere.core.internal.calls.Operation;
import app.exosphere.core.internal.json.ServiceJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Manila {@code /shares}, its actions, export locations and access rules, each at the microversion
 * Exosphere's {@code OpenStack.Shares} sends (2.16 for shares, 2.14 for export locations, 2.45 for
 * access rules), checked against the cloud's range before use.
 *
 * <pre>{@code
 * ShareApi shares = openStack.share().shares();
 * Share s = shares.create(ShareCreateRequest.builder().name("lab-data").sizeGb(10).build()).execute();
 * AccessRule rw = shares.grantAccess(s.id(), AccessRuleRequest.cephx("lab-data-rw", AccessLevel.RW)).execute();
 * List<ExportLocation> where = shares.exportLocations(s.id()).execute();
 * }</pre>
 */
public final class ShareApi {
    /** {@code user_id} is only returned from 2.16 (Exosphere's {@code OpenStack.Shares}). */
    static final String SHARES = "2.16";
    /** {@code preferred} in export locations. */
    static final String EXPORT_LOCATIONS = "2.14";
    /** The {@code share-access-rules} API. */
    static final String ACCESS_RULES = "2.45";

    private final ServiceClient manila;

    ShareApi(ServiceClient manila) {
        this.manila = manila;
    }

    /** {@code POST /shares} (2.16). Not retried by the transport: see {@code exosphere.shares().create} for exactly-once. */
    public Call<Share> create(ShareCreateRequest request) {
        ObjectNode body = request.toJson();
        return Operation.of(
                () -> manila.post("shares").microversion(SHARES).body(body), Decode.member("share", Share.class));
    }

    /** {@code GET /shares/{id}} (2.16). */
    public Call<Share> get(String shareId) {
        Objects.requireNonNull(shareId, "shareId");
        return Operation.of(
                () -> manila.get("shares/{id}", shareId).microversion(SHARES), Decode.member("share", Share.class));
    }

    /** {@code GET /shares/detail} (2.16), lazily across pages. */
    public Paginator<Share> list() {
        return list(Map.of(), null);
    }

    /**
     * {@code GET /shares/detail?key=value…} (e.g. {@code name=lab-data}, {@code status=available}), pages
     * of {@code pageSize} (null: server default).
     */
    public Paginator<Share> list(Map<String, String> filters, Integer pageSize) {
        ServiceCall c = manila.get("shares/detail").microversion(SHARES).query(filters);
        return pageSize == null ? c.paginate("shares", Share.class) : c.paginate("shares", Share.class, pageSize);
    }

    /** {@code DELETE /shares/{id}} (base version, as the web app). Manila drops the share's access rules with it. */
    public Call<Void> delete(String shareId) {
        Objects.requireNonNull(shareId, "shareId");
        return Operation.noResult(() -> manila.delete("shares/{id}", shareId));
    }

    /** {@code POST /shares/{id}/action} {@code {"extend":{"new_size": n}}} (GB). */
    public Call<Void> extend(String shareId, int newSizeGb) {
        return resize(shareId, "extend", newSizeGb);
    }

    /** {@code POST /shares/{id}/action} {@code {"shrink":{"new_size": n}}} (GB); the driver may refuse. */
    public Call<Void> shrink(String shareId, int newSizeGb) {
        return resize(shareId, "shrink", newSizeGb);
    }

    private Call<Void> resize(String shareId, String action, int newSizeGb) {
        Objects.requireNonNull(shareId, "shareId");
        if (newSizeGb < 1) {
            throw new app.exosphere.core.error.InvalidShareRequestException(
                    "A share's new size must be at least 1 GB, got " + newSizeGb + ".");
        }
        ObjectNode body = ServiceJson.object();
        body.putObject(action).put("new_size", newSizeGb);
        return Operation.noResult(() ->
                manila.post("shares/{id}/action", shareId).microversion(SHARES).body(body));
    }

    /** {@code GET /shares/{id}/export_locations} (2.14), in Manila's order. */
    public Call<List<ExportLocation>> exportLocations(String shareId) {
        Objects.requireNonNull(shareId, "shareId");
        return Operation.of(
                () -> manila.get("shares/{id}/export_locations", shareId).microversion(EXPORT_LOCATIONS),
                Decode.list("export_locations", ExportLocation.class));
    }

    /** {@code GET /share-access-rules?share_id=…} (2.45). */
    public Call<List<AccessRule>> accessRules(String shareId) {
        Objects.requireNonNull(shareId, "shareId");
        return Operation.of(
                () -> manila.get("share-access-rules")
                        .microversion(ACCESS_RULES)
                        .query("share_id", shareId),
                Decode.list("access_list", AccessRule.class));
    }

    /** {@code GET /share-access-rules/{id}} (2.45): one rule, with its key once applied. */
    public Call<AccessRule> accessRule(String accessId) {
        Objects.requireNonNull(accessId, "accessId");
        return Operation.of(
                () -> manila.get("share-access-rules/{id}", accessId).microversion(ACCESS_RULES),
                Decode.member("access", AccessRule.class));
    }

    /**
     * {@code POST /shares/{id}/action} {@code {"allow_access":{…}}} (2.45; Exosphere's
     * {@code OpenStack.Shares.requestCreateAccessRule}). Not retried: see {@code exosphere.shares()}.
     */
    public Call<AccessRule> grantAccess(String shareId, AccessRuleRequest request) {
        Objects.requireNonNull(shareId, "shareId");
        ObjectNode body = ServiceJson.object();
        body.putObject("allow_access")
                .put("access_level", request.level().apiValue())
                .put("access_type", request.accessType())
                .put("access_to", request.accessTo());
        return Operation.of(
                () -> manila.post("shares/{id}/action", shareId)
                        .microversion(ACCESS_RULES)
                        .body(body),
                Decode.member("access", AccessRule.class));
    }

    /** {@code POST /shares/{id}/action} {@code {"deny_access":{"access_id": …}}} (2.45): revokes one rule. */
    public Call<Void> revokeAccess(String shareId, String accessId) {
        Objects.requireNonNull(shareId, "shareId");
        Objects.requireNonNull(accessId, "accessId");
        ObjectNode body = ServiceJson.object();
        body.putObject("deny_access").put("access_id", accessId);
        return Operation.noResult(() -> manila.post("shares/{id}/action", shareId)
                .microversion(ACCESS_RULES)
                .body(body));
    }
}
