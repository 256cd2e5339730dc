package app.exosphere.examples;

import app.exosphere.cloudinit.UserDataOptions;
import app.exosphere.core.OpenStack;
import app.exosphere.core.auth.Identity;
import app.exosphere.core.auth.Secret;
import app.exosphere.core.auth.TokenInfo;
import app.exosphere.core.compute.ComputeClient;
import app.exosphere.core.compute.Server;
import app.exosphere.core.compute.ServerCreateRequest;
import app.exosphere.core.config.ExosphereConfig;
import app.exosphere.core.http.ServiceClient;
import app.exosphere.core.image.ImageClient;
import app.exosphere.core.instance.Exosphere;
import app.exosphere.core.instance.Instance;
import app.exosphere.core.network.NetworkClient;
import app.exosphere.core.placement.PlacementClient;
import app.exosphere.core.volume.VolumeClient;
import app.exosphere.testkit.CloudSimulator;
import java.time.Clock;
import org.slf4j.Logger;

/**
 * The "given" of every Javadoc example: the variables an example in the published modules may use without
 * declaring them. {@link JavadocExamplesTest} compiles each example as a method of a subclass, so an
 * example reads as the body of a gateway method that already holds these. Anything else an example needs
 * (a flavor id, a request, a listener …) it declares itself, so the reader sees where it comes from.
 *
 * <p>The values are never set: the examples are compiled, not run.
 */
@SuppressWarnings({"unused", "NullAway"})
public abstract class JavadocExampleContext {

    // ---- the entry points
    /** An authenticated client for one project, built as the README shows. */
    protected OpenStack openStack;
    /** Exosphere operations (launch, watch, interactions) on {@link #openStack}. */
    protected Exosphere exosphere;
    /** The same, in examples that are short on space. */
    protected Exosphere exo;

    // ---- one client per OpenStack service, from openStack.compute(), openStack.network() …
    protected ComputeClient compute;
    protected NetworkClient network;
    protected ImageClient image;
    protected VolumeClient volume;
    protected PlacementClient placement;
    protected Identity keystone;
    /** A low-level client of one service ({@code openStack.service(ServiceType.COMPUTE)}). */
    protected ServiceClient nova;

    // ---- what a gateway holds while it works
    /** A server read from Nova. */
    protected Server server;
    /** An instance of {@link #exosphere}. */
    protected Instance instance;
    /** The current token, with its catalog. */
    protected TokenInfo token;
    /** A deployment's {@code config.js}. */
    protected ExosphereConfig config;
    /** User-data options being prepared for a launch. */
    protected UserDataOptions options;
    /** A server create request being prepared. */
    protected ServerCreateRequest request;
    /** The simulated cloud of a testkit test. */
    protected CloudSimulator cloud;

    // ---- identifiers the caller already knows
    protected String serverId;
    protected String projectId;
    protected String imageId;
    protected String flavorId;
    protected String networkId;
    protected String netId;
    protected String subnetId;
    protected String routerId;
    protected String portId;
    protected String externalNetId;
    protected String volumeId;
    protected String shareId;
    /** Any resource id. */
    protected String id;
    /** The text of a server's console log. */
    protected String consoleText;
    /** An {@code exoSetup} metadata value, e.g. {@code {"status":"complete","epoch":1704067220000}}. */
    protected String setupJson;
    /** The instance's exouser passphrase. */
    protected Secret passphrase;
    /** A server's {@code user_data} as Nova returns it (base64). */
    protected String userData;
    /** An OpenStack request id (of an instance action, a response). */
    protected String requestId;
    /** The Exosphere client UUID the gateway generated once and stores. */
    protected String clientUuid;

    // ---- secrets the gateway holds (from its vault, never from code)
    /** An application credential's secret (its id is {@link #id}). */
    protected String secret;
    /** A user's password. */
    protected String password;
    /** A user's OpenID Connect access token. */
    protected String accessToken;

    // ---- the gateway's own
    protected Logger log;
    protected Clock clock;
}
