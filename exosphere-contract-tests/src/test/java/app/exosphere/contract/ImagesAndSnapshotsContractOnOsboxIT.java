package app.exosphere.contract;

/** {@link ImagesAndSnapshotsContract} against the real loopback OpenStack (profile {@code osbox}). */
class ImagesAndSnapshotsContractOnOsboxIT extends ImagesAndSnapshotsContract {
    @Override
    ContractCloud openCloud() {
        return OsboxCloud.connect();
    }
}
