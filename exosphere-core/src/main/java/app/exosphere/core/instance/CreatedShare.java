package app.exosphere.core.instance;

import app.exosphere.core.share.AccessRule;
import app.exosphere.core.share.Share;
import java.util.List;
import java.util.Objects;

/**
 * A share created the web app's way: available, with its automatic {@code -rw} and {@code -ro} CephX
 * access rules.
 *
 * <pre>{@code
 * CreatedShare c = exosphere.shares().create("lab-data", null, 10).execute();
 * System.out.println(c.share().id() + " rules: " + c.accessRules().size());
 * }</pre>
 *
 * @param share the share, as Manila last returned it
 * @param accessRules its automatic access rules, read-write first
 */
public record CreatedShare(Share share, List<AccessRule> accessRules) {
    public CreatedShare {
        Objects.requireNonNull(share, "share");
        accessRules = List.copyOf(accessRules);
    }
}
