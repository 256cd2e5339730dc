package app.exosphere.testkit;

import app.exosphere.testkit.internal.World;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * A test's view of one project of a {@link CloudSimulator}: its identity and what it holds, to count
 * what a client created in this project and only in it. Every call reads the current state.
 *
 * <pre>{@code
 * SimulatedProject beta = cloud.project("beta");
 * assertThat(beta.servers()).isEmpty();   // what alpha's user launched is alpha's
 * }</pre>
 */
public final class SimulatedProject {
    private final CloudSimulator cloud;
    private final String id;

    SimulatedProject(CloudSimulator cloud, String id) {
        this.cloud = cloud;
        this.id = id;
    }

    /** The Keystone project id. */
    public String id() {
        return id;
    }

    /** The Keystone project name. */
    public String name() {
        return cloud.inspectProject(id, p -> p.scenario.projectName());
    }

    /** The name of the project's user. */
    public String username() {
        return cloud.inspectProject(id, p -> p.scenario.username());
    }

    /** The project's servers not yet deleted, in all regions. */
    public List<SimulatedServer> servers() {
        return cloud.inspectProject(id, cloud::serversOf);
    }

    /** The project's floating IPs in all regions, bound or not. */
    public int floatingIpCount() {
        return count(rs -> rs.floatingIps.size());
    }

    /** The project's Neutron ports in all regions. */
    public int portCount() {
        return count(rs -> rs.ports.size());
    }

    /** The project's Cinder volumes in all regions, whatever their status. */
    public int volumeCount() {
        return count(rs -> rs.volumes.size());
    }

    /** The project's Manila shares in all regions, whatever their status. */
    public int shareCount() {
        return count(rs -> rs.shares.size());
    }

    /** The project's Nova key pairs in all regions. */
    public int keypairCount() {
        return count(rs -> rs.keypairs.size());
    }

    private int count(ToIntFunction<World.RegionState> f) {
        return cloud.inspectProject(
                id, p -> p.regions.values().stream().mapToInt(f).sum());
    }

    @Override
    public String toString() {
        return "SimulatedProject[" + id + "]";
    }
}
