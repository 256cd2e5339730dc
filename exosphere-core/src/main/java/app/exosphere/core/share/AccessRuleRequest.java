package app.exosphere.core.share;

import app.exosphere.core.error.InvalidShareRequestException;
import java.util.Locale;
import java.util.Objects;

/**
 * What {@code allow_access} asks for: an access type ({@code cephx}, {@code ip}, …), who gets access and
 * at which level.
 *
 * <pre>{@code
 * AccessRuleRequest rw = AccessRuleRequest.cephx("my-data-rw", AccessLevel.RW);
 * }</pre>
 *
 * @param accessType Manila's access type, lower case ({@code cephx})
 * @param accessTo the CephX user id, IP range, … the rule grants access to
 * @param level read-write or read-only
 */
public record AccessRuleRequest(String accessType, String accessTo, AccessLevel level) {
    public AccessRuleRequest {
        Objects.requireNonNull(accessType, "accessType");
        Objects.requireNonNull(accessTo, "accessTo");
        Objects.requireNonNull(level, "level");
        accessType = accessType.trim().toLowerCase(Locale.ROOT);
        if (accessType.isEmpty() || accessTo.isBlank()) {
            throw new InvalidShareRequestException(
                    "An access rule needs an access type (e.g. cephx) and a non-blank access_to value.");
        }
    }

    /**
     * A CephX rule (Exosphere's {@code OpenStack.Shares.requestCreateAccessRule} with type CephX). Ceph
     * client ids are global to the Ceph cluster: letters, digits, {@code .}, {@code -} and {@code _} only.
     *
     * @throws InvalidShareRequestException when {@code cephxId} has other characters (e.g. a space), which
     *     Manila or the Ceph driver would refuse later
     */
    public static AccessRuleRequest cephx(String cephxId, AccessLevel level) {
        Objects.requireNonNull(cephxId, "cephxId");
        if (!cephxId.matches("[A-Za-z0-9._-]+")) {
            throw new InvalidShareRequestException("The CephX id \"" + cephxId
                    + "\" has characters Ceph does not accept: use letters, digits, '.', '-' and '_' only.");
        }
        return new AccessRuleRequest("cephx", cephxId, level);
    }
}
