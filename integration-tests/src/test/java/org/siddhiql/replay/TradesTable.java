package org.siddhiql.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.TableIdentifier;
import org.siddhiql.compiler.AppCompiler;
import org.siddhiql.lakehouse.iceberg.IcebergCatalogs;

/** Table {@code db.trades} of a Hadoop catalog, landed in three commits of a few trades each. */
final class TradesTable {
    static final String APP = "define stream Trades (symbol string, price double, volume long, ts long);\n";
    private static final ObjectMapper JSON = new ObjectMapper();

    private TradesTable() {
    }

    /** @return the table's snapshots, oldest first */
    static List<Snapshot> land(Path warehouse) throws IOException {
        Catalog catalog = IcebergCatalogs.loader(Map.of("warehouse", warehouse.toString())).loadCatalog();
        try {
            EventTables tables = new EventTables(catalog, new AppCompiler().compile(APP));
            tables.commit(List.of(trade("IBM", 75.5, 100, 1000), trade("WSO2", 57.0, 10, 2000)));
            tables.commit(List.of(trade("IBM", 76.0, 50, 3000)));
            tables.commit(List.of(trade("ORCL", 12.25, 7, 4000), trade("WSO2", 58.5, 20, 5000)));
        } finally {
            ((Closeable) catalog).close();
        }
        return snapshots(warehouse);
    }

    /** The snapshots of the table now, oldest first. */
    static List<Snapshot> snapshots(Path warehouse) throws IOException {
        Catalog catalog = IcebergCatalogs.loader(Map.of("warehouse", warehouse.toString())).loadCatalog();
        try {
            Table table = catalog.loadTable(TableIdentifier.parse("db.trades"));
            List<Snapshot> snapshots = new ArrayList<>();
            table.snapshots().forEach(snapshots::add);
            return snapshots;
        } finally {
            ((Closeable) catalog).close();
        }
    }

    private static JsonNode trade(String symbol, double price, long volume, long ts) {
        return JSON.createObjectNode().put("stream", "Trades").put("ts", ts)
                .set("data", JSON.createArrayNode().add(symbol).add(price).add(volume).add(ts));
    }
}
