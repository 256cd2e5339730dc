package app.exosphere.contract;

/** {@link DesignateApiContract} against the real loopback OpenStack (profile {@code osbox}). */
class DesignateApiContractOnOsboxIT extends DesignateApiContract {
    @Override
    ContractCloud openCloud() {
        return OsboxCloud.connect();
    }
}
