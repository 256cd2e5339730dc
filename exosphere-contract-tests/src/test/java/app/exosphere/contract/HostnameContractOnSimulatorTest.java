package app.exosphere.contract;

/** {@link HostnameContract} against the simulated cloud of {@code exosphere-testkit} (every build). */
class HostnameContractOnSimulatorTest extends HostnameContract {
    @Override
    ContractCloud openCloud() {
        return SimulatorCloud.start();
    }
}
