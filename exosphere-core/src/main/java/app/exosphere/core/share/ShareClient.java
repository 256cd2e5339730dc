package app.exosphere.core.share;

import app.exosphere.core.http.Call;
import app.exosphere.core.http.Paginator;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.http.ServiceType;
import app.exosphere.core.internal.calls.Decode;
import app.exosphere.core.internal.calls.Operation;
import java.util.Objects;

/**
 * Typed Manila (Shared File Systems v2) client. Immutable and thread-safe; obtain it from
 * {@code openStack.share()}. The microversion travels in {@code X-OpenStack-Manila-API-Version}; each
 * call sends the version Exosphere's {@code OpenStack.Shares} uses for it and fails with {@link
 * app.exosphere.core.error.MicroversionNotSupportedException} when the cloud's range lacks it.
 *
 * <table>
 *   <caption>Where each API path lives</caption>
 *   <tr><td>{@code /shares...}, {@code /share-access-rules}</td><td>{@link #shares()}</td></tr>
 *   <tr><td>{@code /types}</td><td>{@link #types()}</td></tr>
 *   <tr><td>{@code /limits} (2.42)</td><td>{@link #limits()}</td></tr>
 * </table>
 *
 * <pre>{@code
 * ShareClient manila = openStack.share();
 * for (Share s : manila.shares().list().all().execute()) { System.out.println(s.name() + " " + s.status()); }
 * ShareLimits limits = manila.limits().execute();
 * }</pre>
 */
public final class ShareClient {
    /** The project limits microversion (Exosphere's {@code OpenStack.Quotas.requestShareQuota}). */
    static final String LIMITS = "2.42";

    private final ServiceClient manila;

    private ShareClient(ServiceClient manila) {
        this.manila = manila;
    }

    /** A client on an authenticated shared-file-system transport ({@code openStack.service(ServiceType.SHARE)}). */
    public static ShareClient on(ServiceClient manila) {
        Objects.requireNonNull(manila, "manila");
        if (!manila.type().equals(ServiceType.SHARE)) {
            throw new IllegalArgumentException("ShareClient needs a sharev2 transport, got " + manila.type());
        }
        return new ShareClient(manila);
    }

    /** The underlying transport, for calls this client does not cover. */
    public ServiceClient transport() {
        return manila;
    }

    /** {@code /shares}, its actions, export locations and access rules. */
    public ShareApi shares() {
        return new ShareApi(manila);
    }

    /** {@code GET /types} (base version, as the web app), lazily. */
    public Paginator<ShareType> types() {
        return manila.get("types").paginate("share_types", ShareType.class);
    }

    /**
     * {@code GET /limits} (2.42), relative to the catalog endpoint: correct for both
     * {@code …/v2/{project_id}} and {@code …/v2} endpoints (the web app adds the project id itself,
     * which doubles it on the first form).
     */
    public Call<ShareLimits> limits() {
        return Operation.of(
                () -> manila.get("limits").microversion(LIMITS), Decode.member("limits", ShareLimits.class));
    }

    @Override
    public String toString() {
        return "ShareClient{" + manila.type() + "}";
    }
}
