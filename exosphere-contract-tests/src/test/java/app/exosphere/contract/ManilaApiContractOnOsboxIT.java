package app.exosphere.contract;

/** {@link ManilaApiContract} against the real loopback OpenStack (profile {@code osbox}). */
class ManilaApiContractOnOsboxIT extends ManilaApiContract {
    @Override
    ContractCloud openCloud() {
        return OsboxCloud.connect();
    }
}
