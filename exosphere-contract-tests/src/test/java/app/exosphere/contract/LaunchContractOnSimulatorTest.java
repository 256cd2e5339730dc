package app.exosphere.contract;

/** {@link LaunchContract} against the simulated cloud of {@code exosphere-testkit} (every build). */
class LaunchContractOnSimulatorTest extends LaunchContract {
    @Override
    ContractCloud openCloud() {
        return SimulatorCloud.start();
    }
}
