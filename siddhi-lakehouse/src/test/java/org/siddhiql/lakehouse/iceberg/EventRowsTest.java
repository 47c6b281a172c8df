package org.siddhiql.lakehouse.iceberg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.StringData;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.siddhiql.compiler.schema.AttributeType;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.runtime.event.Event;

class EventRowsTest {
    private static final StreamSchema TRADES = new StreamSchema("Trades", List.of("symbol", "price", "volume", "ok"),
            List.of(AttributeType.STRING, AttributeType.DOUBLE, AttributeType.LONG, AttributeType.BOOL));

    @Test
    void aNewTableTakesTheAttributesInTheirOrder() throws Exception {
        EventRows rows = new EventRows(TRADES, IcebergSchemas.toIceberg(TRADES, Set.of()));
        assertEquals(GenericRowData.of(StringData.fromString("IBM"), 75.5, 100L, true),
                rows.map(new Event(1L, new Object[] {"IBM", 75.5, 100L, true})));
        assertEquals(GenericRowData.of(null, 75.5, null, false),
                rows.map(new Event(1L, new Object[] {null, 75.5, null, false})));
    }

    /** A table written by others may order its columns differently and have more of them: those stay null. */
    @Test
    void columnsAreMatchedByName() throws Exception {
        Schema table = new Schema(Types.NestedField.optional(1, "volume", Types.LongType.get()),
                Types.NestedField.optional(2, "venue", Types.StringType.get()),
                Types.NestedField.optional(3, "symbol", Types.StringType.get()));
        assertEquals(GenericRowData.of(100L, null, StringData.fromString("IBM")),
                new EventRows(TRADES, table).map(new Event(1L, new Object[] {"IBM", 75.5, 100L, true})));
    }

    @Test
    void partitionByTermsBecomeAPartitionSpec() {
        Schema schema = IcebergSchemas.toIceberg(TRADES, Set.of());
        assertEquals("[\n  1000: symbol_trunc: truncate[2](1)\n  1001: volume_bucket: bucket[16](3)\n"
                + "  1002: ok: identity(4)\n]", IcebergSinkTables.partitioning(schema,
                "truncate[2](symbol), bucket[16]( volume ), ok").toString());
        assertEquals("[]", IcebergSinkTables.partitioning(schema, null).toString());
    }
}
