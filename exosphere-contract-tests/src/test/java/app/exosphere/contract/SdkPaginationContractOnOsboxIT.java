package app.exosphere.contract;

/** {@link SdkPaginationContract} against OsboxCloud. */
class SdkPaginationContractOnOsboxIT extends SdkPaginationContract {
    @Override
    ContractCloud openCloud() {
        return OsboxCloud.connect();
    }
}
