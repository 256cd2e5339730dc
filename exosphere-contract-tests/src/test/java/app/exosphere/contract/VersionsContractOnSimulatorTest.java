package app.exosphere.contract;

/** {@link VersionsContract} against the simulated cloud of {@code exosphere-testkit} (every build). */
class VersionsContractOnSimulatorTest extends VersionsContract {
    @Override
    ContractCloud openCloud() {
        return SimulatorCloud.start();
    }
}
