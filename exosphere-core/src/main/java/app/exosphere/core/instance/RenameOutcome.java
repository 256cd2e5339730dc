package app.exosphere.core.instance;

import java.util.List;
import java.util.Optional;

/**
 * What {@link Instance#rename(String)} did beyond the new name (the web app's rename, {@code
 * Rest.Nova.requestSetServerName}, {@code requestSetServerHostName}, and its DNS records recreated): the
 * hostname Nova was given, the DNS hostnames of the old name deleted and those of the new name created,
 * and — never silently — every part not done, each also a WARN log line.
 *
 * <pre>{@code
 * RenameOutcome o = instance.rename("analysis-2").execute();
 * o.createdHostnames().forEach(name -> log.info("hostname {}", name)); // analysis-2.bio101.projects.jetstream-cloud.org
 * o.skipped().forEach(why -> log.warn("rename: {}", why));
 * }</pre>
 *
 * @param serverId the renamed server
 * @param newName its new name (always set when the call succeeds)
 * @param novaHostname the hostname set in Nova with compute 2.90; empty when the cloud (or the client's
 *     {@code maxMicroversion}) stops below 2.90 — a cloud capability, logged at DEBUG — or when it is in
 *     {@link #skipped()}
 * @param deletedHostnames the {@code A} record sets {@code <old hostname>.<zone>} holding the server's
 *     floating IPs that were deleted (names without the trailing {@code .})
 * @param createdHostnames the record sets {@code <new hostname>.<zone>} created (or found already there)
 * @param skipped why a part was not done: a new name without a usable hostname, no DNS zone, a failed
 *     request; empty when everything asked for is there
 */
public record RenameOutcome(
        String serverId,
        String newName,
        Optional<String> novaHostname,
        List<String> deletedHostnames,
        List<String> createdHostnames,
        List<String> skipped) {
    /** Copies the lists. */
    public RenameOutcome {
        deletedHostnames = List.copyOf(deletedHostnames);
        createdHostnames = List.copyOf(createdHostnames);
        skipped = List.copyOf(skipped);
    }

    /** Whether nothing was skipped. */
    public boolean complete() {
        return skipped.isEmpty();
    }
}
