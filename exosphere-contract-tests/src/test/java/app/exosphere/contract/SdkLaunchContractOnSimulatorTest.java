package app.exosphere.contract;

/** {@link SdkLaunchContract} against the simulated cloud of {@code exosphere-testkit} (every build). */
class SdkLaunchContractOnSimulatorTest extends SdkLaunchContract {
    @Override
    ContractCloud openCloud() {
        return SimulatorCloud.start();
    }
}
