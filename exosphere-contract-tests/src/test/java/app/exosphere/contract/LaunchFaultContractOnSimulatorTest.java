package app.exosphere.contract;

/** {@link LaunchFaultContract} against the simulated cloud of {@code exosphere-testkit} (every build). */
class LaunchFaultContractOnSimulatorTest extends LaunchFaultContract {
    @Override
    ContractCloud openCloud() {
        return SimulatorCloud.start();
    }
}
