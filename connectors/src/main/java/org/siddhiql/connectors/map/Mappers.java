package org.siddhiql.connectors.map;

import org.siddhiql.compiler.CompileException;
import org.siddhiql.compiler.connector.ConnectorSpec;
import org.siddhiql.compiler.connector.MapSpec;
import org.siddhiql.compiler.schema.StreamSchema;
import org.siddhiql.connectors.map.avro.AvroSinkMapper;
import org.siddhiql.connectors.map.avro.AvroSourceMapper;
import org.siddhiql.connectors.map.csv.CsvSinkMapper;
import org.siddhiql.connectors.map.csv.CsvSourceMapper;
import org.siddhiql.connectors.map.json.JsonSinkMapper;
import org.siddhiql.connectors.map.json.JsonSourceMapper;
import org.siddhiql.connectors.map.keyvalue.KeyValueSinkMapper;
import org.siddhiql.connectors.map.keyvalue.KeyValueSourceMapper;
import org.siddhiql.connectors.map.text.TextSinkMapper;
import org.siddhiql.connectors.map.text.TextSourceMapper;

/**
 * The one place a compiled {@code @map} becomes a mapper, for every connector. What the compiler could not check
 * without the mapper's library (a JSONPath's syntax, an Avro schema) is checked here and reported as a
 * {@link CompileException} at the connector's annotation.
 */
public final class Mappers {
    private Mappers() {
    }

    /** The mapper of {@code spec}'s records to events of {@code schema}, the stream the spec is on. */
    public static SourceMapper source(ConnectorSpec spec, StreamSchema schema) {
        MapSpec map = spec.map();
        try {
            switch (map.type()) {
                case "json": return new JsonSourceMapper(schema, map);
                case "csv": return new CsvSourceMapper(schema, map);
                case "text": return new TextSourceMapper(schema, map);
                case "keyvalue": return new KeyValueSourceMapper(schema, map);
                case "avro": return new AvroSourceMapper(schema, map);
                case "passthrough": return new PassThroughSourceMapper(schema);
                default: throw unknown(spec);
            }
        } catch (IllegalArgumentException e) {
            throw new CompileException(spec.line(), spec.column(), describe(spec) + ": " + e.getMessage());
        }
    }

    /** The mapper of events of {@code schema}, the stream {@code spec} is on, to its records. */
    public static SinkMapper sink(ConnectorSpec spec, StreamSchema schema) {
        MapSpec map = spec.map();
        try {
            switch (map.type()) {
                case "json": return new JsonSinkMapper(schema, map);
                case "csv": return new CsvSinkMapper(map);
                case "text": return new TextSinkMapper(schema, map);
                case "keyvalue": return new KeyValueSinkMapper(schema, map);
                case "avro": return new AvroSinkMapper(schema, map);
                case "passthrough": return new PassThroughSinkMapper();
                default: throw unknown(spec);
            }
        } catch (IllegalArgumentException e) {
            throw new CompileException(spec.line(), spec.column(), describe(spec) + ": " + e.getMessage());
        }
    }

    private static String describe(ConnectorSpec spec) {
        return "@map(type='" + spec.map().type() + "') of stream '" + spec.stream() + "'";
    }

    private static IllegalStateException unknown(ConnectorSpec spec) {
        return new IllegalStateException("the compiler admitted mapper type '" + spec.map().type()
                + "' but there is no mapper for it");
    }
}
