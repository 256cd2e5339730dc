package app.exosphere.contract;

/** {@link VersionsContract} against the real loopback OpenStack (profile {@code osbox}). */
class VersionsContractOnOsboxIT extends VersionsContract {
    @Override
    ContractCloud openCloud() {
        return OsboxCloud.connect();
    }
}
