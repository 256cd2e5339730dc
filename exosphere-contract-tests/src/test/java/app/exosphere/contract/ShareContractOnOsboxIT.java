package app.exosphere.contract;

/** {@link ShareContract} against OsboxCloud (Manila with the dummy driver, when integration/osbox runs it). */
class ShareContractOnOsboxIT extends ShareContract {
    @Override
    ContractCloud openCloud() {
        return OsboxCloud.connect();
    }
}
