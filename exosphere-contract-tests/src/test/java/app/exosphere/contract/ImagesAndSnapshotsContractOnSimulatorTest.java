package app.exosphere.contract;

/** {@link ImagesAndSnapshotsContract} against the simulated cloud of {@code exosphere-testkit} (every build). */
class ImagesAndSnapshotsContractOnSimulatorTest extends ImagesAndSnapshotsContract {
    @Override
    ContractCloud openCloud() {
        return SimulatorCloud.start();
    }
}
