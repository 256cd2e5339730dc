/**
 * The SDK entry point: {@link app.exosphere.core.OpenStack}, an authenticated, immutable, thread-safe
 * connection to one OpenStack cloud with cheap per-project and per-region views.
 *
 * <pre>{@code
 * OpenStack os = OpenStack.fromCloudsYaml("js2");
 * JsonNode servers = os.service(ServiceType.COMPUTE).get("servers/detail").json().execute();
 * }</pre>
 */
package app.exosphere.core;
