package org.siddhiql.lakehouse;

import java.util.Map;
import org.siddhiql.lakehouse.delta.DeltaTable;
import org.siddhiql.lakehouse.iceberg.IcebergTable;

/** Opens the table an address names, whatever its format. */
public final class LakehouseTables {
    private LakehouseTables() {
    }

    /**
     * @param options where the table lies, by the names the format's connector takes (an Iceberg catalog's
     *     {@code catalog.type}, {@code warehouse}, {@code uri}...; S3's {@code endpoint}, {@code aws.access.key}...)
     * @throws IllegalArgumentException with a message for the user when the table cannot be opened
     */
    public static LakehouseTable open(TableAddress address, Map<String, String> options) {
        return switch (address.format()) {
            case ICEBERG -> IcebergTable.open(address.name(), options);
            case DELTA -> DeltaTable.open(address.name(), options);
        };
    }
}
