package app.exosphere.contract;

/** {@link IdentityContract} against the simulated cloud of {@code exosphere-testkit} (every build). */
class IdentityContractOnSimulatorTest extends IdentityContract {
    @Override
    ContractCloud openCloud() {
        return SimulatorCloud.start();
    }
}
