/**
 * Exosphere's decision rules as pure functions over values, without I/O: which floating IP to create,
 * the status the web app shows, which interactions are ready and why not, whether a launch fits the
 * quota, which network, flavor group or image an instance type resolves to, instance names, the default
 * SSH user, and the Nova metadata that marks a server as Exosphere-made. The {@code instance} package
 * applies them to the cloud.
 *
 * <pre>{@code
 * ServerName.numbered("web", 2, 3);            // "web 2 of 3"
 * DefaultSshUser.guess("ubuntu", "24.04");     // Optional[ubuntu]
 * }</pre>
 */
@Value.Style(jdkOnly = true, visibility = Value.Style.ImplementationVisibility.PACKAGE, overshadowImplementation = true)
package app.exosphere.core.rules;

import org.immutables.value.Value;
