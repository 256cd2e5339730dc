package app.exosphere.core.instance;

import app.exosphere.core.error.OpenStackClientException;

/**
 * Creating a server failed ambiguously (connection reset, timeout, 5xx, a lost, truncated or empty
 * answer) and looking the launch up afterwards did not settle whether the server exists within the
 * reconcile window ({@link ExosphereSettings#reconcileWindow()}). A server may exist. Call
 * {@code launch} again with the same {@link #launchId()}: the SDK looks that id up before creating
 * anything, so the retry finds the server instead of creating a second one.
 *
 * <pre>{@code
 * LaunchRequest request = LaunchRequest.builder().name("demo").image(ImageChoice.name("Featured-Ubuntu24")).build();
 * try {
 *     exo.launch(request).execute();
 * } catch (LaunchOutcomeUnknownException e) {
 *     exo.launch(request.toBuilder().launchId(e.launchId()).build()).execute();   // reconciles, never duplicates
 * }
 * }</pre>
 */
public class LaunchOutcomeUnknownException extends OpenStackClientException {
    private static final long serialVersionUID = 1L;

    private final transient LaunchId launchId;
    private final String serverName;

    /** @param launchId the launch id of the request (not of one instance of a multi-instance launch) */
    public LaunchOutcomeUnknownException(LaunchId launchId, String serverName, Throwable cause) {
        super(
                "Creating server \"" + serverName + "\" (launch id " + launchId
                        + ") failed ambiguously and the look-up that would tell whether it exists failed too ("
                        + (cause == null ? "no detail" : cause.getClass().getSimpleName() + ": " + cause.getMessage())
                        + "); the server may exist: launch again with this launch id to reconcile without a duplicate",
                cause);
        this.launchId = launchId;
        this.serverName = serverName;
    }

    /** The launch id to launch again with. */
    public LaunchId launchId() {
        return launchId;
    }

    /** The name of the server whose creation is unknown. */
    public String serverName() {
        return serverName;
    }
}
